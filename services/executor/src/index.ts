export { createExecutorService } from './service.js';
export type { ExecutorService, ExecutorServiceDeps } from './service.js';
export type { AtomModel, AtomModels } from './ports.js';
export type { SchedulerStats } from './scheduler/scheduler.js';
export { ExecutorConfig } from './config.js';
