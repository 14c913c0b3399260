import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { ValidatorConfig } from './config.js';
import { createValidatorService } from './service.js';

const config = loadConfigOrExit(ValidatorConfig, process.env);
const logger = createLogger({ service: 'validator', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-validator', logger);
  const service = createValidatorService({
    bus,
    logger,
    workDir: config.MGE_WORK_DIR,
    concurrency: config.MGE_VALIDATOR_CONCURRENCY,
    artifactTtlDays: config.MGE_ARTIFACT_TTL_DAYS,
    sandbox: {
      timeoutMs: config.MGE_SANDBOX_TIMEOUT_MS,
      memoryMb: config.MGE_SANDBOX_MEMORY_MB,
      network: config.MGE_SANDBOX_NETWORK,
    },
  });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
