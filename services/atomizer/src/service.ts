import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import type { ClaudeSettings } from '@mge/provider-anthropic';
import { createClaude, defaultClaudeSettings } from '@mge/provider-anthropic';
import { claudeAtomizerModel } from './adapters/claude-model.js';
import { offlineAtomizerModel } from './adapters/offline-model.js';
import type { AtomizerModel } from './ports.js';
import { atomizerSubscriptions } from './subscriptions.js';

export interface AtomizerServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  /** The model of every run, whatever its provider (tests); by default Claude for `anthropic` runs, else offline. */
  readonly model?: AtomizerModel;
  readonly claude?: ClaudeSettings;
  readonly clock?: Clock;
  readonly concurrency?: number;
}

export function createAtomizerService(deps: AtomizerServiceDeps): Service {
  const clock = deps.clock ?? systemClock;
  const settings = deps.claude ?? defaultClaudeSettings;
  const claude = claudeAtomizerModel(
    createClaude({ bus: deps.bus, settings, source: 'mge/atomizer', clock }),
  );
  const model: AtomizerModel = deps.model ?? {
    atomize: (document, plan, taskId, run) =>
      (run.provider === 'anthropic' ? claude : offlineAtomizerModel).atomize(document, plan, taskId, run),
  };
  const logger = deps.logger.child({ service: 'atomizer' });
  return createService(
    'atomizer',
    deps.bus,
    logger,
    atomizerSubscriptions({ bus: deps.bus, model, clock }, deps.concurrency ?? 8),
  );
}
