export { createValidatorService } from './service.js';
export type { ValidatorServiceDeps } from './service.js';
export type { Checker, ProjectSnapshot } from './ports.js';
export { createChecker } from './adapters/checker/index.js';
export { ValidatorConfig } from './config.js';
