import { costBasisOf, roundUsd as usd } from '../pricing.js';
import type { RunSummary } from '../summary.js';
import { summarizeV1 } from './summarize-v1.js';
import type { AtomView, RunView } from './view.js';

export const ratio = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1e4) / 1e4;

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

export function histogram(values: number[]): Record<string, number> {
  const bins: Record<string, number> = {};
  for (const v of values.sort((a, b) => a - b)) bins[String(v)] = (bins[String(v)] ?? 0) + 1;
  return bins;
}

function tokensOf(view: RunView): RunSummary['tokens'] {
  const { input, output, cacheWrite, cacheRead } = view.tokens;
  const cached = cacheWrite + cacheRead === 0 ? {} : { cacheWrite, cacheRead };
  return { input, output, total: input + output + cacheWrite + cacheRead, ...cached };
}

function modelCallsOf(view: RunView): NonNullable<RunSummary['modelCalls']> {
  const { calls, requests, cacheHits, replayed, billedUsd } = view.modelCalls;
  return {
    calls,
    requests,
    cacheHits,
    replayed,
    billedUsd: usd(billedUsd),
    savedUsd: usd(Math.max(0, view.costUsd - billedUsd)),
  };
}

/** Cost by task, dearest first; absent when the run cost nothing. */
function taskCostsOf(view: RunView): Record<string, number> | undefined {
  const costs = [...view.taskCosts].filter(([, c]) => c > 0).sort(([, a], [, b]) => b - a);
  return costs.length === 0 ? undefined : Object.fromEntries(costs.map(([task, c]) => [task, usd(c)]));
}

/** What every summary states the same way, whatever the pipeline. */
export function runFacts(view: RunView, completedAt: string) {
  const requestedAt = view.requestedAt === undefined ? Date.parse(completedAt) : Date.parse(view.requestedAt);
  const costByTask = taskCostsOf(view);
  return {
    runId: view.runId,
    mode: view.requested?.mode ?? 'v2',
    provider: view.requested?.provider ?? 'offline',
    ...(view.requested?.model === undefined ? {} : { model: view.requested.model }),
    request: view.requested?.request ?? '',
    outDir: view.requested?.outDir ?? '',
    durationMs: Math.max(0, Date.parse(completedAt) - requestedAt),
    tokens: tokensOf(view),
    costUsd: usd(view.costUsd),
    ...(costByTask === undefined ? {} : { costByTask }),
    ...(view.modelCalls.calls === 0 ? {} : { modelCalls: modelCallsOf(view) }),
    costBasis: costBasisOf(view.requested?.provider ?? 'offline'),
    ...(view.requested?.budgetUsd === undefined ? {} : { budgetUsd: view.requested.budgetUsd }),
  };
}

/** A stage that could not go on, as a summary's failure. */
export const stageFailureOf = (view: RunView): RunSummary['failure'] =>
  view.stageFailure === undefined
    ? undefined
    : { stage: view.stageFailure.stage, reason: `${view.stageFailure.code}: ${view.stageFailure.message}` };

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
