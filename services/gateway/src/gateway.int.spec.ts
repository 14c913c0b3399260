import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@mge/contracts';
import { parseStructuredEvent, streams } from '@mge/contracts';
import { readServerSentEvents } from '@mge/client';
import { createIntakeService } from '@mge/intake';
import WebSocket from 'ws';
import type { Service } from '@mge/kit';
import { silentLogger } from '@mge/kit';
import { startTestBus } from '@mge/kit/testing';
import { stageFailure } from '@mge/run';
import type { GatewayService } from './service.js';
import { createGatewayService } from './service.js';

const TOKEN = 'test-token-0123456789abcdef';
const intakeConfig = {
  MGE_V2_ENABLED: true,
  MGE_MODEL: 'claude-sonnet-4-5',
  MGE_MAX_TOKENS: 8_192,
  MGE_SIM_LATENCY_MS: 5,
  MGE_IDEMPOTENCY_TTL_HOURS: 1,
  MGE_PROGRESS_INTERVAL_MS: 250,
};

describe('the gateway over real HTTP, with the intake on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let intake: Service;
  let gateway: GatewayService;
  let base: string;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const post = (body: string, headers: Record<string, string> = json) =>
    fetch(`${base}/runs`, { method: 'POST', headers, body });
  const stored = async () => (await env.bus.jsm.streams.info(streams.events)).state.messages;

  beforeAll(async () => {
    env = await startTestBus();
    intake = createIntakeService({ bus: env.bus, logger: silentLogger(), config: intakeConfig });
    await intake.start();
    gateway = createGatewayService({
      bus: env.bus,
      logger: silentLogger(),
      config: {
        MGE_GATEWAY_PORT: 0,
        MGE_GATEWAY_HOST: '127.0.0.1',
        MGE_API_TOKEN: TOKEN,
        MGE_GATEWAY_SUBMIT_TIMEOUT_MS: 5_000,
      },
    });
    await gateway.start();
    base = gateway.url()!;
  });
  afterAll(async () => {
    await gateway.stop();
    await intake.stop();
    await env.stop();
  });

  it('refuses without the token or with a wrong one, leaves the health routes open, and records nothing', async () => {
    const before = await stored();
    const none = await fetch(`${base}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"request":"x"}',
    });
    const wrong = await post('{"request":"x"}', {
      authorization: 'Bearer nope',
      'content-type': 'application/json',
    });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await fetch(`${base}/runs`)).status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ ready: true, missing: [] });
    expect(await stored()).toBe(before);
  });

  it('answers bad bodies with 400 naming the field, 2 MB with 413, unknown runs and routes with 404, recording nothing', async () => {
    const before = await stored();
    const cases: [string, string][] = [
      ['{"mode":"v2"}', 'body.request'],
      ['{"request":"x","concurrency":"many"}', 'body.concurrency'],
      ['{"request":"x","colour":"blue"}', 'body.colour'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
      expect(answer.error.code).toBe('invalid');
      expect(answer.error.fields.map((f) => f.path)).toContain(field);
    }
    const malformed = await post('{not json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid' } });
    const big = await post(JSON.stringify({ request: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'too-large' } });
    const unknownRun = await fetch(`${base}/runs/r-01JDX0000000000000000000ZZ`, { headers: auth });
    expect(unknownRun.status).toBe(404);
    expect(await unknownRun.json()).toMatchObject({ error: { code: 'not-found' } });
    const badId = await fetch(`${base}/runs/not-a-run`, { headers: auth });
    expect(badId.status).toBe(400);
    const badCursor = await fetch(`${base}/runs?cursor=r-01JDX0000000000000000000ZZ`, { headers: auth });
    expect(await badCursor.json()).toMatchObject({ error: { fields: [{ path: 'query.cursor' }] } });
    const noRoute = await fetch(`${base}/no/such/route`, { headers: auth });
    expect(noRoute.status).toBe(404);
    expect(await noRoute.json()).toMatchObject({ error: { code: 'not-found' } });
    expect(await stored()).toBe(before);
  });

  it('gives the same run for the same Idempotency-Key, once', async () => {
    const headers = { ...json, 'idempotency-key': 'http-key-1' };
    const first = await post('{"request":"A library: books have a title"}', headers);
    const again = await post('{"request":"A library: books have a title"}', headers);
    expect([first.status, again.status]).toEqual([202, 202]);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as { runId: string; created: boolean }[];
    expect(b!.runId).toBe(a!.runId);
    expect([a!.created, b!.created]).toEqual([true, false]);
    expect(first.headers.get('location')).toBe(`/runs/${a!.runId}`);
    const { events } = await env.bus.store.readRun(a!.runId);
    expect(events.filter((e) => e.type === 'RunRequested')).toHaveLength(1);
    const conflict = await post('{"request":"Another request"}', headers);
    expect(conflict.status).toBe(409);
  });

  it('streams events as SSE, resumable with Last-Event-ID: nothing lost, nothing repeated', async () => {
    const res = await post('{"request":"A shop: products have a name"}');
    const { runId } = (await res.json()) as { runId: string };
    const read = async (
      lastEventId: string | undefined,
      stopAfter: number | undefined,
    ): Promise<StoredEvent[]> => {
      const controller = new AbortController();
      const response = await fetch(`${base}/runs/${runId}/events`, {
        headers: { ...auth, ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }) },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const got: StoredEvent[] = [];
      for await (const sse of readServerSentEvents(response.body!)) {
        const parsed = parseStructuredEvent(JSON.parse(sse.data));
        if (!parsed.ok) throw new Error(parsed.issues.join('; '));
        got.push(parsed.event);
        if (stopAfter !== undefined && got.length >= stopAfter) {
          break;
        }
      }
      controller.abort(); // the forced disconnect, once the reader has let go
      return got;
    };
    const view = await env.bus.views.load(runId);
    const failure = {
      stage: 'discovery' as const,
      code: 'test',
      message: 'stopped by the test',
      details: [],
    };
    const meta = {
      source: 'test',
      time: new Date().toISOString(),
      cause: { id: 'test', correlationId: runId },
    };
    await env.bus.store.append(stageFailure(view, failure, meta));
    const first = await read(undefined, 2);
    const rest = await read(String(first.at(-1)!.seq), undefined);
    const { events } = await env.bus.store.readRun(runId);
    expect([...first, ...rest].map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(rest.at(-1)!.type).toBe('RunCompleted');
    const progress = await fetch(`${base}/runs/${runId}/progress`, { headers: auth });
    const text = await progress.text(); // closed after the terminal snapshot
    expect(text).toContain('"status":"failed"');

    const frames: { kind: string; seq?: number }[] = [];
    const socket = new WebSocket(`${base.replace('http', 'ws')}/runs/${runId}/ws`, { headers: auth });
    socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as { kind: string }));
    const closing = await new Promise<number>((resolve) =>
      socket.on('close', (code: number) => resolve(code)),
    );
    expect(closing).toBe(1000);
    expect(frames.filter((f) => f.kind === 'event').map((f) => f.seq)).toEqual(events.map((e) => e.seq));
    expect(frames.filter((f) => f.kind === 'progress').length).toBeGreaterThan(0);
    const refused = new WebSocket(`${base.replace('http', 'ws')}/runs/${runId}/ws`);
    const status = await new Promise<number>((resolve) =>
      refused.on('unexpected-response', (_req: unknown, res: { statusCode: number }) =>
        resolve(res.statusCode),
      ),
    );
    expect(status).toBe(401);
  });

  it('reads and sets flags, checking the value against the flag, and records who set it', async () => {
    const flag = async () => (await fetch(`${base}/flags/v2.rollout`, { headers: auth })).json();
    expect(await flag()).toEqual({ name: 'v2.rollout', value: 100 });
    const bad = await fetch(`${base}/flags/v2.rollout`, {
      method: 'PUT',
      headers: json,
      body: '{"value":140}',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: [{ path: 'body.value' }] } });
    const unknown = await fetch(`${base}/flags/v3.enabled`, { headers: auth });
    expect(unknown.status).toBe(400);
    const set = await fetch(`${base}/flags/v2.rollout`, {
      method: 'PUT',
      headers: json,
      body: '{"value":40,"reason":"canary","by":"ops@example.com"}',
    });
    expect(await set.json()).toEqual({ name: 'v2.rollout', value: 40 });
    expect(await flag()).toEqual({ name: 'v2.rollout', value: 40 });
    const { events } = await env.bus.store.readRun('system');
    expect(events.at(-1)).toMatchObject({
      type: 'FlagChanged',
      data: { flag: 'v2.rollout', by: 'ops@example.com', reason: 'canary' },
    });
    await fetch(`${base}/flags/v2.rollout`, { method: 'PUT', headers: json, body: '{"value":100}' });
  });

  it('lists the review queue and answers 404 for an atom that is not in it', async () => {
    const listed = await fetch(`${base}/review?all=true`, { headers: auth });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ entries: [] });
    const missing = await fetch(`${base}/review/no-such-atom/approve`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(missing.status).toBe(404);
    const badAction = await fetch(`${base}/review/no-such-atom/bless`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(badAction.status).toBe(400);
    const rejectWithoutReason = await fetch(`${base}/review/some-atom/reject`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(await rejectWithoutReason.json()).toMatchObject({ error: { fields: [{ path: 'body.reason' }] } });
  });

  it('keeps CORS off unless origins are configured', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/runs`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
    expect((await preflight(base)).headers.get('access-control-allow-origin')).toBeNull();
    const open = createGatewayService({
      bus: env.bus,
      logger: silentLogger(),
      config: {
        MGE_GATEWAY_PORT: 0,
        MGE_GATEWAY_HOST: '127.0.0.1',
        MGE_CORS_ORIGINS: 'https://app.example',
        MGE_GATEWAY_SUBMIT_TIMEOUT_MS: 5_000,
      },
    });
    await open.start();
    try {
      expect((await preflight(open.url()!)).headers.get('access-control-allow-origin')).toBe(
        'https://app.example',
      );
    } finally {
      await open.stop();
    }
  });

  it('pages runs newest first', async () => {
    const page = async (query: string) =>
      (await (await fetch(`${base}/runs${query}`, { headers: auth })).json()) as {
        runs: { runId: string }[];
        next?: string;
      };
    for (const request of [
      'A zoo: animals have a name',
      'A farm: cows have a name',
      'A fleet: ships have a name',
    ])
      expect((await post(JSON.stringify({ request }))).status).toBe(202);
    const first = await page('?limit=2');
    expect(first.runs).toHaveLength(2);
    const second = await page(`?limit=2&cursor=${first.next!}`);
    const all = (await env.bus.store.listRuns()).reverse();
    expect([...first.runs, ...second.runs].map((r) => r.runId)).toEqual(all.slice(0, 4));
  });
});
