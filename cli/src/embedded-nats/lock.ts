import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { link, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfrastructureError } from '@mge/kit';
import type { ProcessRef } from './processes.js';
import { isRunning, selfRef } from './processes.js';

export interface LockOptions {
  /** How long to wait for another process to finish starting or stopping the server. */
  readonly waitMs?: number;
  /** A lock untouched this long is broken even if its owner runs: holders touch it every second. */
  readonly staleMs?: number;
}

interface LockRecord extends ProcessRef {
  readonly token: string;
}

/** Runs `fn` holding an exclusive lock file (`open wx`) that serializes start-up and shutdown across processes. */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const token = await acquireLock(path, options);
  const heartbeat = setInterval(
    () => void utimes(path, new Date(), new Date()).catch(() => undefined),
    1_000,
  );
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    await unlock(path, token);
  }
}

async function acquireLock(
  path: string,
  { waitMs = 60_000, staleMs = 10_000 }: LockOptions,
): Promise<string> {
  const record: LockRecord = { ...selfRef(), token: randomUUID() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await writeFile(path, JSON.stringify(record), { flag: 'wx' });
      return record.token;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await inspect(path, staleMs);
    if (held.stale) await breakLock(path, held.text);
    else if (Date.now() > deadline)
      throw new InfrastructureError(
        `another mge process (pid ${held.owner?.pid ?? '?'}) holds ${path}; try again, or delete the file if no mge process runs`,
      );
    else await sleep(10 + Math.random() * 20);
  }
}

async function inspect(path: string, staleMs: number) {
  const [text, info] = await Promise.all([
    readFile(path, 'utf8').catch(() => undefined),
    stat(path).catch(() => undefined),
  ]);
  if (text === undefined || info === undefined) return { stale: false, text, owner: undefined }; // just released
  const owner = parseRecord(text);
  const old = Date.now() - info.mtimeMs > staleMs;
  // A record cut short is an owner between open and write, unless it stays so for long.
  return { stale: old || (owner !== undefined && !isRunning(owner)), text, owner };
}

/** Moves the lock aside and checks it is still the one judged stale; puts back a fresh one taken meanwhile. */
async function breakLock(path: string, staleText: string | undefined): Promise<void> {
  const aside = `${path}.${process.pid}.${randomUUID().slice(0, 8)}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

async function unlock(path: string, token: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text !== undefined && parseRecord(text)?.token === token) await rm(path, { force: true });
}

/** For exit handlers: one attempt, no waiting; the token when taken. */
export function tryLockSync(path: string): string | undefined {
  const record: LockRecord = { ...selfRef(), token: randomUUID() };
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, JSON.stringify(record));
    closeSync(fd);
    return record.token;
  } catch {
    return undefined;
  }
}

export function unlockSync(path: string, token: string): void {
  try {
    if (parseRecord(readFileSync(path, 'utf8'))?.token === token) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

function parseRecord(text: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.token !== 'string') return undefined;
    return {
      pid: parsed.pid,
      start: typeof parsed.start === 'string' ? parsed.start : undefined,
      token: parsed.token,
    };
  } catch {
    return undefined;
  }
}
