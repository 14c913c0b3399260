export { createExecutorService } from './service.js';
export type { ExecutorServiceDeps } from './service.js';
export type { AtomModel } from './ports.js';
export { ExecutorConfig } from './config.js';
