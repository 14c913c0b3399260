import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import type { ClaudeSettings } from '@mge/provider-anthropic';
import { createClaude, defaultClaudeSettings } from '@mge/provider-anthropic';
import { claudeDiscoveryModel } from './adapters/claude-model.js';
import { offlineDiscoveryModel } from './adapters/offline-model.js';
import type { DiscoveryModel } from './ports.js';
import { discoverySubscriptions } from './subscriptions.js';

export interface DiscoveryServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  /** The model of every run, whatever its provider (tests); by default Claude for `anthropic` runs, else offline. */
  readonly model?: DiscoveryModel;
  readonly claude?: ClaudeSettings;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createDiscoveryService(deps: DiscoveryServiceDeps): Service {
  const clock = deps.clock ?? systemClock;
  const settings = deps.claude ?? defaultClaudeSettings;
  const claude = claudeDiscoveryModel(
    createClaude({ bus: deps.bus, settings, source: 'mge/discovery', clock }),
  );
  const model: DiscoveryModel = deps.model ?? {
    discover: (request, run) =>
      (run.provider === 'anthropic' ? claude : offlineDiscoveryModel).discover(request, run),
  };
  const logger = deps.logger.child({ service: 'discovery' });
  return createService(
    'discovery',
    deps.bus,
    logger,
    discoverySubscriptions({ bus: deps.bus, model, clock }, deps.concurrency ?? 8),
  );
}
