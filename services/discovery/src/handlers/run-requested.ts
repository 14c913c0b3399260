import type { MgeEvent } from '@mge/contracts';
import type { Bus, Clock, Handler, HandlerContext, Outcome } from '@mge/kit';
import { ack, callModel, ValidationFailure } from '@mge/kit';
import type { DiscoveryOutcome } from '../domain/discovery.js';
import { decideDiscovery, isShadow, needsDiscovery, twinCopy } from '../domain/discovery.js';
import type { DiscoveryModel } from '../ports.js';

export interface RunRequestedDeps {
  readonly bus: Bus;
  readonly model: DiscoveryModel;
  readonly clock: Clock;
}

/** RunRequested → DiscoveryCompleted, for its shadow twin too (or StageFailed + RunCompleted when the request cannot be read). */
export const onRunRequested =
  (deps: RunRequestedDeps): Handler<'RunRequested'> =>
  async (event, ctx) => {
    const view = await deps.bus.views.load(event.data.runId);
    if (isShadow(view)) return ack(); // a shadow gets its twin's document
    const pairing = event.data.pairing;
    const twin = pairing === undefined ? undefined : await deps.bus.views.load(pairing.twin);
    const meta = { source: 'mge/discovery', time: deps.clock(), cause: event };
    if (!needsDiscovery(view)) {
      await deps.bus.store.append(twinCopy(view.document, meta, twin)); // a redelivery finishes the copy
      return ack();
    }
    const outcome = await discover(deps.model, event, ctx);
    if (outcome.kind === 'retry') return outcome.outcome;
    await deps.bus.store.append(decideDiscovery(view, outcome, meta, twin));
    return ack();
  };

/** The document of the request, or a later try; a model that cannot give one fails the stage, naming why. */
async function discover(
  model: DiscoveryModel,
  event: MgeEvent<'RunRequested'>,
  ctx: HandlerContext,
): Promise<DiscoveryOutcome | { readonly kind: 'retry'; readonly outcome: Outcome }> {
  if (event.data.spec !== undefined) return { kind: 'document', document: event.data.spec, source: 'spec' };
  try {
    const call = await callModel(() => model.discover(event.data.request, event.data), 'stage', ctx);
    if (call.kind === 'answered') return { kind: 'document', document: call.answer, source: 'request' };
    return call.kind === 'retry' ? call : { kind: 'failed', code: 'model_failed', message: call.reason };
  } catch (error) {
    if (error instanceof ValidationFailure)
      return { kind: 'failed', code: 'unreadable_request', message: error.message };
    throw error;
  }
}
