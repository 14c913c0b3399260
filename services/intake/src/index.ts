export { createIntakeService, intakeDefaultsOf } from './service.js';
export type { IntakeServiceDeps, IntakeSettings } from './service.js';
export { IntakeConfig, intakeEnv } from './config.js';
