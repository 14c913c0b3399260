import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { ReviewConfig } from './config.js';
import { createReviewService } from './service.js';

const config = loadConfigOrExit(ReviewConfig, process.env);
const logger = createLogger({ service: 'review', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-review', logger);
  const service = createReviewService({ bus, logger });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
