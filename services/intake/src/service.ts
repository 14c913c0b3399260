import type { ProviderName } from '@mge/contracts';
import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, openFlagStore, systemClock } from '@mge/kit';
import { ulid } from 'ulid';
import { openSubmissionLedger } from './adapters/submission-ledger.js';
import type { IntakeDefaults } from './domain/plan-runs.js';
import { createProgressPublisher } from './handlers/progress.js';
import type { Responder } from './handlers/requests.js';
import { startResponder } from './handlers/requests.js';
import { intakeSubscriptions } from './subscriptions.js';

/** The settings the intake reads from its environment. */
export interface IntakeSettings {
  readonly MGE_V2_ENABLED: boolean;
  readonly MGE_PROVIDER?: ProviderName | undefined;
  readonly ANTHROPIC_API_KEY?: string | undefined;
  readonly MGE_MODEL: string;
  readonly MGE_MAX_TOKENS: number;
  readonly MGE_SIM_LATENCY_MS: number;
  readonly MGE_IDEMPOTENCY_TTL_HOURS: number;
  readonly MGE_PROGRESS_INTERVAL_MS: number;
}

export interface IntakeServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly config: IntakeSettings;
  readonly clock?: Clock;
}

/** What a submission that says nothing gets, from the environment. */
export const intakeDefaultsOf = (config: IntakeSettings): IntakeDefaults => ({
  provider: config.MGE_PROVIDER ?? (config.ANTHROPIC_API_KEY === undefined ? 'offline' : 'anthropic'),
  anthropicAvailable: config.ANTHROPIC_API_KEY !== undefined,
  model: config.MGE_MODEL,
  maxTokens: config.MGE_MAX_TOKENS,
  simulatedLatencyMs: config.MGE_SIM_LATENCY_MS,
});

/**
 * The intake: answers run submissions on `mge.requests` (assigning the pipeline from the flags, once
 * per idempotency key) and publishes every run's progress on `mge.progress.<runId>`.
 */
export function createIntakeService(deps: IntakeServiceDeps): Service {
  const logger = deps.logger.child({ service: 'intake' });
  const progress = createProgressPublisher(deps.bus, deps.config.MGE_PROGRESS_INTERVAL_MS, logger);
  const consumers = createService('intake', deps.bus, logger, intakeSubscriptions(progress));
  let responder: Responder | undefined;
  return {
    name: 'intake',
    start: async () => {
      const [flags, ledger] = await Promise.all([
        openFlagStore(deps.bus),
        openSubmissionLedger(deps.bus.nc, deps.config.MGE_IDEMPOTENCY_TTL_HOURS * 3_600_000),
      ]);
      await consumers.start();
      responder = startResponder({
        bus: deps.bus,
        ledger,
        flags,
        defaults: intakeDefaultsOf(deps.config),
        v2EnabledEnv: deps.config.MGE_V2_ENABLED,
        clock: deps.clock ?? systemClock,
        newRunId: () => `r-${ulid()}`,
        logger,
      });
    },
    stop: async () => {
      await responder?.stop();
      responder = undefined;
      await consumers.stop();
      await progress.flush();
    },
  };
}
