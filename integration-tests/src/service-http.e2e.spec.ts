import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import type { RunProgress, StoredEvent } from '@mge/contracts';
import { parseStructuredEvent } from '@mge/contracts';
import type { MgeClient } from '@mge/client';
import { httpClient, natsClient, readServerSentEvents } from '@mge/client';
import { connectNats, unpackTarGz } from '@mge/kit';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { runMge, serveMge } from './support/cli.js';
import { freePort, runIn, startGeneratedServer } from './support/generated-server.js';
import type { ServiceProcess } from './support/services.js';
import { startServiceProcess, stopAll } from './support/services.js';

const REQUEST = 'Create a REST API for user management';
const TOKEN = 'e2e-token-0123456789abcdef';

/** Reads one SSE response; `stopAfter` frames then cuts the connection (a forced disconnect). */
async function readSse(url: string, headers: Record<string, string>, stopAfter?: number) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const frames: { id: string; data: string }[] = [];
  for await (const sse of readServerSentEvents(response.body!)) {
    frames.push({ id: sse.id!, data: sse.data });
    if (stopAfter !== undefined && frames.length >= stopAfter) {
      break;
    }
  }
  controller.abort(); // the forced disconnect, once the reader has let go
  return frames;
}

describe('MGE as a service: a gateway process and a services process on one nats-server', () => {
  let nats: TestNatsServer;
  let dir: string;
  let base: string;
  let gateway: ServiceProcess;
  let services: { stop(): Promise<number | null> };
  let nc: NatsConnection;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const env = () => ({ NATS_URL: nats.url, MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work') });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-service-http-'));
    nats = await startTestNatsServer();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = startServiceProcess('gateway', {
      NATS_URL: nats.url,
      MGE_GATEWAY_PORT: String(port),
      MGE_API_TOKEN: TOKEN,
    });
    services = await serveMge(['--services', 'intake,discovery,planner,atomizer,executor,validator'], env());
    for (let i = 0; ; i++) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (i > 150) throw new Error(`the gateway did not start: ${gateway.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    nc = await connectNats(nats.url, 'e2e-client');
  });
  afterAll(async () => {
    await nc?.drain();
    await services?.stop();
    await stopAll(gateway === undefined ? [] : [gateway]);
    await nats?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('submits over HTTP, follows events through a forced disconnect and progress to the end, and runs the downloaded project', async () => {
    const submitted = await fetch(`${base}/runs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ request: REQUEST }),
    });
    expect(submitted.status).toBe(202);
    const { runId, links } = (await submitted.json()) as { runId: string; links: Record<string, string> };

    const progressing = readSse(`${base}${links['progress']}`, auth);
    const first = await readSse(`${base}${links['events']}`, auth, 5);
    const rest = await readSse(`${base}${links['events']}`, { ...auth, 'last-event-id': first.at(-1)!.id });
    const events: StoredEvent[] = [...first, ...rest].map((f) => {
      const parsed = parseStructuredEvent(JSON.parse(f.data));
      if (!parsed.ok) throw new Error(parsed.issues.join('; '));
      return parsed.event;
    });
    expect(events.at(-1)!.type).toBe('RunCompleted');
    const logged = await runMge(['events', runId, '--json'], env());
    const fromLog = logged.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(events.map((e) => e.id)).toEqual(fromLog.slice(0, events.length));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    const snapshots = (await progressing).map((f) => JSON.parse(f.data) as RunProgress);
    expect(snapshots.at(-1)).toMatchObject({ runId, status: 'succeeded', phase: 'done' });

    const artifact = await fetch(`${base}${links['artifact']}`, { headers: auth });
    expect(artifact.headers.get('content-type')).toBe('application/gzip');
    const project = join(dir, 'downloaded');
    const unpacked = await unpackTarGz(artifact.body!, project);
    expect(unpacked.sha256).toBe(artifact.headers.get('x-content-sha256'));
    const tests = await runIn(project, process.execPath, ['--test', 'dist']);
    expect({ code: tests.code, tail: tests.code === 0 ? '' : tests.output.slice(-2000) }).toEqual({
      code: 0,
      tail: '',
    });
    const server = await startGeneratedServer(project, '/users');
    try {
      const listed = await fetch(`${server.url}/users`);
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
      expect((await fetch(`${server.url}/users/nobody`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('gives one run for one idempotency key, over HTTP and then over the bus', async () => {
    const body = {
      request: 'A library: books have a title and an author',
      idempotencyKey: 'cross-transport-1',
    };
    const overHttp = await fetch(`${base}/runs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const a = (await overHttp.json()) as { runId: string };
    const event = {
      specversion: '1.0',
      id: 'cross-1',
      source: 'urn:e2e',
      type: 'mge.run.submit',
      data: body,
    };
    const b = JSON.parse(
      (await nc.request('mge.requests', JSON.stringify(event), { timeout: 10_000 })).string(),
    ) as {
      runId: string;
      created: boolean;
    };
    expect(b).toMatchObject({ runId: a.runId, created: false });
  });

  const clientE2e = async (client: MgeClient, label: string) => {
    const accepted = await client.submit(REQUEST, { mode: 'v2', user: `client-${label}` });
    const [events, snapshots, summary] = await Promise.all([
      (async () => {
        const got: StoredEvent[] = [];
        for await (const e of client.follow(accepted.runId)) got.push(e);
        return got;
      })(),
      (async () => {
        const got: RunProgress[] = [];
        for await (const p of client.progress(accepted.runId)) got.push(p);
        return got;
      })(),
      client.result(accepted.runId),
    ]);
    expect(events[0]!.type).toBe('RunRequested');
    expect(events.at(-1)!.type).toBe('RunCompleted');
    expect(snapshots.at(-1)).toMatchObject({ status: 'succeeded' });
    expect(summary).toMatchObject({ runId: accepted.runId, status: 'succeeded', mode: 'v2' });
    const out = join(dir, `client-${label}`);
    const written = await client.artifact(accepted.runId, out);
    expect(written.files).toBeGreaterThan(10);
    const tests = await runIn(out, process.execPath, ['--test', 'dist']);
    expect(tests.code).toBe(0);
    await expect(client.submit({ request: '' })).rejects.toMatchObject({ error: { code: 'invalid' } });
  };

  it('@mge/client over HTTP: submit, follow, progress, result, artifact', async () => {
    await clientE2e(httpClient({ url: base, token: TOKEN }), 'http');
  });

  it('@mge/client over NATS: the same interface', async () => {
    await clientE2e(natsClient(nc), 'nats');
  });
});
