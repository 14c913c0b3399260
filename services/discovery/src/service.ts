import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import { offlineDiscoveryModel } from './adapters/offline-model.js';
import type { DiscoveryModel } from './ports.js';
import { discoverySubscriptions } from './subscriptions.js';

export interface DiscoveryServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly model?: DiscoveryModel;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createDiscoveryService(deps: DiscoveryServiceDeps): Service {
  const handlerDeps = {
    bus: deps.bus,
    model: deps.model ?? offlineDiscoveryModel,
    clock: deps.clock ?? systemClock,
  };
  const logger = deps.logger.child({ service: 'discovery' });
  return createService(
    'discovery',
    deps.bus,
    logger,
    discoverySubscriptions(handlerDeps, deps.concurrency ?? 8),
  );
}
