import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { GatewayConfig } from './config.js';
import { createGatewayService } from './service.js';

const config = loadConfigOrExit(GatewayConfig, process.env);
const logger = createLogger({ service: 'gateway', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-gateway', logger);
  const service = createGatewayService({ bus, logger, config });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
