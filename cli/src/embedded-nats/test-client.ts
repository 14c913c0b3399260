// Real CLI-like processes for the cross-process specs: node children importing the built module.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NATS_BIN } from './test-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');

/** The built module the child processes import; rebuilt with `tsc -b cli` when older than the sources. */
export function builtModule(): string {
  const dist = join(repo, 'cli/dist/embedded-nats');
  const stale = () =>
    readdirSync(here)
      .filter((name) => name.endsWith('.ts') && !name.includes('spec') && !name.startsWith('test-'))
      .some((name) => {
        const built = join(dist, name.replace(/\.ts$/, '.js'));
        return !existsSync(built) || statSync(built).mtimeMs < statSync(join(here, name)).mtimeMs;
      });
  if (stale()) spawnSync(join(repo, 'node_modules/.bin/tsc'), ['-b', join(repo, 'cli/tsconfig.json')]);
  if (stale())
    throw new Error('cli/dist/embedded-nats is missing or stale and `tsc -b cli` did not build it');
  return pathToFileURL(join(dist, 'index.js')).href;
}

// A CLI-like process: acquires, reports, then obeys `release`, `exit N` and `finish` (stop reading stdin).
const CLIENT_SCRIPT = `
import { createInterface } from 'node:readline';
const [moduleUrl, home, bin, mode] = process.argv.slice(2);
const { acquireEmbeddedNats, installExitCleanup } = await import(moduleUrl);
const say = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
try {
  const nats = await acquireEmbeddedNats({ home, bin });
  if (mode === 'cleanup') installExitCleanup(nats);
  say({ event: 'acquired', url: nats.url });
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, argument] = line.split(' ');
    if (command === 'release') { await nats.release(); say({ event: 'released' }); }
    if (command === 'exit') process.exit(Number(argument));
    if (command === 'finish') break;
  }
  lines.close();
  process.stdin.destroy();
} catch (error) {
  say({ event: 'error', name: error.name, message: error.message });
  process.exitCode = 1;
}
`;

export interface ClientProcess {
  readonly child: ChildProcess;
  /** The next JSON line the client writes. */
  next(): Promise<{ event: string; url?: string; message?: string }>;
  send(line: string): void;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startClient(home: string, mode: 'hold' | 'cleanup' = 'hold'): Promise<ClientProcess> {
  const script = join(home, 'client.mjs');
  if (!existsSync(script)) await writeFile(script, CLIENT_SCRIPT);
  const child = spawn(process.execPath, [script, builtModule(), home, NATS_BIN, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    exited,
    next: async () => {
      const line = await lines.next();
      if (line.done === true) throw new Error('client ended without a message');
      return JSON.parse(line.value) as { event: string; url?: string };
    },
    send: (line) => child.stdin.write(`${line}\n`),
  };
}

/** Kills clients that are still running (after a failed test). */
export function killClients(clients: readonly ClientProcess[]): void {
  for (const { child } of clients)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
