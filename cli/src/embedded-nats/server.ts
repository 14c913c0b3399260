import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InfrastructureError, spawnNatsServer } from '@mge/kit';
import type { Credential } from './credential.js';
import { ensureCredential, readCredential } from './credential.js';
import { probeNats } from './probe.js';
import type { ProcessRef } from './processes.js';
import { commandLine, isRunning, processStart, terminate } from './processes.js';
import type { NatsPaths, ServerState } from './state.js';
import { readState, removeState, writeState } from './state.js';

type Log = (line: string) => void;

/** A running server and the credential it demands. */
export type RunningServer = ServerState & { readonly credential: Credential };

const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

/**
 * The recorded server when it answers, demands credentials and its credential is on file; any other
 * recorded server is stopped and forgotten.
 */
export async function findLiveServer(paths: NatsPaths, log: Log): Promise<RunningServer | undefined> {
  const state = await readState(paths.state);
  if (state === undefined) return undefined;
  const info = isRunning(state) ? await probeNats(state.port) : undefined;
  const credential = await readCredential(paths.credential);
  if (info?.authRequired === true && credential !== undefined) return { ...state, credential };
  const why =
    info === undefined
      ? 'is not answering'
      : !info.authRequired
        ? 'accepts clients without credentials'
        : `has no credential in ${paths.credential}`;
  log(`nats-server ${state.url} (pid ${state.pid}) ${why}; starting a new one`);
  await stopServer(state, paths);
  await removeState(paths.state);
  return undefined;
}

/** Starts a detached nats-server on the store under `paths.dir`, demanding this home's credential, and records it. */
export async function startServer(paths: NatsPaths, bin: string, log: Log): Promise<RunningServer> {
  await stopOrphans(paths, log);
  await rotateLog(paths.log);
  const credential = await ensureCredential(paths.credential);
  const server = await spawnNatsServer({ dir: paths.dir, bin, detached: true, auth: credential }).catch(
    (error: unknown) => {
      throw explainSpawnFailure(error, bin);
    },
  );
  const state: ServerState = {
    pid: server.pid,
    start: processStart(server.pid),
    url: server.url,
    port: server.port,
    startedAt: new Date().toISOString(),
  };
  try {
    await writeState(paths.state, state);
  } catch (error) {
    await terminate(server.pid);
    throw error;
  }
  log(`started nats-server ${state.url} (pid ${state.pid}), store ${paths.store}, log ${paths.log}`);
  return { ...state, credential };
}

/** Stops the process if it is still this home's nats-server (a reused pid belongs to someone else). */
export async function stopServer(server: ProcessRef, paths: NatsPaths): Promise<void> {
  if (isRunning(server) && isServerOf(server.pid, paths)) await terminateOrThrow(server.pid, paths);
}

async function terminateOrThrow(pid: number, paths: NatsPaths): Promise<void> {
  if (!(await terminate(pid)))
    throw new InfrastructureError(
      `nats-server pid ${pid} on ${paths.store} does not stop; kill it and try again`,
    );
}

/** Servers on this store that no state file records (a start cut short): found by their ports files. */
async function stopOrphans(paths: NatsPaths, log: Log): Promise<void> {
  const names = await readdir(paths.ports).catch(() => []);
  for (const name of names) {
    const pid = Number(/^nats-server_(\d+)\.ports$/.exec(name)?.[1]);
    if (isRunning({ pid }) && isServerOf(pid, paths)) {
      log(`stopping unrecorded nats-server pid ${pid} on ${paths.store}`);
      await terminateOrThrow(pid, paths);
    }
    await rm(join(paths.ports, name), { force: true });
  }
}

export function isServerOf(pid: number, paths: NatsPaths): boolean {
  const args = commandLine(pid);
  return args === undefined || args.includes(paths.store); // without /proc, trust the record
}

async function rotateLog(path: string): Promise<void> {
  const size = (await stat(path).catch(() => undefined))?.size ?? 0;
  if (size > LOG_ROTATE_BYTES) await rename(path, `${path}.1`).catch(() => undefined);
}

function explainSpawnFailure(error: unknown, bin: string): unknown {
  const code = ((error as { cause?: NodeJS.ErrnoException }).cause ?? (error as NodeJS.ErrnoException)).code;
  if (code === 'ENOENT')
    return new InfrastructureError(
      `nats-server not found (${bin}): install it with \`apt-get install -y nats-server\` or run ./scripts/bootstrap, ` +
        'set MGE_NATS_SERVER to its path, or set NATS_URL to use a running server',
      { retryable: false, cause: error },
    );
  if (code === 'EACCES')
    return new InfrastructureError(`${bin} is not executable; set MGE_NATS_SERVER to a nats-server binary`, {
      retryable: false,
      cause: error,
    });
  return error;
}
