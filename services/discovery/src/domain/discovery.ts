import type { DecisionMeta, DiscoveryDocument, MgeEvent, RunView } from '@mge/contracts';
import { createMessage, stageFailure } from '@mge/contracts';

/** What discovery learnt: a document (from the model, or the given spec), or why it could not. */
export type DiscoveryOutcome =
  | { readonly kind: 'document'; readonly document: DiscoveryDocument; readonly source: 'request' | 'spec' }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

/** Whether the run still needs discovery. */
export const needsDiscovery = (view: RunView): boolean =>
  view.requested !== undefined && view.document === undefined && view.completed === undefined;

/** The events that record discovery's outcome. */
export function decideDiscovery(view: RunView, outcome: DiscoveryOutcome, meta: DecisionMeta): MgeEvent[] {
  if (outcome.kind === 'failed') {
    return stageFailure(
      view,
      { stage: 'discovery', code: outcome.code, message: outcome.message, details: [] },
      meta,
    );
  }
  const data = { runId: view.runId, document: outcome.document, source: outcome.source };
  return [createMessage('DiscoveryCompleted', data, { ...meta, key: [] })];
}
