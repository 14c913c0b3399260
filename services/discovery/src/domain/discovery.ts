import type { DecisionMeta, RunView } from '@mge/run';
import type { DiscoveryDocument, MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { stageFailure } from '@mge/run';

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
  return [
    createMessage('DiscoveryCompleted', data, { ...meta, key: [] }),
    ...twinCopy(outcome.document, meta, twin),
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
