import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessRef } from './processes.js';
import { isRunning } from './processes.js';

// One file per acquisition, `<pid>-<id>`, holding the process ref: a process may acquire more than once.

export async function registerClient(dir: string, self: ProcessRef): Promise<string> {
  const path = join(dir, `${self.pid}-${randomUUID().slice(0, 8)}`);
  await writeFile(path, JSON.stringify(self));
  return path;
}

/** The clients whose process still runs; files left by dead processes are removed. */
export async function liveClients(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  const live: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (isLiveClient(name, text)) live.push(path);
    else await rm(path, { force: true });
  }
  return live;
}

export function liveClientsSync(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.map((name) => join(dir, name)).filter((path) => isLiveClient(path, readTextSync(path)));
}

export const removeClientSync = (path: string): void => rmSync(path, { force: true });

function isLiveClient(name: string, text: string | undefined): boolean {
  const pid = Number(/(\d+)-[^/]*$/.exec(name)?.[1]);
  if (text === undefined) return false;
  let start: string | undefined;
  try {
    const parsed = JSON.parse(text) as { start?: unknown };
    start = typeof parsed.start === 'string' ? parsed.start : undefined;
  } catch {
    // a file cut short: its pid alone decides
  }
  return isRunning({ pid, start });
}

function readTextSync(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
