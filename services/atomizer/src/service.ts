import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import { offlineAtomizerModel } from './adapters/offline-model.js';
import type { AtomizerModel } from './ports.js';
import { atomizerSubscriptions } from './subscriptions.js';

export interface AtomizerServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly model?: AtomizerModel;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createAtomizerService(deps: AtomizerServiceDeps): Service {
  const handlerDeps = {
    bus: deps.bus,
    model: deps.model ?? offlineAtomizerModel,
    clock: deps.clock ?? systemClock,
  };
  const logger = deps.logger.child({ service: 'atomizer' });
  return createService(
    'atomizer',
    deps.bus,
    logger,
    atomizerSubscriptions(handlerDeps, deps.concurrency ?? 8),
  );
}
