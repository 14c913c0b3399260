// Helpers of the embedded-nats integration specs: temp homes, raw NATS probes, process checks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach } from '@jest/globals';
import type { EmbeddedNats } from './index.js';
import { acquireEmbeddedNats } from './index.js';

export const NATS_BIN = process.env['MGE_NATS_SERVER'] ?? 'nats-server';

export const makeHome = (): Promise<string> => mkdtemp(join(tmpdir(), 'mge-home-'));

/** Kills every nats-server whose arguments name this home (only ours: the path is unique), then removes it. */
export async function removeHome(home: string): Promise<void> {
  for (const pid of natsServersUnder(home)) process.kill(pid, 'SIGKILL');
  await waitFor(() => natsServersUnder(home).length === 0, 5_000);
  await rm(home, { recursive: true, force: true });
}

/** Running (not zombie) nats-server processes with a store under `home`. */
export function natsServersUnder(home: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      const [command = '', ...args] = readProc(pid, 'cmdline').split('\0');
      return command.endsWith('nats-server') && args.some((arg) => arg.startsWith(home)) && isAlive(pid);
    });
}

export function isAlive(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  return state !== undefined && state !== '' && state !== 'Z' && state !== 'X';
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

export async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** The parsed `INFO` a NATS server sends on connect. */
export function readInfo(url: string): Promise<Record<string, unknown>> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    let text = '';
    socket.setEncoding('utf8');
    socket.setTimeout(3_000, () => socket.destroy(new Error(`no INFO from ${url}`)));
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!text.includes('\r\n')) return;
      socket.destroy();
      const line = text.slice(0, text.indexOf('\r\n'));
      if (line.startsWith('INFO ')) resolvePromise(JSON.parse(line.slice(5)) as Record<string, unknown>);
      else reject(new Error(`not NATS: ${line}`));
    });
  });
}

export const isAnswering = (url: string): Promise<boolean> =>
  readInfo(url).then(
    () => true,
    () => false,
  );

export const readServerState = (home: string): { pid: number; url: string } | undefined => {
  const path = join(home, 'nats', 'server.json');
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { pid: number; url: string })
    : undefined;
};

/** A raw client: reads INFO, sends CONNECT (with `fields`, e.g. a user and password) and PING; resolves the answer line. */
export function rawConnect(url: string, fields: Record<string, unknown> = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    let text = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.setTimeout(3_000, () => socket.destroy(new Error(`no answer from ${url}`)));
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\r\n');
      if (end < 0) return;
      const line = text.slice(0, end);
      text = text.slice(end + 2);
      if (connected) {
        socket.destroy();
        resolvePromise(line);
        return;
      }
      connected = true;
      socket.write(`CONNECT ${JSON.stringify({ verbose: false, pedantic: false, ...fields })}\r\nPING\r\n`);
    });
  });
}

/** MGE homes for one spec file, each removed after the test that made it, and the embedded server of one. */
export function testHomes(): {
  readonly newHome: () => Promise<string>;
  readonly acquire: (home: string) => Promise<EmbeddedNats>;
} {
  const homes: string[] = [];
  afterEach(async () => {
    await Promise.all(homes.splice(0).map(removeHome));
  });
  return {
    newHome: async () => {
      const home = await makeHome();
      homes.push(home);
      return home;
    },
    acquire: (home) => acquireEmbeddedNats({ home, bin: NATS_BIN }),
  };
}
