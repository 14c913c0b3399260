import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '../logger.js';
import { startTestBus } from '../testing/test-bus.js';
import { connectNats } from './connect.js';
import { startLease } from './lease.js';

describe('lease on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  beforeAll(async () => {
    env = await startTestBus();
  });
  afterAll(async () => {
    await env.stop();
  });

  const contender = async (owner: string, log: string[], key = 'k') =>
    startLease(env.bus.nc, {
      bucket: 'test-leases',
      key,
      owner,
      ttlMs: 800,
      logger: silentLogger(),
      onAcquire: async () => void log.push(`${owner} acquired`),
      onLose: async () => void log.push(`${owner} lost`),
    });

  it('has one holder at a time; the next takes over when the holder gives it up', async () => {
    const log: string[] = [];
    const a = await contender('a', log);
    const b = await contender('b', log);
    await sleep(500);
    expect([a.held(), b.held()]).toEqual([true, false]);
    await a.stop();
    await sleep(600);
    expect(b.held()).toBe(true);
    expect(log).toEqual(['a acquired', 'a lost', 'b acquired']);
    await b.stop();
  });

  it('passes to another holder once the holder stops renewing (its process died)', async () => {
    const log: string[] = [];
    const nc = await connectNats(env.server.url, 'doomed', silentLogger());
    await startLease(nc, {
      bucket: 'test-leases',
      key: 'crash',
      owner: 'a',
      ttlMs: 800,
      logger: silentLogger(),
      onAcquire: async () => void log.push('a acquired'),
      onLose: async () => undefined,
    });
    const b = await contender('b', log, 'crash');
    expect(b.held()).toBe(false);
    await nc.close(); // no renewal, no delete: the key expires after its TTL
    for (let i = 0; i < 40 && !b.held(); i++) await sleep(100);
    expect(b.held()).toBe(true);
    expect(log).toEqual(['a acquired', 'b acquired']);
    await b.stop();
  });
});
