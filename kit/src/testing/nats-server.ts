import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsServerProcess } from '../nats/server-process.js';
import { spawnNatsServer } from '../nats/server-process.js';

/** A real nats-server for a test: loopback, random port, temp store; `restart` keeps port and store. */
export interface TestNatsServer {
  readonly url: string;
  readonly process: NatsServerProcess;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestNatsServer(): Promise<TestNatsServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mge-nats-'));
  let server = await spawnNatsServer({ dir });
  const port = server.port;
  return {
    url: server.url,
    get process() {
      return server;
    },
    restart: async () => {
      await server.stop();
      server = await spawnNatsServer({ dir, port });
    },
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
