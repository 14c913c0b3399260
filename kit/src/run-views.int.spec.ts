import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { silentLogger } from './logger.js';
import type { EventStore } from './nats/event-store.js';
import { createRunViews } from './run-views.js';
import { runRequested, testDocument, testStamp } from './testing/fixtures.js';
import { startTestBus, testRunId } from './testing/test-bus.js';
import { createMessage } from '@mge/contracts';

describe('run views on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let reads = 0;
  let store: EventStore;

  beforeAll(async () => {
    env = await startTestBus();
    store = { ...env.bus.store, readRun: (runId, from) => (reads++, env.bus.store.readRun(runId, from)) };
  });
  afterAll(async () => env.stop());

  it('sees every event stored before a load, and coalesces a burst of loads into at most two reads', async () => {
    const views = createRunViews(store, silentLogger());
    const runId = testRunId();
    await env.bus.store.append([runRequested(runId)]);
    expect((await views.load(runId)).requested?.runId).toBe(runId);
    await env.bus.store.append([
      createMessage('DiscoveryCompleted', { runId, document: testDocument(), source: 'spec' }, testStamp()),
    ]);
    reads = 0;
    const loaded = await Promise.all(Array.from({ length: 20 }, () => views.load(runId)));
    expect(loaded.every((view) => view.document?.domain === 'test')).toBe(true);
    expect(reads).toBeLessThanOrEqual(2);
  });
});
