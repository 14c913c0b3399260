import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import type { ClaudeSettings } from '@mge/provider-anthropic';
import { createClaude, defaultClaudeSettings } from '@mge/provider-anthropic';
import { claudePlannerModel } from './adapters/claude-model.js';
import { offlinePlannerModel } from './adapters/offline-model.js';
import type { PlannerModel } from './ports.js';
import { plannerSubscriptions } from './subscriptions.js';

export interface PlannerServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  /** The model of every run, whatever its provider (tests); by default Claude for `anthropic` runs, else offline. */
  readonly model?: PlannerModel;
  readonly claude?: ClaudeSettings;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createPlannerService(deps: PlannerServiceDeps): Service {
  const clock = deps.clock ?? systemClock;
  const settings = deps.claude ?? defaultClaudeSettings;
  const claude = claudePlannerModel(createClaude({ bus: deps.bus, settings, source: 'mge/planner', clock }));
  const model: PlannerModel = deps.model ?? {
    plan: (document, run) =>
      (run.provider === 'anthropic' ? claude : offlinePlannerModel).plan(document, run),
  };
  const logger = deps.logger.child({ service: 'planner' });
  return createService(
    'planner',
    deps.bus,
    logger,
    plannerSubscriptions({ bus: deps.bus, model, clock }, deps.concurrency ?? 8),
  );
}
