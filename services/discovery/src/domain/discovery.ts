import type { DecisionMeta, RunView } from '@mge/run';
import type { DiscoveryDocument, MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { applyEvent, stageFailure, stopsForQuestions, UNSURE } from '@mge/run';

/** What discovery learnt: a document (from the model, or the given spec), or why it could not. */
export type DiscoveryOutcome =
  | { readonly kind: 'document'; readonly document: DiscoveryDocument; readonly source: 'request' | 'spec' }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

/** Whether the run still needs discovery. */
export const needsDiscovery = (view: RunView): boolean =>
  view.requested !== undefined && view.document === undefined && view.completed === undefined;

/** Whether the run gets its document from its twin (a shadow run of a parallel pair). */
export const isShadow = (view: RunView): boolean => view.requested?.pairing?.role === 'shadow';

/**
 * The events that record discovery's outcome, for the run and for its shadow twin when it has one:
 * both pipelines of a pair work from the same DiscoveryDocument, and fail together when there is none.
 */
export function decideDiscovery(
  view: RunView,
  outcome: DiscoveryOutcome,
  meta: DecisionMeta,
  twin?: RunView,
): MgeEvent[] {
  if (outcome.kind === 'failed') {
    const failure = {
      stage: 'discovery' as const,
      code: outcome.code,
      message: outcome.message,
      details: [],
    };
    const twinFailure = {
      ...failure,
      message: `the serving run ${view.runId} could not be discovered: ${failure.message}`,
    };
    return [
      ...stageFailure(view, failure, meta),
      ...(twin === undefined ? [] : stageFailure(twin, twinFailure, meta)),
    ];
  }
  const data = { runId: view.runId, document: outcome.document, source: outcome.source };
  const completed = createMessage('DiscoveryCompleted', data, { ...meta, key: [] });
  if (stopsForQuestions(view, outcome.document)) return [completed, ...unsure(view, completed, meta, twin)];
  return [completed, ...twinCopy(outcome.document, meta, twin)];
}

/**
 * A strict run whose document has open questions stops here, before planning: the document is
 * recorded (so the questions can be read and answered), then the run fails naming them, its shadow too.
 */
function unsure(
  view: RunView,
  completed: MgeEvent<'DiscoveryCompleted'>,
  meta: DecisionMeta,
  twin?: RunView,
): MgeEvent[] {
  applyEvent(view, completed);
  const questions = completed.data.document.openQuestions;
  const failure = {
    stage: 'discovery' as const,
    code: UNSURE,
    message: `discovery is unsure (${questions.length} open question${questions.length === 1 ? '' : 's'}); answer them in the request, or run without strict`,
    details: questions,
  };
  return [
    ...stageFailure(view, failure, meta),
    ...(twin === undefined
      ? []
      : stageFailure(
          twin,
          { ...failure, message: `the serving run ${view.runId} stopped: ${failure.message}` },
          meta,
        )),
  ];
}

/** The shadow twin's copy of the document, while it has none (also when a redelivery finds the serving run done). */
export function twinCopy(
  document: DiscoveryDocument | undefined,
  meta: DecisionMeta,
  twin?: RunView,
): MgeEvent[] {
  if (
    document === undefined ||
    twin === undefined ||
    twin.document !== undefined ||
    twin.completed !== undefined
  )
    return [];
  const copy = { runId: twin.runId, document, source: 'twin' as const };
  return [createMessage('DiscoveryCompleted', copy, { ...meta, key: [] })];
}
