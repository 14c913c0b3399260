import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AssembledFile, ValidationError } from '@mge/contracts';
import { atomsAtLine } from '@mge/contracts';
import ts from 'typescript';
import { local } from './local.js';
import { compilerOptions } from './options.js';

/**
 * One long-lived compiler per checker: declaration files (lib, @types) are parsed once and kept,
 * the previous program is passed as `oldProgram`, and project files live in memory under a root.
 */
export function createCompiler(typeRoots: readonly string[]) {
  const cache = new Map<string, ts.SourceFile>();
  let previous: ts.Program | undefined;

  const hostFor = (
    root: string,
    files: ReadonlyMap<string, string>,
    options: ts.CompilerOptions,
  ): ts.CompilerHost => {
    const base = ts.createCompilerHost(options);
    const virtual = new Map([...files].map(([file, text]) => [join(root, file), text]));
    virtual.set(join(root, 'package.json'), '{ "type": "module" }');
    const dirs = new Set([...virtual.keys()].flatMap((f) => ancestors(f)));
    return {
      ...base,
      fileExists: (f) => virtual.has(f) || base.fileExists(f),
      directoryExists: (d) => dirs.has(d) || (base.directoryExists?.(d) ?? false),
      realpath: (p) => (virtual.has(p) || dirs.has(p) ? p : (base.realpath?.(p) ?? p)),
      readFile: (f) => virtual.get(f) ?? base.readFile(f),
      getSourceFile: (fileName, version, onError) => {
        const text = virtual.get(fileName);
        if (text !== undefined) return ts.createSourceFile(fileName, text, version, true);
        const key = `${fileName}|${typeof version === 'object' ? String(version.impliedNodeFormat) : ''}`;
        const cached = cache.get(key);
        if (cached !== undefined) return cached;
        const parsed = base.getSourceFile(fileName, version, onError);
        if (parsed !== undefined) cache.set(key, parsed);
        return parsed;
      },
      writeFile: (fileName, text) => {
        mkdirSync(dirname(fileName), { recursive: true });
        writeFileSync(fileName, text);
      },
    };
  };

  /** A program over the given project files (paths relative to `root`). */
  const program = (root: string, files: ReadonlyMap<string, string>): ts.Program => {
    const options = compilerOptions(root, typeRoots);
    const rootNames = [...files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
    previous = ts.createProgram({
      rootNames,
      options,
      host: hostFor(root, files, options),
      ...(previous === undefined ? {} : { oldProgram: previous }),
    });
    return previous;
  };

  return { program };
}

/** Every folder above a path. */
function ancestors(file: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) out.push(dir);
  return out;
}

export type Compiler = ReturnType<typeof createCompiler>;

/** Diagnostics of one file, as errors naming the atoms whose lines carry them. */
export function diagnosticsOf(
  program: ts.Program,
  root: string,
  assembled: AssembledFile,
  level: 2 | 3 | 4,
): ValidationError[] {
  const source = program.getSourceFile(join(root, assembled.file));
  if (source === undefined)
    return [
      { level, code: 'missing', message: `${assembled.file} is not in the program`, file: assembled.file },
    ];
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  return diagnostics.flatMap((d) => {
    const line = source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    const message = local(ts.flattenDiagnosticMessageText(d.messageText, ' '), root);
    const owners = atomsAtLine(assembled, line);
    const base = { level, code: `TS${d.code}`, message, file: assembled.file, line };
    return owners.length === 0 ? [base] : owners.map((atomId) => ({ ...base, atomId }));
  });
}
