import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import { offlinePlannerModel } from './adapters/offline-model.js';
import type { PlannerModel } from './ports.js';
import { plannerSubscriptions } from './subscriptions.js';

export interface PlannerServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly model?: PlannerModel;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createPlannerService(deps: PlannerServiceDeps): Service {
  const handlerDeps = {
    bus: deps.bus,
    model: deps.model ?? offlinePlannerModel,
    clock: deps.clock ?? systemClock,
  };
  const logger = deps.logger.child({ service: 'planner' });
  return createService('planner', deps.bus, logger, plannerSubscriptions(handlerDeps, deps.concurrency ?? 8));
}
