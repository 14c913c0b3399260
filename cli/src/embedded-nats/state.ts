import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseJsonRecord, writeFileAtomically } from '@mge/kit';
import { z } from 'zod';

/** Where the embedded server keeps everything, under MGE_HOME. */
export interface NatsPaths {
  /** `<home>/nats`: the directory given to `spawnNatsServer` (it adds `store/`, `ports/` and the log). */
  readonly dir: string;
  readonly state: string;
  readonly lock: string;
  readonly clients: string;
  readonly store: string;
  readonly ports: string;
  readonly log: string;
  /** The user and password the server demands (mode 0600). */
  readonly credential: string;
}

export function natsPaths(home: string): NatsPaths {
  const dir = join(resolve(home), 'nats');
  return {
    dir,
    state: join(dir, 'server.json'),
    lock: join(dir, 'lock'),
    clients: join(dir, 'clients'),
    store: join(dir, 'store'),
    ports: join(dir, 'ports'),
    log: join(dir, 'nats-server.log'),
    credential: join(dir, 'credential.json'),
  };
}

/** The running server, as recorded by the process that started it. */
export const ServerState = z.object({
  pid: z.number().int().positive(),
  start: z.string().optional(),
  url: z.string().min(1),
  port: z.number().int().positive(),
  startedAt: z.string(),
});
export type ServerState = z.infer<typeof ServerState>;

/** The recorded server; a missing or unreadable file is no server. */
export async function readState(path: string): Promise<ServerState | undefined> {
  return parseState(await readFile(path, 'utf8').catch(() => undefined));
}

export function readStateSync(path: string): ServerState | undefined {
  try {
    return parseState(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a reader never sees half a record. */
export async function writeState(path: string, state: ServerState): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(state)}\n`);
}

export const removeState = (path: string): Promise<void> => rm(path, { force: true });

const parseState = (text: string | undefined): ServerState | undefined => parseJsonRecord(ServerState, text);
