import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsTarget } from '../nats/auth.js';
import { natsUrlWithUser } from '../nats/auth.js';
import type { NatsServerProcess } from '../nats/server-process.js';
import { spawnNatsServer } from '../nats/server-process.js';

/**
 * A real nats-server for a test: loopback, random port, temp store, and a random password it demands;
 * `restart` keeps port, store and password.
 */
export interface TestNatsServer {
  /** The URL with the credentials in it (`nats://user:password@127.0.0.1:port`): for NATS_URL and `openBus`. */
  readonly url: string;
  /** The address without credentials, which the server refuses. */
  readonly address: string;
  /** The address and the credentials apart. */
  readonly target: NatsTarget;
  readonly process: NatsServerProcess;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestNatsServer(): Promise<TestNatsServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mge-nats-'));
  const auth = { user: 'mge-test', pass: randomBytes(32).toString('base64url') };
  let server = await spawnNatsServer({ dir, auth });
  const { port, url: address } = server;
  return {
    url: natsUrlWithUser(address, auth.user, auth.pass),
    address,
    target: { url: address, auth: { kind: 'user', ...auth } },
    get process() {
      return server;
    },
    restart: async () => {
      await server.stop();
      server = await spawnNatsServer({ dir, port, auth });
    },
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
