export { createPlannerService } from './service.js';
export type { PlannerServiceDeps } from './service.js';
export type { PlannerModel } from './ports.js';
export { PlannerConfig } from './config.js';
