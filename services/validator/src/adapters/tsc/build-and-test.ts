import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AtomSpec, TestCounts, ValidationError } from '@mge/contracts';
import type { LevelOutcome } from '../../ports.js';
import type { Compiler } from './compiler.js';
import { diagnosticsOf } from './compiler.js';
import type { AssembledProject } from './project.js';
import { isTypeScript } from './project.js';
import type { Containment } from '../sandbox/containment.js';
import type { SandboxLimits } from './sandbox.js';
import { runTestFiles } from './sandbox.js';
import { local } from './local.js';
import { parseTap } from './tap.js';

type Level = 3 | 4;

/** Where `src/a/b.test.ts` lands once built: `dist/a/b.test.js`. */
export const distPath = (file: string): string => file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

export async function writeSources(
  dir: string,
  project: AssembledProject,
  files: Iterable<string>,
): Promise<number> {
  let written = 0;
  for (const file of files) {
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, project.files.get(file)!.text);
    written++;
  }
  return written;
}

/** Compiles `files` into `dir/dist`; the errors name the atoms carrying them. */
export function compileInto(
  compiler: Compiler,
  dir: string,
  project: AssembledProject,
  files: ReadonlySet<string>,
  level: Level,
): ValidationError[] {
  const sources = new Map([...files].filter(isTypeScript).map((f) => [f, project.files.get(f)!.text]));
  const program = compiler.program(dir, sources);
  const errors = [...sources.keys()].flatMap((f) =>
    diagnosticsOf(program, dir, project.files.get(f)!, level),
  );
  if (errors.length === 0) program.emit();
  return errors;
}

const blameOf = (errors: readonly ValidationError[], fallback: readonly string[]): string[] => {
  const named = [...new Set(errors.flatMap((e) => (e.atomId === undefined ? [] : [e.atomId])))];
  return named.length > 0 ? named : [...fallback];
};

/** A compile failure as a level outcome. */
export const compileFailure = (
  errors: ValidationError[],
  atoms: readonly AtomSpec[],
): LevelOutcome & { tests: TestCounts } => ({
  passed: false,
  errors: errors.slice(0, 20),
  blamedAtoms: blameOf(
    errors,
    atoms.map((a) => a.id),
  ),
  tests: { passed: 0, failed: 0 },
});

/**
 * The atom of the innermost project function in a failure's stack trace (`name (file://…/dist/….js:l:c)`),
 * when the failure was thrown inside project code rather than by the test's own assertion.
 */
export function culpritOf(detail: string, project: Pick<AssembledProject, 'homes'>): string | undefined {
  for (const frame of detail.matchAll(
    /([A-Za-z_$][\w$]*) \(file:\/\/[^)\s]*\/dist\/[^)\s]*\.js:\d+:\d+\)/g,
  )) {
    const home = project.homes.get(frame[1]!);
    if (home !== undefined) return home.atomId;
  }
  return undefined;
}

/**
 * Runs the built test files in the sandbox. A failing test whose stack trace names a project function
 * blames that function's atom; otherwise it blames its test atom and the atoms of the same milestone it
 * needs; a crash or time-out nobody can be named for blames every test atom run.
 */
export async function runTests(
  containment: Containment,
  dir: string,
  project: AssembledProject,
  testFiles: readonly string[],
  limits: SandboxLimits,
  level: Level,
): Promise<LevelOutcome & { tests: TestCounts }> {
  if (testFiles.length === 0)
    return { passed: true, errors: [], blamedAtoms: [], tests: { passed: 0, failed: 0 } };
  const result = await runTestFiles(
    containment,
    dir,
    testFiles.map((f) => join(dir, distPath(f))),
    limits,
  );
  const tap = parseTap(result.stdout);
  const testAtoms = testFiles.flatMap((f) =>
    (project.atomsByFile.get(f) ?? []).filter((a) => a.kind === 'test'),
  );
  const bySymbol = new Map(testAtoms.map((a) => [a.symbol, a]));
  const failed = tap.filter((t) => !t.passed);
  const tests = { passed: tap.length - failed.length, failed: failed.length };
  if (failed.length === 0 && result.code === 0 && !result.timedOut)
    return { passed: true, errors: [], blamedAtoms: [], tests };
  if (failed.length === 0) {
    const message = result.timedOut
      ? `the tests did not finish within ${limits.timeoutMs} ms`
      : `the tests crashed (exit ${result.code}): ${local(result.stderr, dir).trim().slice(-600)}`;
    return {
      passed: false,
      errors: [{ level, code: result.timedOut ? 'timeout' : 'crash', message }],
      blamedAtoms: testAtoms.map((a) => a.id),
      tests,
    };
  }
  const errors = failed.map((t): ValidationError => {
    const atom = bySymbol.get(t.name);
    return {
      level,
      code: 'test',
      message: `test "${t.name}" failed: ${local(t.detail, dir)}`,
      ...(atom === undefined ? {} : { atomId: atom.id, file: atom.file }),
    };
  });
  const blamed = failed.flatMap((t) => {
    const culprit = culpritOf(t.block, project);
    if (culprit !== undefined) return [culprit];
    const atom = bySymbol.get(t.name);
    if (atom === undefined) return testAtoms.map((a) => a.id);
    const sameMilestone = atom.needs
      .map((n) => project.homes.get(n))
      .filter(
        (h) => h !== undefined && project.atomsByFile.get(h.file)?.[0]?.milestoneId === atom.milestoneId,
      );
    return [atom.id, ...sameMilestone.map((h) => h!.atomId)];
  });
  return { passed: false, errors: errors.slice(0, 20), blamedAtoms: [...new Set(blamed)], tests };
}
