// One jest project per test tier; TypeScript is compiled by @swc/jest as native ESM.
const base = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  cacheDirectory: '<rootDir>/.jest-cache',
};

export default {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/**/src/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/**/src/**/*.int.spec.ts'], testTimeout: 120_000 },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/integration-tests/src/**/*.e2e.spec.ts'], testTimeout: 600_000 },
  ],
};
