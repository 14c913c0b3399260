export { createRolloutService } from './service.js';
export type { RolloutServiceDeps } from './service.js';
export { RolloutConfig } from './config.js';
