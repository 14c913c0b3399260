import { classOfError } from '@mge/contracts';
import type { RunSummary } from '@mge/contracts';
import { histogram, ratio, runFacts, stageFailureOf } from './summary-facts.js';
import type { RunView, V1View } from './view.js';

const emptyLevels = () => ({ passed: 0, failed: 0 });

/** Why a V1 run failed, from the first thing that went wrong. */
function failureOf(view: RunView, v1: V1View | undefined): RunSummary['failure'] {
  if (view.stageFailure !== undefined) return stageFailureOf(view);
  const missing = [...(v1?.files.values() ?? [])].filter((f) => f.failure !== undefined).length;
  if (missing > 0) return { stage: 'executor', reason: `${missing} file(s) could not be generated` };
  if (v1?.result === undefined) return { stage: 'validator', reason: 'the project was never validated' };
  const first = v1.result.errors[0];
  return {
    stage: 'validator',
    reason: `the project failed its end-of-run check${first === undefined ? '' : `: ${first.message.slice(0, 200)}`}`,
  };
}

/**
 * The summary of a V1 run. Its unit is the file (V1 has no atoms): `precision` is the share of
 * planned files that were written and that no diagnostic or failing test points at; V1 makes one
 * attempt, so `firstPassPrecision` is the same.
 */
export function summarizeV1(view: RunView, completedAt: string): RunSummary {
  const v1 = view.v1;
  const tasks = v1?.tasks ?? [];
  const result = v1?.result;
  const blamed = new Set(result?.failedTasks ?? []);
  const good = tasks.filter(
    (t) => v1?.files.get(t.id)?.code !== undefined && result !== undefined && !blamed.has(t.id),
  );
  const succeeded =
    result?.passed === true && view.stageFailure === undefined && good.length === tasks.length;
  const precision = ratio(good.length, tasks.length);
  const byClass = { syntax: 0, import: 0, type: 0, test: 0, timeout: 0, provider: 0 };
  const failedFiles = tasks.flatMap((task) => {
    const written = v1?.files.get(task.id);
    if (written?.failure !== undefined) {
      byClass.provider += 1;
      return [{ taskId: task.id, file: task.file, reason: written.failure }];
    }
    if (!blamed.has(task.id)) return [];
    const error = result?.errors.find((e) => e.file === task.file) ?? result?.errors[0];
    if (error !== undefined) byClass[classOfError(error)] += 1;
    return [{ taskId: task.id, file: task.file, reason: error?.message.slice(0, 300) ?? 'failed the check' }];
  });
  const failure = succeeded ? undefined : failureOf(view, v1);
  return {
    ...runFacts(view, completedAt),
    status: succeeded ? 'succeeded' : 'failed',
    tasks: tasks.length,
    milestones: 0,
    atoms: 0,
    waves: 0,
    attempts: view.attempts,
    retries: 0,
    precision,
    firstPassPrecision: precision,
    attemptsHistogram: histogram([...(v1?.files.values() ?? [])].map(() => 1)),
    failures: { byLevel: { l1: 0, l2: 0, l3: 0, l4: blamed.size }, byClass },
    levels: { l1: emptyLevels(), l2: emptyLevels(), l3: emptyLevels(), l4: { ...view.counts.l4 } },
    tests: result === undefined ? { passed: 0, failed: 0 } : { ...result.tests },
    ...(failure === undefined ? {} : { failure }),
    failedAtoms: [],
    failedFiles,
    blockedAtoms: [],
  };
}
