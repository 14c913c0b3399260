import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultFlags, SYSTEM_SCOPE } from '@mge/contracts';
import { openFlagStore } from './flags.js';
import { startTestBus } from './testing/test-bus.js';

describe('flag store on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;

  beforeAll(async () => {
    env = await startTestBus();
  });
  afterAll(async () => {
    await env.stop();
  });

  it('reads the defaults, keeps a set value in KV and records every change as FlagChanged', async () => {
    const store = await openFlagStore(env.bus);
    expect(await store.read()).toEqual(defaultFlags);
    const time = '2026-11-25T10:00:00.000Z';
    await store.set('v2.rollout', 25, { by: 'ops', reason: 'start the rollout', time });
    await store.set('v2.rollout', 50, { by: 'ops', reason: 'looks good', time });
    expect(await (await openFlagStore(env.bus)).read()).toEqual({ 'v2.enabled': true, 'v2.rollout': 50 });
    const { events } = await env.bus.store.readRun(SYSTEM_SCOPE);
    expect(events.map((e) => e.data)).toEqual([
      { flag: 'v2.rollout', value: 25, previous: 100, by: 'ops', reason: 'start the rollout' },
      { flag: 'v2.rollout', value: 50, previous: 25, by: 'ops', reason: 'looks good' },
    ]);
  });

  it('refuses a value that does not fit the flag, changing nothing', async () => {
    const store = await openFlagStore(env.bus);
    const before = await store.read();
    await expect(
      store.set('v2.rollout', 140, { by: 'ops', reason: 'typo', time: '2026-11-25T10:00:00.000Z' }),
    ).rejects.toThrow(/v2.rollout/);
    expect(await store.read()).toEqual(before);
  });
});
