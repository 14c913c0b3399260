export { createDiscoveryService } from './service.js';
export type { DiscoveryServiceDeps } from './service.js';
export type { DiscoveryModel } from './ports.js';
export { DiscoveryConfig } from './config.js';
