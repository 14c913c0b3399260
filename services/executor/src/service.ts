import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import { offlineAtomModel } from './adapters/offline-model.js';
import type { AtomModel } from './ports.js';
import { executorSubscriptions } from './subscriptions.js';

export interface ExecutorServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly model?: AtomModel;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createExecutorService(deps: ExecutorServiceDeps): Service {
  const handlerDeps = {
    bus: deps.bus,
    model: deps.model ?? offlineAtomModel,
    clock: deps.clock ?? systemClock,
  };
  const logger = deps.logger.child({ service: 'executor' });
  return createService(
    'executor',
    deps.bus,
    logger,
    executorSubscriptions(handlerDeps, deps.concurrency ?? 16),
  );
}
