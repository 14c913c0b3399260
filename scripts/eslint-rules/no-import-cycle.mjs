// ESLint rule: no module may reach itself through its relative imports, type-only imports included
// (a cycle of types still ties two modules into one). Shared parts move down into a leaf module.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import ts from 'typescript';

const isFile = (path) => existsSync(path) && statSync(path).isFile();

/** The file a relative specifier names (`./x.js` is `./x.ts` in source), or undefined for packages. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`].find(isFile);
}

/** Each file's static relative imports, read once per lint run. */
const importsByFile = new Map();
function importsOf(file, text) {
  const known = importsByFile.get(file);
  if (known !== undefined && text === undefined) return known;
  const imports = ts
    .preProcessFile(text ?? readFileSync(file, 'utf8'), true, false)
    .importedFiles.map((imported) => resolveSpecifier(file, imported.fileName))
    .filter((target) => target !== undefined);
  importsByFile.set(file, imports);
  return imports;
}

/** The files on a path of imports from `start` back to `target` (both included), or undefined. */
function pathBack(start, target, seen) {
  if (start === target) return [target];
  if (seen.has(start)) return undefined;
  seen.add(start);
  for (const next of importsOf(start)) {
    const rest = pathBack(next, target, seen);
    if (rest !== undefined) return [start, ...rest];
  }
  return undefined;
}

const STATIC_IMPORTS = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration']);

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between modules, type-only imports included' },
    schema: [],
    messages: { cycle: 'import cycle: {{path}}; move the shared part down into a leaf module' },
  },
  create(context) {
    const file = context.filename;
    return {
      Program(program) {
        importsOf(file, context.sourceCode.text);
        const seen = new Set();
        for (const node of program.body) {
          if (!STATIC_IMPORTS.has(node.type) || node.source == null) continue;
          const target = resolveSpecifier(file, String(node.source.value));
          const path = target === undefined ? undefined : pathBack(target, file, seen);
          if (path === undefined) continue;
          const names = [file, ...path].map((f) => basename(f)).join(' → ');
          context.report({ node, messageId: 'cycle', data: { path: names } });
        }
      },
    };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
