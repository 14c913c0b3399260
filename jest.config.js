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
  // out/ holds generated projects (with their own package.json and tests): never MGE's tests or modules
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/out/'],
  modulePathIgnorePatterns: ['<rootDir>/out/'],
  cacheDirectory: '<rootDir>/.jest-cache',
};

// Time limits per tier are set by scripts/test (--testTimeout); this default suits a single int or e2e file.
export default {
  testTimeout: 300_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/src/**/*.unit.spec.ts', '<rootDir>/scripts/**/*.unit.spec.mjs'],
    },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/**/src/**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/integration-tests/src/**/*.e2e.spec.ts'] },
  ],
};
