import type { FastifyInstance } from 'fastify';
import { natsClient } from '@mge/client';
import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { openFlagStore, systemClock } from '@mge/kit';
import { buildApp } from './app.js';
import type { GatewaySettings } from './config.js';

export interface GatewayServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly config: GatewaySettings;
  readonly clock?: Clock;
}

/** A started gateway: the service, and where it listens once started. */
export interface GatewayService extends Service {
  /** `http://host:port`, once started. */
  url(): string | undefined;
}

/** The HTTP gateway as a service: start listens on MGE_GATEWAY_HOST:MGE_GATEWAY_PORT, stop closes (open streams end). */
export function createGatewayService(deps: GatewayServiceDeps): GatewayService {
  const logger = deps.logger.child({ service: 'gateway' });
  let app: FastifyInstance | undefined;
  let address: string | undefined;
  return {
    name: 'gateway',
    url: () => address,
    start: async () => {
      const client = natsClient(deps.bus.nc, { timeoutMs: deps.config.MGE_GATEWAY_SUBMIT_TIMEOUT_MS });
      const flags = await openFlagStore(deps.bus);
      app = await buildApp({
        bus: deps.bus,
        client,
        flags,
        settings: deps.config,
        clock: deps.clock ?? systemClock,
        logger,
      });
      const listening = await app.listen({
        port: deps.config.MGE_GATEWAY_PORT,
        host: deps.config.MGE_GATEWAY_HOST,
      });
      address = listening.replace('[::1]', 'localhost');
      logger.info({ url: address }, 'gateway listening');
    },
    stop: async () => {
      await app?.close();
      app = undefined;
      address = undefined;
    },
  };
}
