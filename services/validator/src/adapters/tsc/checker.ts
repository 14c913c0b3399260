import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planMilestones, planTasks } from '@mge/contracts';
import type { TestCounts, ValidationError } from '@mge/contracts';
import type { Checker, LevelOutcome, ProjectOutcome, ProjectTarget, RunOutcome } from '../../ports.js';
import type { SandboxNetworkMode } from '../../config.js';
import type { Refusal, Sandbox } from '../sandbox/containment.js';
import { resolveSandbox } from '../sandbox/containment.js';
import { compileFailure, compileInto, runTests, writeSources } from './build-and-test.js';
import { local } from './local.js';
import { createCompiler, diagnosticsOf } from './compiler.js';
import { checkAtom } from './l1-atom.js';
import { defaultTypeRoots } from './options.js';
import type { AssembledProject } from './project.js';
import { assembleProject, importClosure, wholeFileProject } from './project.js';
import type { SandboxLimits } from './sandbox.js';
import { smokeTest } from './smoke.js';

export interface CheckerOptions {
  /** Scratch space for milestone builds. */
  readonly workRoot: string;
  readonly testTimeoutMs?: number;
  readonly memoryMb?: number;
  readonly typeRoots?: readonly string[];
  /** How generated code is kept off the network (`MGE_SANDBOX_NETWORK`); `auto` by default. */
  readonly network?: SandboxNetworkMode;
}

const passed: LevelOutcome = { passed: true, errors: [], blamedAtoms: [] };
const noTests: TestCounts = { passed: 0, failed: 0 };

/** No layer could contain the generated code: the level fails with the reason, and nothing ran. */
const refused = (refusal: Refusal, level: 3 | 4): RunOutcome => ({
  passed: false,
  errors: [{ level, code: 'sandbox', message: `generated code was not run: ${refusal.reason}` }],
  blamedAtoms: [],
  tests: noTests,
  sandbox: 'refused',
});

/** The validator's checker: L1 by parsing, L2 by type-checking, L3/L4 by building and running tests in the sandbox. */
export function createChecker(options: CheckerOptions): Checker {
  const compiler = createCompiler(options.typeRoots ?? defaultTypeRoots());
  const limits: SandboxLimits = {
    timeoutMs: options.testTimeoutMs ?? 60_000,
    memoryMb: options.memoryMb ?? 256,
  };
  let builds = 0;
  let resolved: Promise<Sandbox> | undefined;
  /** Decided once per checker: which layer contains the generated code (docs/SECURITY.md). */
  const sandbox = (): Promise<Sandbox> =>
    (resolved ??= resolveSandbox(options.network ?? 'auto', join(options.workRoot, '.sandbox')));

  /** Writes the project to `outDir`, compiles it into `dist`, runs its tests, starts it and asks it once. */
  const buildProject = async (
    project: AssembledProject,
    testFiles: readonly string[],
    target: ProjectTarget,
  ): Promise<ProjectOutcome> => {
    await rm(join(target.outDir, 'dist'), { recursive: true, force: true });
    await rm(join(target.outDir, 'src'), { recursive: true, force: true });
    const written = await writeSources(target.outDir, project, project.files.keys());
    const errors = compileInto(compiler, target.outDir, project, new Set(project.files.keys()), 4);
    const none = { passed: false, detail: 'not run' };
    if (errors.length > 0)
      return {
        ...compileFailure(errors, [...project.atomsByFile.values()].flat()),
        smoke: none,
        files: written,
      };
    const box = await sandbox();
    if (box.layer === 'refused') return { ...refused(box, 4), smoke: none, files: written };
    const tested = await runTests(box, target.outDir, project, testFiles, limits, 4);
    if (!tested.passed) return { ...tested, smoke: none, files: written, sandbox: box.layer };
    const smoke = await smokeTest(box, target.outDir, target.smokePath, limits);
    if (smoke.passed) return { ...passed, tests: tested.tests, smoke, files: written, sandbox: box.layer };
    const entry = [...project.files.keys()].filter((f) => f === 'src/main.ts' || f === 'src/app.ts');
    const blamed = entry.flatMap((f) => (project.atomsByFile.get(f) ?? []).map((a) => a.id));
    return {
      passed: false,
      errors: [{ level: 4, code: 'smoke', message: local(smoke.detail, target.outDir) }],
      blamedAtoms: blamed,
      tests: tested.tests,
      smoke,
      files: written,
      sandbox: box.layer,
    };
  };

  return {
    checkAtom,

    checkTask: async (snapshot, taskId) => {
      const task = planTasks(snapshot.plan).find((t) => t.id === taskId);
      if (task === undefined || task.kind === 'asset') return passed;
      const project = assembleProject(snapshot);
      const atoms = snapshot.atoms.filter((a) => a.spec.taskId === taskId).map((a) => a.spec);
      const unresolved = atoms.flatMap((a) =>
        a.needs
          .filter((n) => !project.homes.has(n))
          .map((n): ValidationError => ({
            level: 2,
            code: 'unresolved-import',
            message: `${n} is provided by no atom`,
            file: a.file,
            atomId: a.id,
          })),
      );
      if (unresolved.length > 0)
        return {
          passed: false,
          errors: unresolved,
          blamedAtoms: [...new Set(unresolved.map((e) => e.atomId!))],
        };
      const root = join(options.workRoot, snapshot.runId, 'virtual');
      const sources = new Map(
        [...project.files].filter(([f]) => f.endsWith('.ts')).map(([f, a]) => [f, a.text]),
      );
      const errors = diagnosticsOf(compiler.program(root, sources), root, project.files.get(task.file)!, 2);
      if (errors.length === 0) return passed;
      const blamed = [...new Set(errors.flatMap((e) => (e.atomId === undefined ? [] : [e.atomId])))];
      return {
        passed: false,
        errors: errors.slice(0, 20),
        blamedAtoms: blamed.length > 0 ? blamed : atoms.map((a) => a.id),
      };
    },

    checkMilestone: async (snapshot, milestoneId) => {
      const milestone = planMilestones(snapshot.plan).find((m) => m.id === milestoneId);
      if (milestone === undefined) return { ...passed, tests: { passed: 0, failed: 0 } };
      const project = assembleProject(snapshot);
      const own = milestone.tasks.map((t) => t.file).filter((f) => project.files.has(f));
      const files = importClosure(project, own);
      const dir = join(options.workRoot, snapshot.runId, `l3-${milestoneId}-${++builds}`);
      await mkdir(dir, { recursive: true });
      try {
        await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
        const errors = compileInto(compiler, dir, project, files, 3);
        const atoms = snapshot.atoms.filter((a) => a.spec.milestoneId === milestoneId).map((a) => a.spec);
        if (errors.length > 0) return compileFailure(errors, atoms);
        const testFiles = milestone.tasks.filter((t) => t.kind === 'test').map((t) => t.file);
        const box = await sandbox();
        if (box.layer === 'refused') return refused(box, 3);
        return { ...(await runTests(box, dir, project, testFiles, limits, 3)), sandbox: box.layer };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    checkProject: (snapshot, target) => {
      const testFiles = planTasks(snapshot.plan)
        .filter((t) => t.kind === 'test')
        .map((t) => t.file);
      return buildProject(assembleProject(snapshot), testFiles, target);
    },

    checkFiles: (files, target) => {
      const testFiles = files
        .filter((f) => f.task.kind === 'test' && f.code !== undefined)
        .map((f) => f.task.file);
      return buildProject(wholeFileProject(files), testFiles, target);
    },
  };
}
