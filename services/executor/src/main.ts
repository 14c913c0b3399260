import { claudeSettingsOf } from '@mge/provider-anthropic';
import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { ExecutorConfig } from './config.js';
import { createExecutorService } from './service.js';

const config = loadConfigOrExit(ExecutorConfig, process.env);
const logger = createLogger({ service: 'executor', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-executor', logger);
  const service = createExecutorService({
    bus,
    logger,
    claude: claudeSettingsOf(config),
    concurrency: config.MGE_EXECUTOR_CONCURRENCY,
    fleetConcurrency: config.MGE_CONCURRENCY,
    leaseTtlMs: config.MGE_SCHEDULER_LEASE_MS,
  });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
