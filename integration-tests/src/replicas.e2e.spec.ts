import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MgeEvent, StoredEvent } from '@mge/contracts';
import { isEvent, streams } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { openBus, silentLogger } from '@mge/kit';
import type { TestNatsServer } from '@mge/kit/testing';
import { runRequested, startTestNatsServer, testRunId } from '@mge/kit/testing';
import { duplicates, unexplainedRetries } from './support/outcomes.js';
import type { ServiceProcess } from './support/services.js';
import { startServiceProcess, stopAll } from './support/services.js';

const REQUEST = 'Create a REST API for user management';
const simulation = { seed: 5, faultRate: 0.2, latencyMs: 60, failing: [] };

describe('three executors and two validators on one nats-server', () => {
  let nats: TestNatsServer;
  let bus: Bus;
  let dir: string;
  let processes: ServiceProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-replicas-'));
    nats = await startTestNatsServer();
    bus = await openBus(nats.url, 'replicas-test', silentLogger());
  });
  afterAll(async () => {
    await stopAll(processes);
    await bus.close();
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const count = (events: readonly StoredEvent[], type: string) =>
    events.filter((e) => e.type === type).length;
  const until = async (runId: string, done: (events: StoredEvent[]) => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { events } = await bus.store.readRun(runId).catch(() => ({ events: [] as StoredEvent[] }));
      if (done(events)) return events;
      if (Date.now() > deadline) throw new Error(`run ${runId} did not get there in ${timeoutMs} ms`);
      await sleep(200);
    }
  };

  it('share a run; SIGKILL of the scheduling executor and a nats-server restart lose and duplicate nothing', async () => {
    const base = { NATS_URL: nats.url, MGE_SCHEDULER_LEASE_MS: '1500', MGE_CONCURRENCY: '24' };
    processes = [
      ...['discovery', 'planner', 'atomizer'].map((s) => startServiceProcess(s, base)),
      ...[1, 2, 3].map(() => startServiceProcess('executor', { ...base, MGE_EXECUTOR_CONCURRENCY: '8' })),
      ...[1, 2].map((i) =>
        startServiceProcess('validator', { ...base, MGE_WORK_DIR: join(dir, `work-${i}`) }),
      ),
    ];
    const executors = processes.filter((p) => p.name === 'executor');
    // Wait until every executor's work consumer and the scheduler exist.
    for (;;) {
      const names = (await bus.jsm.consumers.list(streams.events).next()).map((c) => c.name);
      if (names.includes('executor-scheduler')) break;
      await sleep(100);
    }
    await sleep(500);

    const runId = testRunId();
    await bus.store.append([
      runRequested(runId, {
        request: REQUEST,
        provider: 'simulated',
        concurrency: 24,
        outDir: join(dir, 'out'),
        simulation,
      }),
    ]);
    await until(runId, (events) => count(events, 'AtomGenerated') >= 30, 120_000);

    // Kill the executor holding the scheduler lease, mid-run.
    const lease = await bus.jsm.streams.getMessage('KV_mge-leases', {
      last_by_subj: '$KV.mge-leases.executor-scheduler',
    });
    const holderPid = Number(new TextDecoder().decode(lease!.data).split('-').at(-6));
    const holder = executors.find((p) => p.child.pid === holderPid);
    expect(holder).toBeDefined();
    holder!.child.kill('SIGKILL');
    await holder!.exited;

    const generatedBefore = count((await bus.store.readRun(runId)).events, 'AtomGenerated');
    await until(runId, (events) => count(events, 'AtomGenerated') >= generatedBefore + 30, 120_000);
    await nats.restart();

    const events = await until(runId, (all) => all.some((e) => e.type === 'RunCompleted'), 300_000);
    const completed = events.find((e) => isEvent(e, 'RunCompleted'))! as MgeEvent<'RunCompleted'>;
    expect(completed.data.summary).toMatchObject({ status: 'succeeded', precision: 1 });
    expect(duplicates(events)).toEqual([]);
    expect(unexplainedRetries(events)).toEqual([]);
    const survivors = processes.filter((p) => p !== holder);
    expect(survivors.every((p) => p.child.exitCode === null)).toBe(true);
  });
});
