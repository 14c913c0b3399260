import type { Bus, Logger, Service } from '@mge/kit';
import { createService } from '@mge/kit';
import { openKvReviewStore } from './adapters/kv-store.js';
import { reviewSubscriptions } from './subscriptions.js';

export interface ReviewServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
}

/** The review queue projector: review events → the queue in KV (rebuildable from the log). */
export function createReviewService(deps: ReviewServiceDeps): Service {
  const logger = deps.logger.child({ service: 'review' });
  let inner: Service | undefined;
  return {
    name: 'review',
    start: async () => {
      const store = await openKvReviewStore(deps.bus.nc);
      inner = createService('review', deps.bus, logger, reviewSubscriptions({ store }));
      await inner.start();
    },
    stop: async () => {
      await inner?.stop();
      inner = undefined;
    },
  };
}
