import type { RunSummary } from '@mge/contracts';
import { summarizeV1 } from './summarize-v1.js';
import { histogram, ratio, runFacts, stageFailureOf } from './summary-facts.js';
import type { AtomView, RunView } from './view.js';

/** Whether an atom passed every level that has judged it (and the run's last L4, when there is one). */
function passedEveryLevel(view: RunView, atom: AtomView): boolean {
  if (atom.status !== 'passed') return false;
  const levels = [
    view.tasks.get(atom.spec.taskId),
    view.milestones.get(atom.spec.milestoneId),
    view.planResult,
  ];
  return levels.every((level) => level?.passed === true);
}

function failureOf(view: RunView, failedAtoms: number): RunSummary['failure'] {
  if (view.stageFailure !== undefined) return stageFailureOf(view);
  if (failedAtoms > 0)
    return { stage: 'executor', reason: `${failedAtoms} atom(s) failed after all attempts` };
  if (view.planResult?.passed === false) return { stage: 'validator', reason: 'the project failed L4' };
  if (view.planResult === undefined) return { stage: 'validator', reason: 'the project was never validated' };
  return undefined;
}

/**
 * The summary of a run from its view and the time it completed: the only place metrics are
 * defined, so the executor, `mge replay` and reports agree.
 */
export function summarizeRun(view: RunView, completedAt: string): RunSummary {
  if (view.requested?.mode === 'v1') return summarizeV1(view, completedAt);
  const atoms = [...view.atoms.values()];
  const failed = atoms.filter((a) => a.status === 'failed');
  const attemptedAtoms = atoms.filter((a) => a.generations > 0).length;
  const succeeded =
    view.planResult?.passed === true && failed.length === 0 && view.stageFailure === undefined;
  const failure = succeeded ? undefined : failureOf(view, failed.length);
  return {
    ...runFacts(view, completedAt),
    status: succeeded ? 'succeeded' : 'failed',
    tasks: view.taskAtoms.size,
    milestones: view.milestoneAtoms.size,
    atoms: atoms.length,
    waves: view.waves,
    attempts: view.attempts,
    retries: view.attempts - attemptedAtoms,
    precision: ratio(atoms.filter((a) => passedEveryLevel(view, a)).length, atoms.length),
    firstPassPrecision: ratio(
      atoms.filter((a) => a.firstPass && passedEveryLevel(view, a)).length,
      atoms.length,
    ),
    attemptsHistogram: histogram(atoms.map((a) => a.attempt)),
    failures: {
      byLevel: { ...view.failures.byLevel },
      byClass: { ...view.failures.byClass },
    },
    levels: {
      l1: { ...view.counts.l1 },
      l2: { ...view.counts.l2 },
      l3: { ...view.counts.l3 },
      l4: { ...view.counts.l4 },
    },
    tests: view.planResult === undefined ? { passed: 0, failed: 0 } : { ...view.planResult.tests },
    ...(failure === undefined ? {} : { failure }),
    failedAtoms: failed.map((a) => ({
      atomId: a.spec.id,
      attempts: a.attempt,
      reason: a.errors[0]?.message ?? 'failed',
      errors: a.errors,
      blocked: a.blocks,
    })),
    blockedAtoms: atoms.filter((a) => a.status === 'blocked').map((a) => a.spec.id),
  };
}
