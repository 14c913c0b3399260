import type { AtomSpec, MasterPlan, TestCounts, ValidationError } from '@mge/contracts';

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

/** The four levels of validation. */
export interface Checker {
  checkAtom(spec: AtomSpec, code: string): ValidationError[];
  checkTask(snapshot: ProjectSnapshot, taskId: string): Promise<LevelOutcome>;
  checkMilestone(
    snapshot: ProjectSnapshot,
    milestoneId: string,
  ): Promise<LevelOutcome & { tests: TestCounts }>;
  checkProject(
    snapshot: ProjectSnapshot,
    target: { outDir: string; smokePath: string },
  ): Promise<LevelOutcome & { tests: TestCounts; smoke: { passed: boolean; detail: string }; files: number }>;
}
