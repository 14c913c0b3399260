import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import ts from 'typescript';

/** The @types folder holding the Node declarations the generated project compiles against. */
export function defaultTypeRoots(): string[] {
  const require = createRequire(import.meta.url);
  return [dirname(dirname(require.resolve('@types/node/package.json')))];
}

/** Exactly the options of the generated project's tsconfig.json. */
export function compilerOptions(root: string, typeRoots: readonly string[]): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    types: ['node'],
    typeRoots: [...typeRoots],
    skipLibCheck: true,
    rootDir: `${root}/src`,
    outDir: `${root}/dist`,
    sourceMap: false,
    declaration: false,
  };
}
