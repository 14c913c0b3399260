export { createGatewayService } from './service.js';
export type { GatewayService, GatewayServiceDeps } from './service.js';
export { GatewayConfig, gatewayEnv } from './config.js';
export type { GatewaySettings } from './config.js';
