import type { MgeEvent, StageFailed } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { summarizeRun } from './summarize.js';
import type { RunView } from './view.js';
import { applyEvent } from './fold.js';

/** Who produces, and when: the meta every decider needs to stamp the events it decides. */
export interface DecisionMeta {
  readonly source: string;
  readonly time: string;
  readonly cause: Pick<MgeEvent, 'id' | 'correlationId'>;
}

/** The run ends now: RunCompleted with the summary of the view (which must already hold every event). */
export function runCompleted(view: RunView, meta: DecisionMeta): MgeEvent<'RunCompleted'> {
  const summary = summarizeRun(view, meta.time);
  // a run a reviewer reopened completes again: a new fact, with its own id
  const key = view.reopens === 0 ? [] : [`reopened-${view.reopens}`];
  return createMessage('RunCompleted', { runId: view.runId, summary }, { ...meta, key });
}

/** A stage cannot go on: StageFailed, then RunCompleted (failed) with the failure in its summary. */
export function stageFailure(
  view: RunView,
  failure: Omit<StageFailed, 'runId'>,
  meta: DecisionMeta,
): [MgeEvent<'StageFailed'>, MgeEvent<'RunCompleted'>] {
  const failed = createMessage(
    'StageFailed',
    { runId: view.runId, ...failure },
    { ...meta, key: [failure.stage] },
  );
  applyEvent(view, failed);
  return [failed, runCompleted(view, meta)];
}

/** A stage the model could not do (it refused the request, or kept failing): StageFailed + RunCompleted. */
export const modelFailure = (
  view: RunView,
  stage: StageFailed['stage'],
  message: string,
  meta: DecisionMeta,
): [MgeEvent<'StageFailed'>, MgeEvent<'RunCompleted'>] =>
  stageFailure(view, { stage, code: 'model_failed', message, details: [] }, meta);
