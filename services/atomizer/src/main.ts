import { claudeSettingsOf } from '@mge/provider-anthropic';
import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { AtomizerConfig } from './config.js';
import { createAtomizerService } from './service.js';

const config = loadConfigOrExit(AtomizerConfig, process.env);
const logger = createLogger({ service: 'atomizer', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-atomizer', logger);
  const service = createAtomizerService({
    bus,
    logger,
    claude: claudeSettingsOf(config),
    concurrency: config.MGE_ATOMIZER_CONCURRENCY,
  });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
