import type { DecisionMeta, RunView } from '@mge/run';
import type { MgeEvent, StageFailed } from '@mge/contracts';
import { applyEvent, reviewItems, revisionOf, runCompleted, stageFailure } from '@mge/run';
import { createMessage } from '@mge/contracts';
import type { Budget } from './budget.js';
import { findDeadEnd } from './dead-end.js';

/** The statuses of an atom whose attempt is under way. */
export const IN_FLIGHT: ReadonlySet<string> = new Set(['dispatched', 'generated']);

/** The atoms that need a person's look, recorded just before the run completes. */
function reviewQueued(view: RunView, meta: DecisionMeta): MgeEvent {
  const key = [`review-${view.reopens}`];
  const queued = createMessage(
    'ReviewQueued',
    { runId: view.runId, items: reviewItems(view) },
    { ...meta, key },
  );
  applyEvent(view, queued);
  return queued;
}

/** The run ends: review, then RunCompleted. */
const finish = (view: RunView, meta: DecisionMeta): MgeEvent[] => [
  reviewQueued(view, meta),
  runCompleted(view, meta),
];

/** The run cannot go on: StageFailed, review, then RunCompleted. */
function stopRun(view: RunView, failure: Omit<StageFailed, 'runId'>, meta: DecisionMeta): MgeEvent[] {
  const [failed, completed] = stageFailure(view, failure, meta);
  return [failed, reviewQueued(view, meta), completed];
}

/**
 * How the run ends, if it does now: it passed L4 at its current revision, every atom is settled with
 * some failed, the budget stopped it (`stalledBy`), or a validation failed with no atom to blame.
 * `view` is the decider's own copy: the events are folded into it as they are made, so each sees the last.
 */
export function completion(view: RunView, stalledBy: Budget | undefined, meta: DecisionMeta): MgeEvent[] {
  const atoms = [...view.atoms.values()];
  const plan = view.planResult;
  const current = plan?.passed === true && plan.revision === revisionOf(view, view.atoms.keys());
  // an atom a reviewer sent back for regeneration has no new attempt yet: the old L4 does not cover it
  if (current && !atoms.some((a) => a.status === 'invalid')) return finish(view, meta);
  if (atoms.some((a) => IN_FLIGHT.has(a.status))) return [];
  if (stalledBy !== undefined) {
    const left = atoms.filter((a) => a.status === 'waiting' || a.status === 'invalid').length;
    const failure = {
      stage: 'executor' as const,
      code: 'budget',
      message: `${stalledBy.describe()}; ${left} atom(s) left undone`,
      details: [],
    };
    return stopRun(view, failure, meta);
  }
  if (atoms.some((a) => a.status === 'invalid')) return [];
  if (atoms.some((a) => a.status === 'failed')) return finish(view, meta);
  const deadEnd = findDeadEnd(view);
  if (deadEnd === undefined) return [];
  const failure = {
    stage: 'validator' as const,
    code: 'unattributed_failure',
    message: deadEnd,
    details: [],
  };
  return stopRun(view, failure, meta);
}
