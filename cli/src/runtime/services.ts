import type { ServiceName } from '@mge/contracts';
import { createAtomizerService } from '@mge/atomizer';
import { createDiscoveryService } from '@mge/discovery';
import { createExecutorService } from '@mge/executor';
import { createIntakeService } from '@mge/intake';
import type { Bus, Logger, Service } from '@mge/kit';
import { createPlannerService } from '@mge/planner';
import { createReviewService } from '@mge/review';
import { createRolloutService } from '@mge/rollout';
import { createValidatorService } from '@mge/validator';
import { claudeSettingsOf } from '@mge/provider-anthropic';
import type { CliConfig } from '../config.js';

export interface InProcessOptions {
  readonly concurrency: number;
}

/** Creates the named services in this process, all on one bus. */
export function createServices(
  names: readonly ServiceName[],
  bus: Bus,
  logger: Logger,
  config: CliConfig,
  options: InProcessOptions,
): Service[] {
  const claude = claudeSettingsOf(config);
  const factories: Record<ServiceName, () => Service> = {
    discovery: () => createDiscoveryService({ bus, logger, claude }),
    planner: () => createPlannerService({ bus, logger, claude }),
    atomizer: () => createAtomizerService({ bus, logger, claude }),
    executor: () => createExecutorService({ bus, logger, claude, concurrency: options.concurrency }),
    validator: () =>
      createValidatorService({
        bus,
        logger,
        workDir: config.MGE_WORK_DIR,
        artifactTtlDays: config.MGE_ARTIFACT_TTL_DAYS,
        sandbox: {
          timeoutMs: config.MGE_SANDBOX_TIMEOUT_MS,
          memoryMb: config.MGE_SANDBOX_MEMORY_MB,
          network: config.MGE_SANDBOX_NETWORK,
        },
      }),
    rollout: () => createRolloutService({ bus, logger, config }),
    review: () => createReviewService({ bus, logger }),
    intake: () => createIntakeService({ bus, logger, config }),
  };
  return names.map((name) => factories[name]());
}

/** Starts services; if one fails to start, the started ones are stopped again. */
export async function startServices(services: readonly Service[]): Promise<void> {
  const started: Service[] = [];
  try {
    for (const service of services) {
      await service.start();
      started.push(service);
    }
  } catch (error) {
    await stopServices(started);
    throw error;
  }
}

export async function stopServices(services: readonly Service[]): Promise<void> {
  await Promise.all(services.map((s) => s.stop()));
}
