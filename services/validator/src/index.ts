export { createValidatorService } from './service.js';
export type { ValidatorServiceDeps } from './service.js';
export type { Checker, ProjectSnapshot } from './ports.js';
export { createChecker } from './adapters/tsc/index.js';
export { artifactEnv, ValidatorConfig, SandboxNetworkMode, sandboxEnv } from './config.js';
