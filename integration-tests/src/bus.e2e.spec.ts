import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import type { RunSummary } from '@mge/contracts';
import { streams, subjects } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { openBus, silentLogger } from '@mge/kit';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer, waitForEvent } from '@mge/kit/testing';
import { lastJsonLine, runMge, serveMge } from './support/cli.js';

describe('the bus: poison messages and repeated publishes', () => {
  let nats: TestNatsServer;
  let dir: string;
  let bus: Bus;
  let env: Record<string, string>;

  beforeAll(async () => {
    nats = await startTestNatsServer();
    dir = await mkdtemp(join(tmpdir(), 'mge-bus-'));
    env = { NATS_URL: nats.url, MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work') };
    bus = await openBus(nats.url, 'e2e', silentLogger());
  });
  afterAll(async () => {
    await bus.close();
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts a poison message in the DLQ with its payload, tells its run, and other runs go on', async () => {
    const served = await serveMge(['--services', 'validator'], env);
    try {
      const poisoned = 'r-01JDX00000000000000000P0SN';
      const subject = subjects.event(poisoned, 'atom', 'generated');
      const h = headers();
      h.set('ce-type', 'AtomGenerated');
      await bus.js.publish(subject, '{"atomId": 7}', { headers: h });
      const told = await waitForEvent(bus.store, poisoned, 'MessageRejected', () => true, 20_000);
      expect(told.data).toMatchObject({ service: 'validator', subject });
      expect(told.data.reason).toContain('does not parse');

      const reader = await bus.jsm.consumers.add(streams.dlq, {
        name: 'e2e-dlq',
        ack_policy: AckPolicy.None,
        deliver_policy: DeliverPolicy.All,
      });
      const copies = await bus.js.consumers.get(streams.dlq, reader.name);
      let copy: { string(): string; headers?: { get(key: string): string } | undefined } | undefined;
      for await (const m of await copies.fetch({ max_messages: 1, expires: 5_000 })) copy = m;
      expect(copy?.string()).toBe('{"atomId": 7}');
      expect(copy?.headers?.get('mge-dlq-subject')).toBe(subject);
      expect(copy?.headers?.get('mge-dlq-reason')).toContain('headers.ce-specversion');

      const other = await runMge(['run', 'a todo list', '--json', '--out', join(dir, 'todo')], env);
      expect({ code: other.code, stderr: other.code === 0 ? '' : other.stderr }).toEqual({
        code: 0,
        stderr: '',
      });
      const summary = lastJsonLine<RunSummary>(other.stdout);
      expect(summary.status).toBe('succeeded');

      const { events } = await bus.store.readRun(summary.runId);
      const before = events.length;
      await bus.store.append([events[0]!, events[events.length - 1]!]); // the same ids again
      expect((await bus.store.readRun(summary.runId)).events).toHaveLength(before);
    } finally {
      await served.stop();
    }
  });
});
