import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { createMessage, streams, subjects } from '@mge/contracts';
import { silentLogger } from '../logger.js';
import type { TestNatsServer } from '../testing/nats-server.js';
import { startTestNatsServer } from '../testing/nats-server.js';
import { waitForEvent } from '../testing/wait-for-event.js';
import { ack, reject, retry } from './outcome.js';
import type { Bus } from './runtime.js';
import { openBus } from './runtime.js';
import { subscription } from './subscription.js';

const runId = 'r-01JDX0000000000000000000AA';
const time = '2026-11-25T10:00:00.000Z';

const requested = (id = runId) =>
  createMessage(
    'RunRequested',
    {
      runId: id,
      request: 'todo list',
      mode: 'v2',
      provider: 'offline',
      concurrency: 4,
      temperatures: [0.7],
      outDir: '/tmp/x',
    },
    { source: 'test', time, key: [] },
  );
const stageFailed = (n: number) =>
  createMessage(
    'StageFailed',
    { runId, stage: 'planner', code: 'x', message: `m${n}`, details: [] },
    { source: 'test', time, key: [n] },
  );

describe('event store and consume loop on a real nats-server', () => {
  let server: TestNatsServer;
  let bus: Bus;

  beforeAll(async () => {
    server = await startTestNatsServer();
    bus = await openBus(server.url, 'kit-test', silentLogger());
  });
  afterAll(async () => {
    await bus.close();
    await server.stop();
  });

  it('provisions EVENTS as declared and refuses deletes', async () => {
    const info = await bus.jsm.streams.info(streams.events);
    expect(info.config.deny_delete).toBe(true);
    expect(info.config.deny_purge).toBe(true);
    expect(info.config.duplicate_window).toBe(120_000_000_000);
    await expect(bus.jsm.streams.purge(streams.events)).rejects.toThrow();
  });

  it('stores a repeated publish of the same event id once', async () => {
    await bus.store.append([requested(), requested()]);
    const { events } = await bus.store.readRun(runId);
    expect(events.filter((e) => e.type === 'RunRequested')).toHaveLength(1);
  });

  it('reads one run in order, from a sequence on, and lists runs', async () => {
    await bus.store.append([stageFailed(1), stageFailed(2), stageFailed(3)]);
    const all = await bus.store.readRun(runId);
    expect(all.events.map((e) => e.type)).toEqual([
      'RunRequested',
      'StageFailed',
      'StageFailed',
      'StageFailed',
    ]);
    const later = await bus.store.readRun(runId, all.events[2]!.seq);
    expect(later.events.map((e) => e.seq)).toEqual([all.events[2]!.seq, all.events[3]!.seq]);
    expect(await bus.store.listRuns()).toContain(runId);
  });

  it('follows a run as events arrive', async () => {
    const waiting = waitForEvent(bus.store, runId, 'StageFailed', (e) => e.data.message === 'm9', 5_000);
    await bus.store.append([stageFailed(9)]);
    await expect(waiting).resolves.toMatchObject({ data: { message: 'm9' } });
  });

  it('acks, retries after a delay, and rejects to the DLQ with the payload and reason, telling the run', async () => {
    const seen: string[] = [];
    let redelivered!: () => void;
    const flakyRedelivered = new Promise<void>((resolve) => (redelivered = resolve));
    const [consumer] = await bus.startConsumers(
      'tester',
      [
        subscription({
          durable: 'tester',
          stream: streams.work,
          filter: subjects.serviceWork('validator'),
          accepts: ['ValidateTask'],
          maxInFlight: 4,
          handler: async ({ data }, ctx) => {
            seen.push(`${data.taskId}#${ctx.deliveryCount}`);
            if (data.taskId === 'flaky' && ctx.deliveryCount === 1) return retry(50);
            if (data.taskId === 'flaky') redelivered();
            if (data.taskId === 'bad') return reject('this task cannot be validated');
            return ack();
          },
        }),
      ],
      silentLogger(),
    );
    const task = (taskId: string) =>
      createMessage(
        'ValidateTask',
        { runId, taskId, revision: 'a1' },
        { source: 'test', time, key: [taskId] },
      );
    const milestone = createMessage(
      'ValidateMilestone',
      { runId, milestoneId: 'm1', revision: 'a1' },
      { source: 'test', time, key: ['m1'] },
    );
    await bus.store.append([task('ok'), task('flaky'), task('bad'), milestone]);
    await bus.js.publish(subjects.work('validator', 'task'), 'not json at all');
    const rejected = await waitForEvent(bus.store, runId, 'MessageRejected', () => true, 10_000);
    expect(rejected.data.reason).toBe('this task cannot be validated');

    const dlq = await bus.jsm.consumers.add(streams.dlq, {
      name: 'dlq-reader',
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
    });
    const reader = await bus.js.consumers.get(streams.dlq, dlq.name);
    const copies: { reason: string | undefined; body: string }[] = [];
    for await (const m of await reader.fetch({ max_messages: 3, expires: 5_000 })) {
      copies.push({ reason: m.headers?.get('mge-dlq-reason'), body: m.string() });
    }
    expect(copies).toEqual(
      expect.arrayContaining([
        {
          reason: 'this task cannot be validated',
          body: JSON.stringify({ runId, taskId: 'bad', revision: 'a1' }),
        },
        { reason: expect.stringContaining('does not parse'), body: 'not json at all' },
        {
          reason: 'unexpected message type ValidateMilestone',
          body: JSON.stringify({ runId, milestoneId: 'm1', revision: 'a1' }),
        },
      ]),
    );
    await flakyRedelivered;
    await consumer!.stop();
    expect(seen).toEqual(expect.arrayContaining(['ok#1', 'flaky#1', 'flaky#2', 'bad#1']));
  });
});
