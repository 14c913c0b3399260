import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InfrastructureError, openBus, silentLogger } from '@mge/kit';
import { acquireEmbeddedNats } from './index.js';
import {
  isAlive,
  isAnswering,
  NATS_BIN,
  natsServersUnder,
  readInfo,
  readServerState,
  testHomes,
  waitFor,
} from './test-support.js';

const { newHome, acquire } = testHomes();

describe('acquireEmbeddedNats in one process', () => {
  it('starts a server that speaks NATS, and the only client’s release stops it', async () => {
    const home = await newHome();
    const nats = await acquire(home);
    const info = await readInfo(nats.url);
    expect(info['server_id']).toEqual(expect.any(String));
    expect(info['jetstream']).toBe(true);
    const state = readServerState(home)!;
    expect(state.url).toBe(nats.url);
    expect(isAlive(state.pid)).toBe(true);

    await nats.release();
    await waitFor(() => !isAlive(state.pid), 2_000);
    expect(readServerState(home)).toBeUndefined();
  });

  it('shares one server between acquirers, stopping it at the last release', async () => {
    const home = await newHome();
    const first = await acquire(home);
    const second = await acquire(home);
    expect(second.url).toBe(first.url);
    expect(second.target).toEqual(first.target);
    const { pid } = readServerState(home)!;

    await first.release();
    expect(await isAnswering(second.url)).toBe(true);
    await second.release();
    await waitFor(() => !isAlive(pid), 2_000);
    expect(await isAnswering(second.url)).toBe(false);
  });

  it('starts one server for concurrent acquires in one process', async () => {
    const home = await newHome();
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => acquire(home)));
    expect(new Set(all.map((nats) => nats.url)).size).toBe(1);
    expect(natsServersUnder(home)).toEqual([readServerState(home)!.pid]);
    await Promise.all(all.map((nats) => nats.release()));
    expect(natsServersUnder(home)).toEqual([]);
  });

  it('keeps JetStream data in the store across a stop and a start', async () => {
    const home = await newHome();
    const first = await acquire(home);
    const bus = await openBus(first.target, 'spec', silentLogger());
    await bus.jsm.streams.add({ name: 'KEPT', subjects: ['kept.>'] });
    await bus.js.publish('kept.one', 'hello');
    await bus.close();
    const { pid } = readServerState(home)!;
    await first.release();
    await waitFor(() => !isAlive(pid), 2_000);

    const second = await acquire(home);
    expect(readServerState(home)!.pid).not.toBe(pid);
    const again = await openBus(second.target, 'spec', silentLogger());
    const info = await again.jsm.streams.info('KEPT');
    await again.close();
    await second.release();
    expect(info.state.messages).toBe(1);
  });
});

describe('acquireEmbeddedNats errors', () => {
  it('says how to install nats-server when the binary is missing', async () => {
    const home = await newHome();
    const attempt = acquireEmbeddedNats({ home, bin: join(home, 'no-such-nats-server') });
    await expect(attempt).rejects.toBeInstanceOf(InfrastructureError);
    await expect(attempt).rejects.toThrow(/apt-get install -y nats-server.*\.\/scripts\/bootstrap/);
    expect(readServerState(home)).toBeUndefined();
  });

  it('names MGE_HOME when it cannot be written', async () => {
    const home = await newHome();
    await writeFile(join(home, 'a-file'), '');
    const attempt = acquireEmbeddedNats({ home: join(home, 'a-file', 'home'), bin: NATS_BIN });
    await expect(attempt).rejects.toBeInstanceOf(InfrastructureError);
    await expect(attempt).rejects.toThrow(/cannot use MGE_HOME .*a-file\/home.*writable/);
  });
});
