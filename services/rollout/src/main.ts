import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { RolloutConfig } from './config.js';
import { createRolloutService } from './service.js';

const config = loadConfigOrExit(RolloutConfig, process.env);
const logger = createLogger({ service: 'rollout', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-rollout', logger);
  const service = createRolloutService({ bus, logger, config });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
