import type { DiscoveryDocument } from '@mge/contracts';
import { toKebabCase } from '@mge/contracts';
import { documentAtom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** The compiler options the project is built (and validated) with. */
export const GENERATED_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  types: ['node'],
  rootDir: 'src',
  outDir: 'dist',
  skipLibCheck: true,
  sourceMap: false,
  declaration: false,
} as const;

/** The npm package name for a domain: kebab-case, or a plain default when nothing is left. */
export function packageName(doc: DiscoveryDocument): string {
  const name = toKebabCase(doc.domain).slice(0, 60).replace(/-+$/, '');
  return name === '' ? 'generated-api' : `${name}-api`.replace(/-api-api$/, '-api');
}

/** One-line description of the project. */
export function projectSummary(doc: DiscoveryDocument): string {
  const summary = doc.summary.replace(/\s+/g, ' ').trim();
  return summary !== '' ? summary : `A REST API for ${doc.domain.trim()}.`;
}

/** package.json: no runtime dependencies; TypeScript and Node's types for development. */
export function packageJsonFile(doc: DiscoveryDocument): FileTemplate {
  const manifest = {
    name: packageName(doc),
    version: '0.1.0',
    private: true,
    description: projectSummary(doc),
    type: 'module',
    main: 'dist/main.js',
    scripts: { build: 'tsc -p .', start: 'node dist/main.js', test: 'node --test dist' },
    engines: { node: '>=20' },
    devDependencies: { '@types/node': '^20', typescript: '5.9.3' },
  };
  return {
    ...INFRA.packageJson,
    kind: 'asset',
    description:
      'package.json: ES module package with build, start and test scripts and no runtime dependencies',
    atoms: [documentAtom('package.json', 'The package manifest', JSON.stringify(manifest, null, 2))],
  };
}

/** tsconfig.json: strict, NodeNext, src → dist. */
export function tsconfigFile(): FileTemplate {
  const tsconfig = { compilerOptions: GENERATED_COMPILER_OPTIONS, include: ['src'] };
  return {
    ...INFRA.tsconfig,
    kind: 'asset',
    description: 'tsconfig.json: strict TypeScript compiled from src/ to dist/ as NodeNext modules',
    atoms: [documentAtom('tsconfig.json', 'The TypeScript configuration', JSON.stringify(tsconfig, null, 2))],
  };
}

/** .gitignore: build output, dependencies and test data. */
export function gitignoreFile(): FileTemplate {
  return {
    ...INFRA.gitignore,
    kind: 'asset',
    description: '.gitignore: build output, installed packages and files tests write',
    atoms: [documentAtom('.gitignore', 'Files git leaves alone', 'node_modules/\ndist/\n.test-data/\n')],
  };
}
