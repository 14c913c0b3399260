import type { NatsConnection } from '@nats-io/transport-node';
import { AuthorizationError, connect } from '@nats-io/transport-node';
import { InfrastructureError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { NatsTarget } from './auth.js';
import { natsAuthOptions, redactUrl, toNatsTarget } from './auth.js';

/**
 * Connects with unlimited reconnects, presenting the target's credentials (or those in a URL string).
 * A first connection that fails is an InfrastructureError naming the URL without its credentials.
 */
export async function connectNats(
  server: string | NatsTarget,
  name: string,
  logger?: Logger,
): Promise<NatsConnection> {
  const target = toNatsTarget(server);
  const auth = await natsAuthOptions(target.auth);
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: target.url,
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      timeout: 5_000,
      ...auth,
    });
  } catch (error) {
    throw connectError(redactUrl(target.url), error);
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

function connectError(url: string, error: unknown): InfrastructureError {
  const reason = redactUrl((error as Error).message);
  const message =
    error instanceof AuthorizationError
      ? `NATS at ${url} refused this client (${reason}); check the credentials in NATS_URL, NATS_TOKEN, NATS_CREDS or NATS_NKEY`
      : `cannot reach NATS at ${url} (${reason}); check that nats-server is running with JetStream (-js) and that NATS_URL is right`;
  return new InfrastructureError(message, { cause: error, retryable: false });
}

/** Drains subscriptions and closes; a connection that is already closed is left alone. */
export async function drainNats(nc: NatsConnection): Promise<void> {
  if (nc.isClosed()) return;
  await nc.drain().catch(() => nc.close());
}
