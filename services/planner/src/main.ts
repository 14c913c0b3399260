import { claudeSettingsOf } from '@mge/provider-anthropic';
import { createLogger, loadConfigOrExit, natsTargetOf, openBus, runUntilSignal } from '@mge/kit';
import { PlannerConfig } from './config.js';
import { createPlannerService } from './service.js';

const config = loadConfigOrExit(PlannerConfig, process.env);
const logger = createLogger({ service: 'planner', level: config.MGE_LOG_LEVEL });
await runUntilSignal(logger, async () => {
  const bus = await openBus(natsTargetOf(config), 'mge-planner', logger);
  const service = createPlannerService({
    bus,
    logger,
    claude: claudeSettingsOf(config),
    concurrency: config.MGE_PLANNER_CONCURRENCY,
  });
  await service.start();
  return async () => {
    await service.stop();
    await bus.close();
  };
});
