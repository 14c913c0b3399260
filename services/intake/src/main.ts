import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { IntakeConfig } from './config.js';
import { createIntakeService } from './service.js';

const config = loadConfigOrExit(IntakeConfig, process.env);
const logger = createLogger({ service: 'intake', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-intake', logger);
  const service = createIntakeService({ bus, logger, config });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
