import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, openFlagStore, systemClock } from '@mge/kit';
import { openKvWindowStore } from './adapters/kv-window.js';
import { RolloutConfig, thresholdsOf } from './config.js';
import { rolloutSubscriptions } from './subscriptions.js';

export interface RolloutServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  /** The config's thresholds (its defaults when not given). */
  readonly config?: Parameters<typeof thresholdsOf>[0];
  readonly clock?: Clock;
}

/** The rollout monitor: watches both pipelines' completed runs and rolls V2 back when it does worse. */
export function createRolloutService(deps: RolloutServiceDeps): Service {
  const logger = deps.logger.child({ service: 'rollout' });
  let inner: Service | undefined;
  return {
    name: 'rollout',
    start: async () => {
      const [flags, windows] = await Promise.all([openFlagStore(deps.bus), openKvWindowStore(deps.bus.nc)]);
      const handlerDeps = {
        bus: deps.bus,
        flags,
        windows,
        thresholds: thresholdsOf(deps.config ?? RolloutConfig.parse({})),
        clock: deps.clock ?? systemClock,
        logger,
      };
      inner = createService('rollout', deps.bus, logger, rolloutSubscriptions(handlerDeps));
      await inner.start();
    },
    stop: async () => {
      await inner?.stop();
      inner = undefined;
    },
  };
}
