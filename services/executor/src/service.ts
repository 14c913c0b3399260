import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Bus, Clock, Lease, Logger, Service } from '@mge/kit';
import { createService, startLease, systemClock } from '@mge/kit';
import type { ClaudeSettings } from '@mge/provider-anthropic';
import { createClaude, defaultClaudeSettings } from '@mge/provider-anthropic';
import { claudeAtomModel } from './adapters/claude-model.js';
import { offlineAtomModel } from './adapters/offline-model.js';
import { simulatedAtomModel } from './adapters/simulated-model.js';
import type { Scheduler } from './scheduler/scheduler.js';
import { createScheduler } from './scheduler/scheduler.js';
import type { AtomModels } from './ports.js';
import { executorSubscriptions } from './subscriptions.js';

export interface ExecutorServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  /** The models by provider; by default offline, simulated and Claude (`anthropic`). */
  readonly models?: AtomModels;
  readonly claude?: ClaudeSettings;
  readonly clock?: Clock;
  /** Generations at once in this process. */
  readonly concurrency?: number;
  /** Generations at once across every executor (the work consumer's max_ack_pending). */
  readonly fleetConcurrency?: number;
  /** How long a scheduler that stopped renewing its lease keeps it. */
  readonly leaseTtlMs?: number;
}

export interface ExecutorService extends Service {
  readonly scheduler: Scheduler;
}

/** Every provider's model: Claude's made with the process's settings. */
const defaultModels = (bus: Bus, settings: ClaudeSettings, clock: Clock): AtomModels => ({
  offline: offlineAtomModel,
  simulated: simulatedAtomModel,
  anthropic: claudeAtomModel(createClaude({ bus, settings, source: 'mge/executor', clock })),
});

/** Generation workers in every replica; the scheduler in whichever replica holds its lease. */
export function createExecutorService(deps: ExecutorServiceDeps): ExecutorService {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ service: 'executor' });
  const concurrency = deps.concurrency ?? 16;
  const workers = createService(
    'executor',
    deps.bus,
    logger,
    executorSubscriptions(
      {
        bus: deps.bus,
        models: deps.models ?? defaultModels(deps.bus, deps.claude ?? defaultClaudeSettings, clock),
        clock,
      },
      { perProcess: concurrency, fleet: deps.fleetConcurrency ?? concurrency },
    ),
  );
  const scheduler = createScheduler({ bus: deps.bus, clock, logger });
  let lease: Lease | undefined;
  return {
    name: 'executor',
    scheduler,
    start: async () => {
      await workers.start();
      lease = await startLease(deps.bus.nc, {
        bucket: 'mge-leases',
        key: 'executor-scheduler',
        owner: `${hostname()}-${process.pid}-${randomUUID()}`,
        ttlMs: deps.leaseTtlMs ?? 3_000,
        logger,
        onAcquire: () => scheduler.start(),
        onLose: () => scheduler.stop(),
      });
    },
    stop: async () => {
      await lease?.stop();
      await workers.stop();
    },
  };
}
