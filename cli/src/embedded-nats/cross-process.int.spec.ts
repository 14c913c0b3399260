import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClientProcess } from './test-client.js';
import { builtModule, killClients, startClient } from './test-client.js';
import {
  isAlive,
  isAnswering,
  makeHome,
  natsServersUnder,
  readServerState,
  removeHome,
  waitFor,
} from './test-support.js';

// Real CLI-like processes (node children importing cli/dist) sharing one MGE_HOME.
const homes: string[] = [];
const clients: ClientProcess[] = [];
const newHome = async () => {
  const home = await makeHome();
  homes.push(home);
  return home;
};
const client = async (home: string, mode?: 'hold' | 'cleanup') => {
  const started = await startClient(home, mode);
  clients.push(started);
  return started;
};
const acquiredUrl = async (c: ClientProcess) => {
  const message = await c.next();
  expect(message).toMatchObject({ event: 'acquired' });
  return message.url!;
};
const release = async (c: ClientProcess) => {
  c.send('release');
  expect(await c.next()).toEqual({ event: 'released' });
};

beforeAll(() => {
  builtModule(); // build once before the timed tests
}, 120_000);

afterEach(async () => {
  killClients(clients.splice(0));
  await Promise.all(homes.splice(0).map(removeHome));
});

describe('embedded nats-server shared by processes', () => {
  it('is shared by two processes and stopped by the last release', async () => {
    const home = await newHome();
    const first = await client(home);
    const url = await acquiredUrl(first);
    const second = await client(home);
    expect(await acquiredUrl(second)).toBe(url);
    const { pid } = readServerState(home)!;

    await release(first); // the process that started it stays up, so it can reap the server later
    expect(await isAnswering(url)).toBe(true);
    await release(second);
    await waitFor(() => !isAlive(pid), 2_000);
    expect(readServerState(home)).toBeUndefined();
    first.send('finish');
    second.send('finish');
    expect(await first.exited).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('ends with exactly one server when three processes acquire at once', async () => {
    const home = await newHome();
    const all = await Promise.all([client(home), client(home), client(home)]);
    const urls = await Promise.all(all.map(acquiredUrl));
    expect(new Set(urls).size).toBe(1);
    expect(natsServersUnder(home)).toEqual([readServerState(home)!.pid]);
    expect(readdirSync(join(home, 'nats', 'clients'))).toHaveLength(3);

    for (const c of all) await release(c);
    expect(natsServersUnder(home)).toEqual([]);
    for (const c of all) c.send('finish');
  }, 30_000);

  it('prunes a client killed with SIGKILL, so the last live release stops the server', async () => {
    const home = await newHome();
    const survivor = await client(home);
    const url = await acquiredUrl(survivor);
    const victim = await client(home);
    expect(await acquiredUrl(victim)).toBe(url);
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(readdirSync(join(home, 'nats', 'clients'))).toHaveLength(2);

    await release(survivor);
    expect(readdirSync(join(home, 'nats', 'clients'))).toEqual([]);
    expect(natsServersUnder(home)).toEqual([]);
    survivor.send('finish');
  }, 30_000);
});

describe('installExitCleanup in a process', () => {
  it('releases on Ctrl-C and exits 130', async () => {
    const home = await newHome();
    const c = await client(home, 'cleanup');
    await acquiredUrl(c);
    const { pid } = readServerState(home)!;
    c.child.kill('SIGINT');
    expect(await c.exited).toEqual({ code: 130, signal: null });
    await waitFor(() => !isAlive(pid), 2_000);
    expect(readServerState(home)).toBeUndefined();
  }, 30_000);

  it('releases when the process finishes its work', async () => {
    const home = await newHome();
    const c = await client(home, 'cleanup');
    await acquiredUrl(c);
    const { pid } = readServerState(home)!;
    c.send('finish');
    expect(await c.exited).toEqual({ code: 0, signal: null });
    await waitFor(() => !isAlive(pid), 2_000);
    expect(readServerState(home)).toBeUndefined();
  }, 30_000);

  it('releases synchronously on process.exit(), and the next start is clean', async () => {
    const home = await newHome();
    const c = await client(home, 'cleanup');
    await acquiredUrl(c);
    const { pid } = readServerState(home)!;
    c.send('exit 7');
    expect(await c.exited).toEqual({ code: 7, signal: null });
    await waitFor(() => !isAlive(pid), 5_000);
    expect(existsSync(join(home, 'nats', 'server.json'))).toBe(false);
    expect(readdirSync(join(home, 'nats', 'clients'))).toEqual([]);

    const next = await client(home);
    expect(await isAnswering(await acquiredUrl(next))).toBe(true);
    await release(next);
    next.send('finish');
  }, 30_000);
});
