import { claudeSettingsOf } from '@mge/provider-anthropic';
import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { DiscoveryConfig } from './config.js';
import { createDiscoveryService } from './service.js';

const config = loadConfigOrExit(DiscoveryConfig, process.env);
const logger = createLogger({ service: 'discovery', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-discovery', logger);
  const service = createDiscoveryService({
    bus,
    logger,
    claude: claudeSettingsOf(config),
    concurrency: config.MGE_DISCOVERY_CONCURRENCY,
  });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
