import type { NatsConnection } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import { InfrastructureError } from '../errors.js';
import type { Logger } from '../logger.js';

/** Connects with unlimited reconnects; a first connection that fails is an InfrastructureError naming the URL. */
export async function connectNats(url: string, name: string, logger?: Logger): Promise<NatsConnection> {
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: url,
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      timeout: 5_000,
    });
  } catch (error) {
    throw new InfrastructureError(
      `cannot reach NATS at ${url} (${(error as Error).message}); check that nats-server is running with JetStream (-js) and that NATS_URL is right`,
      { cause: error, retryable: false },
    );
  }
  if (logger !== undefined) void logStatus(nc, logger);
  return nc;
}

async function logStatus(nc: NatsConnection, logger: Logger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect' || status.type === 'reconnect')
      logger.warn({ nats: status.type }, 'nats connection');
  }
}

/** Drains subscriptions and closes; a connection that is already closed is left alone. */
export async function drainNats(nc: NatsConnection): Promise<void> {
  if (nc.isClosed()) return;
  await nc.drain().catch(() => nc.close());
}
