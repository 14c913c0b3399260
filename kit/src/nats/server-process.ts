import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfrastructureError } from '../errors.js';
import type { NatsServerAuth } from './server-config.js';
import { writeServerConfig } from './server-config.js';

/** A nats-server child process with JetStream on loopback. */
export interface NatsServerProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly storeDir: string;
  /** Resolves with the exit code (or null after a signal) when the process ends. */
  readonly exited: Promise<number | null>;
  /** Asks the server to stop and waits for it (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnNatsServerOptions {
  /** The directory holding the JetStream store, the ports file and the log. */
  readonly dir: string;
  /** A fixed port, e.g. to restart a server on the same address; random when absent. */
  readonly port?: number;
  readonly bin?: string;
  /** Outlives this process (own process group, no pipes), for a server shared by several CLIs. */
  readonly detached?: boolean;
  readonly readyTimeoutMs?: number;
  /** The only user the server accepts; written to `<dir>/nats-server.conf` (mode 0600), never to the command line. */
  readonly auth?: NatsServerAuth;
}

/** Starts `nats-server -js` on 127.0.0.1 with its store under `dir`, and waits until it is ready. */
export async function spawnNatsServer(options: SpawnNatsServerOptions): Promise<NatsServerProcess> {
  const { dir, bin = 'nats-server', readyTimeoutMs = 10_000 } = options;
  const portsDir = join(dir, 'ports');
  await mkdir(portsDir, { recursive: true });
  const log = openSync(join(dir, 'nats-server.log'), 'a');
  const args = ['-js', '-a', '127.0.0.1', '-p', String(options.port ?? -1), '-sd', join(dir, 'store')];
  if (options.auth !== undefined) args.push('-c', await writeServerConfig(dir, options.auth));
  const child = spawn(bin, [...args, '--ports_file_dir', portsDir], {
    stdio: ['ignore', log, log],
    detached: options.detached === true,
  });
  closeSync(log);
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new InfrastructureError(`cannot start ${bin}: ${error.message}`, { cause: error })),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await spawned;
  if (options.detached === true) child.unref();
  const pid = child.pid!;
  const url = await waitForPortsFile(portsDir, pid, exited, readyTimeoutMs).catch((error: unknown) => {
    child.kill('SIGKILL'); // a server that never became ready must not linger, detached or not
    throw error;
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    storeDir: join(dir, 'store'),
    exited,
    stop: async (graceMs = 5_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForPortsFile(
  portsDir: string,
  pid: number,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<string> {
  let dead = false;
  void exited.then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  const name = `nats-server_${pid}.ports`;
  while (Date.now() < deadline && !dead) {
    if ((await readdir(portsDir)).includes(name)) {
      const text = await readFile(join(portsDir, name), 'utf8').catch(() => '');
      const url = parsePorts(text);
      if (url !== undefined) return url;
    }
    await sleep(10);
  }
  throw new InfrastructureError(
    dead
      ? `nats-server exited at start; see ${join(portsDir, '..', 'nats-server.log')}`
      : 'nats-server did not become ready in time',
  );
}

function parsePorts(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { nats?: unknown };
    return Array.isArray(parsed.nats) && typeof parsed.nats[0] === 'string' ? parsed.nats[0] : undefined;
  } catch {
    return undefined;
  }
}
