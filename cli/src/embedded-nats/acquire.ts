import { constants, rmSync } from 'node:fs';
import { access, chmod, mkdir, rm } from 'node:fs/promises';
import type { NatsTarget } from '@mge/kit';
import { InfrastructureError } from '@mge/kit';
import { liveClients, liveClientsSync, registerClient, removeClientSync } from './clients.js';
import { tryLockSync, unlockSync, withLock } from './lock.js';
import { isRunning, selfRef, signal } from './processes.js';
import { findLiveServer, isServerOf, startServer, stopServer } from './server.js';
import type { NatsPaths } from './state.js';
import { natsPaths, readState, readStateSync, removeState } from './state.js';

export interface EmbeddedNatsOptions {
  /** MGE_HOME: the server's store, state, lock and log live under `<home>/nats`. */
  readonly home: string;
  /** The nats-server executable; `nats-server` on the PATH when absent. */
  readonly bin?: string;
  /** Told when a server is started, replaced or stopped. */
  readonly logger?: (line: string) => void;
}

/** One process's use of the shared server. */
export interface EmbeddedNats {
  /** The server's address, without credentials: safe to show. */
  readonly url: string;
  /** The address and the credential this MGE_HOME's server demands: for this process's own connections only. */
  readonly target: NatsTarget;
  /** Stops using the server, stopping it when no other live process uses it. Never rejects. */
  release(): Promise<void>;
  /** The same for `process.on('exit')`: no waiting; leaves the server to others if the lock is busy. */
  releaseSync(): void;
}

/** The shared nats-server of this MGE_HOME: reuses a live one, replaces a stale one, or starts one. */
export async function acquireEmbeddedNats(options: EmbeddedNatsOptions): Promise<EmbeddedNats> {
  const paths = natsPaths(options.home);
  const log = options.logger ?? (() => undefined);
  await prepareHome(paths, options.home);
  const { url, target, client } = await withLock(paths.lock, async () => {
    const server =
      (await findLiveServer(paths, log)) ?? (await startServer(paths, options.bin ?? 'nats-server', log));
    const { user, pass } = server.credential;
    return {
      url: server.url,
      target: { url: server.url, auth: { kind: 'user', user, pass } } satisfies NatsTarget,
      client: await registerClient(paths.clients, selfRef()),
    };
  });
  let released = false;
  return {
    url,
    target,
    release: async () => {
      if (released) return;
      released = true;
      await withLock(paths.lock, () => releaseClient(paths, client, log)).catch(async (error: unknown) => {
        await rm(client, { force: true });
        log(`nats-server left running: ${(error as Error).message}`);
      });
    },
    releaseSync: () => {
      if (released) return;
      released = true;
      releaseClientSync(paths, client);
    },
  };
}

async function releaseClient(paths: NatsPaths, client: string, log: (line: string) => void): Promise<void> {
  await rm(client, { force: true });
  const others = await liveClients(paths.clients);
  if (others.length > 0) return;
  const state = await readState(paths.state);
  if (state === undefined) return;
  await stopServer(state, paths);
  await removeState(paths.state);
  log(`stopped nats-server ${state.url} (pid ${state.pid})`);
}

function releaseClientSync(paths: NatsPaths, client: string): void {
  removeClientSync(client);
  const token = tryLockSync(paths.lock);
  if (token === undefined) return; // another process is starting or stopping it: it sees our file gone
  try {
    const state = readStateSync(paths.state);
    if (state === undefined || liveClientsSync(paths.clients).length > 0) return;
    // No waiting here: a server still shutting down is found by its ports file at the next start.
    if (isRunning(state) && isServerOf(state.pid, paths)) signal(state.pid, 'SIGTERM');
    rmSync(paths.state, { force: true });
  } finally {
    unlockSync(paths.lock, token);
  }
}

async function prepareHome(paths: NatsPaths, home: string): Promise<void> {
  try {
    await mkdir(paths.clients, { recursive: true, mode: 0o700 });
    await chmod(paths.dir, 0o700); // the store and the credential are this user's alone
    await access(paths.dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InfrastructureError(
      `cannot use MGE_HOME ${home} for the embedded nats-server (${reason}); set MGE_HOME to a writable folder, or NATS_URL to use a running server`,
      { retryable: false, cause: error },
    );
  }
}
