import type { MgeEvent } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack, endsTheStep, isRetryable } from '@mge/kit';
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
    const outcome = await discover(deps.model, event, ctx.deliveryCount);
    await deps.bus.store.append(decideDiscovery(view, outcome, meta, twin));
    return ack();
  };

/** The document of the request; a model that cannot give one fails the stage, naming why. */
async function discover(
  model: DiscoveryModel,
  event: MgeEvent<'RunRequested'>,
  deliveryCount: number,
): Promise<DiscoveryOutcome> {
  if (event.data.spec !== undefined) return { kind: 'document', document: event.data.spec, source: 'spec' };
  try {
    return {
      kind: 'document',
      document: await model.discover(event.data.request, event.data),
      source: 'request',
    };
  } catch (error) {
    if (endsTheStep(error, deliveryCount))
      return { kind: 'failed', code: 'model_failed', message: error.message };
    if (isRetryable(error)) throw error;
    return { kind: 'failed', code: 'unreadable_request', message: (error as Error).message };
  }
}
