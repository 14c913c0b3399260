import type { AtomSpec, MasterPlan, SandboxLayer, Task, TestCounts, ValidationError } from '@mge/contracts';
import type { Bus, Clock } from '@mge/kit';

/** The atoms of a run that currently stand (passed L1), with their code. */
export interface ProjectSnapshot {
  readonly runId: string;
  readonly plan: MasterPlan;
  readonly atoms: readonly { readonly spec: AtomSpec; readonly code: string }[];
}

/** The result of a level above L1: whom a failure blames. */
export interface LevelOutcome {
  readonly passed: boolean;
  readonly errors: ValidationError[];
  readonly blamedAtoms: string[];
}

/** A V1 file: its task and the code written for it (none when the provider failed). */
export interface WholeFile {
  readonly task: Task;
  readonly code: string | undefined;
}

/** Where a whole-project check writes the project, and what its smoke test asks for. */
export interface ProjectTarget {
  readonly outDir: string;
  readonly smokePath: string;
}

/** The outcome of a level that runs generated code, with the sandbox layer it ran under (if it ran any). */
export type RunOutcome = LevelOutcome & { tests: TestCounts; sandbox?: SandboxLayer };

/** The outcome of building, testing and smoke-testing a whole project. */
export type ProjectOutcome = RunOutcome & {
  smoke: { passed: boolean; detail: string };
  files: number;
};

/** Where an atom sits according to the plan, not according to the atom: the file of its task. */
export interface AtomPlace {
  readonly planFile: string | undefined;
}

/** The four levels of validation, and V1's single check of whole files. */
export interface Checker {
  checkAtom(spec: AtomSpec, code: string, place?: AtomPlace): ValidationError[];
  checkTask(snapshot: ProjectSnapshot, taskId: string): Promise<LevelOutcome>;
  checkMilestone(snapshot: ProjectSnapshot, milestoneId: string): Promise<RunOutcome>;
  checkProject(snapshot: ProjectSnapshot, target: ProjectTarget): Promise<ProjectOutcome>;
  /** V1: the project made of whole files; `blamedAtoms` are the ids of the tasks whose files are at fault. */
  checkFiles(files: readonly WholeFile[], target: ProjectTarget): Promise<ProjectOutcome>;
}

/** What the validator's handlers need. */
export interface ValidatorDeps {
  readonly bus: Bus;
  readonly checker: Checker;
  readonly clock: Clock;
  /** Where whole projects are built, a folder per run; nothing a request says chooses it. */
  readonly projectsDir: string;
  /** Where a checked project goes once built: the object store. */
  readonly artifacts: ProjectArchive;
}

/** Keeps a built project (its folder packed as a `.tar.gz`) under the run id. */
export interface ProjectArchive {
  put(runId: string, dir: string): Promise<{ size: number; sha256: string; files: number }>;
}
