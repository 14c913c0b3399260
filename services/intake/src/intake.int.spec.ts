import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect, headers } from '@nats-io/transport-node';
import type { RunProgress, SubmissionReply } from '@mge/contracts';
import { streams, SUBMISSION_TYPE, subjects } from '@mge/contracts';
import { stageFailure } from '@mge/run';
import type { FlagStore, Service } from '@mge/kit';
import { openFlagStore, silentLogger } from '@mge/kit';
import { startTestBus, waitForEvent } from '@mge/kit/testing';
import { publishNewer } from './adapters/progress-stream.js';
import { createIntakeService } from './service.js';

const config = {
  MGE_V2_ENABLED: true,
  MGE_MODEL: 'claude-sonnet-4-5',
  MGE_MAX_TOKENS: 8_192,
  MGE_SIM_LATENCY_MS: 5,
  MGE_IDEMPOTENCY_TTL_HOURS: 1,
  MGE_PROGRESS_INTERVAL_MS: 250,
};
const change = { by: 'test', reason: 'test', time: new Date().toISOString() };

let n = 0;
/** A structured-mode submission CloudEvent, as any NATS client would write it. */
const cloudEvent = (data: unknown) => ({
  specversion: '1.0',
  id: `e-${Date.now()}-${(n += 1)}`,
  source: 'urn:test:plain-client',
  type: SUBMISSION_TYPE,
  data,
});

