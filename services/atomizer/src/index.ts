export { createAtomizerService } from './service.js';
export type { AtomizerServiceDeps } from './service.js';
export type { AtomizerModel } from './ports.js';
export { AtomizerConfig } from './config.js';