describe('intake on a real nats-server, asked by a plain NATS client', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let intake: Service;
  let nc: NatsConnection;
  let flags: FlagStore;

  const ask = async (body: string, h?: ReturnType<typeof headers>): Promise<SubmissionReply> => {
    const msg = await nc.request(subjects.requests, body, {
      timeout: 10_000,
      ...(h === undefined ? {} : { headers: h }),
    });
    return JSON.parse(msg.string()) as SubmissionReply;
  };
  const accepted = (reply: SubmissionReply) => {
    if ('error' in reply) throw new Error(JSON.stringify(reply.error));
    return reply;
  };
  const runCount = async () => (await env.bus.store.listRuns()).length;
  const dlqCount = async () => (await (await jetstreamManager(nc)).streams.info(streams.dlq)).state.messages;

  beforeAll(async () => {
    env = await startTestBus();
    intake = createIntakeService({ bus: env.bus, logger: silentLogger(), config });
    await intake.start();
    flags = await openFlagStore(env.bus);
    const { hostname, port, username, password } = new URL(env.server.url.replace(/^nats:/, 'http:'));
    nc = await connect({
      servers: `${hostname}:${port}`,
      user: decodeURIComponent(username),
      pass: decodeURIComponent(password),
    });
  });
  afterAll(async () => {
    await nc.close();
    await intake.stop();
    await env.stop();
  });

  it('answers a structured CloudEvent with the run id and records RunRequested, assigned by the rollout', async () => {
    const reply = accepted(
      await ask(JSON.stringify(cloudEvent({ request: 'Create a REST API for user management' }))),
    );
    expect(reply).toMatchObject({
      mode: 'v2',
      created: true,
      assignment: { reason: 'rollout', rolloutPercent: 100 },
    });
    const requested = await waitForEvent(env.bus.store, reply.runId, 'RunRequested');
    expect(requested.data).toMatchObject({
      request: 'Create a REST API for user management',
      mode: 'v2',
      provider: 'offline',
      concurrency: 16,
      submission: { source: 'urn:test:plain-client' },
    });
    expect(requested.data.outDir).toBeUndefined();
  });

  it('reads binary mode: ce-* headers and the data as the body', async () => {
    const h = headers();
    h.set('ce-specversion', '1.0');
    h.set('ce-id', 'binary-1');
    h.set('ce-source', 'urn:test:binary');
    h.set('ce-type', SUBMISSION_TYPE);
    const reply = accepted(
      await ask(JSON.stringify({ request: 'A library: books have a title', mode: 'v1' }), h),
    );
    expect(reply).toMatchObject({ mode: 'v1', assignment: { reason: 'override' } });
  });

  it('refuses what does not validate, naming the field, copies it to the DLQ and starts nothing', async () => {
    const [runsBefore, dlqBefore] = [await runCount(), await dlqCount()];
    const cases: [string, string][] = [
      [JSON.stringify(cloudEvent({ mode: 'v2' })), 'data.request'],
      [JSON.stringify(cloudEvent({ request: 'x', concurrency: 0 })), 'data.concurrency'],
      [JSON.stringify(cloudEvent({ request: 'x', colour: 'blue' })), 'data.colour'],
      [JSON.stringify({ ...cloudEvent({ request: 'x' }), type: 'something.else' }), 'type'],
      ['{not json', ''],
    ];
    for (const [body, field] of cases) {
      const reply = await ask(body);
      expect('error' in reply && reply.error.code).toBe('invalid');
      if ('error' in reply) expect(reply.error.fields?.map((f) => f.path)).toContain(field);
    }
    const provider = await ask(JSON.stringify(cloudEvent({ request: 'x', provider: 'anthropic' })));
    expect('error' in provider && provider.error.fields?.[0]?.path).toBe('provider');
    expect(await runCount()).toBe(runsBefore);
    expect(await dlqCount()).toBe(dlqBefore + cases.length + 1);
  });

  it('gives the same run for the same idempotency key, once, and refuses the key with another request', async () => {
    const data = { request: 'A shop: products have a name and a price', idempotencyKey: 'order-42' };
    const first = accepted(await ask(JSON.stringify(cloudEvent(data))));
    const again = accepted(await ask(JSON.stringify(cloudEvent(data))));
    expect(again).toEqual({ ...first, created: false });
    const { events } = await env.bus.store.readRun(first.runId);
    expect(events.filter((e) => e.type === 'RunRequested')).toHaveLength(1);
    const other = await ask(JSON.stringify(cloudEvent({ ...data, request: 'Something else entirely' })));
    expect('error' in other && other.error.code).toBe('conflict');
  });

  it('takes the pipeline from the flags in KV, whatever the submission asked', async () => {
    await flags.set('v2.enabled', false, change);
    const off = accepted(await ask(JSON.stringify(cloudEvent({ request: 'A blog: posts have a title' }))));
    expect(off).toMatchObject({ mode: 'v1', assignment: { reason: 'v2-disabled' } });
    await flags.set('v2.enabled', true, change);
    await flags.set('v2.rollout', 0, change);
    const zero = accepted(
      await ask(JSON.stringify(cloudEvent({ request: 'A blog: posts have a title', user: 'alice' }))),
    );
    expect(zero).toMatchObject({
      mode: 'v1',
      assignment: { reason: 'rollout', key: 'alice', rolloutPercent: 0 },
    });
    await flags.set('v2.rollout', 100, change);
    const full = accepted(
      await ask(JSON.stringify(cloudEvent({ request: 'A blog: posts have a title', user: 'alice' }))),
    );
    expect(full).toMatchObject({
      mode: 'v2',
      assignment: { reason: 'rollout', key: 'alice', rolloutPercent: 100 },
    });
    const pair = accepted(
      await ask(JSON.stringify(cloudEvent({ request: 'A blog: posts have a title', mode: 'parallel' }))),
    );
    expect(pair.shadow?.mode).toBe('v1');
    const shadow = await waitForEvent(env.bus.store, pair.shadow!.runId, 'RunRequested');
    expect(shadow.data.pairing).toEqual({ role: 'shadow', twin: pair.runId, correlationId: pair.runId });
  });

  it('publishes progress snapshots, keeping the last one for a late subscriber', async () => {
    const reply = accepted(await ask(JSON.stringify(cloudEvent({ request: 'A zoo: animals have a name' }))));
    const view = await env.bus.views.load(reply.runId);
    const later = new Date(Date.parse(view.requestedAt!) + 1_000).toISOString();
    const failure = {
      stage: 'discovery' as const,
      code: 'test',
      message: 'stopped by the test',
      details: [],
    };
    const meta = { source: 'test', time: later, cause: { id: 'test', correlationId: reply.runId } };
    await env.bus.store.append(stageFailure(view, failure, meta));
    const jsm = await jetstreamManager(nc);
    let kept: RunProgress | undefined;
    for (let i = 0; i < 100 && kept?.status !== 'failed'; i++) {
      const msg = await jsm.streams
        .getMessage(streams.progress, { last_by_subj: subjects.progress(reply.runId) })
        .catch(() => null);
      kept = msg ? (JSON.parse(msg.string()) as RunProgress) : undefined;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(kept).toMatchObject({ runId: reply.runId, status: 'failed', phase: 'done', mode: 'v2' });
    expect(kept!.elapsedMs).toBe(1_000);
  });

  it('never leaves an older snapshot as the kept one, whichever replica publishes last', async () => {
    const runId = 'r-01JDX0000000000000000000PQ';
    const snapshot = (seq: number): RunProgress => ({
      runId,
      mode: 'v2',
      status: 'running',
      phase: 'generating',
      unit: 'atoms',
      waves: { done: 0, total: 1 },
      atoms: { total: 1, passed: 0, inFlight: 1, failed: 0, blocked: 0 },
      retries: 0,
      tokens: { input: 0, output: 0 },
      costUsd: 0,
      elapsedMs: seq,
      seq,
      at: new Date().toISOString(),
    });
    const keptSeq = async () => {
      const msg = await env.bus.jsm.streams.getMessage(streams.progress, {
        last_by_subj: subjects.progress(runId),
      });
      return (JSON.parse(msg!.string()) as RunProgress).seq;
    };
    expect(await publishNewer(env.bus.js, env.bus.jsm, snapshot(10))).toBe(true);
    expect(await publishNewer(env.bus.js, env.bus.jsm, snapshot(5))).toBe(false);
    expect(await keptSeq()).toBe(10);
    const racing = await Promise.all(
      [11, 13, 12].map((seq) => publishNewer(env.bus.js, env.bus.jsm, snapshot(seq))),
    );
    expect(racing).toContain(true);
    expect(await keptSeq()).toBe(13);
  });
});
