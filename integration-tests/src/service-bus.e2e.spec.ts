import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import type { RunProgress, StoredEvent } from '@mge/contracts';
import { streams } from '@mge/contracts';
import type { Bus, FlagStore } from '@mge/kit';
import { openBus, openFlagStore, silentLogger } from '@mge/kit';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer, waitForEvent } from '@mge/kit/testing';
import type { ServiceProcess } from './support/services.js';
import { startServiceProcess, stopAll } from './support/services.js';

const REQUEST = 'Create a REST API for user management';
const PIPELINE = ['intake', 'discovery', 'planner', 'atomizer', 'executor', 'validator'];
const change = { by: 'e2e', reason: 'test', time: new Date().toISOString() };

/** NATS credentials from a URL, as a client of MGE would be given them. */
const plainOptions = (url: string) => {
  const u = new URL(url.replace(/^nats:/, 'http:'));
  return {
    servers: `${u.hostname}:${u.port}`,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
  };
};

describe('MGE served by separate processes, asked by a plain NATS client', () => {
  let nats: TestNatsServer;
  let bus: Bus;
  let flags: FlagStore;
  let client: NatsConnection;
  let dir: string;
  let processes: ServiceProcess[] = [];

  /** What a few lines of @nats-io/transport-node do: a structured CloudEvent to mge.requests, the reply back. */
  const submit = async (data: Record<string, unknown>) => {
    const event = {
      specversion: '1.0',
      id: `${Date.now()}-${Math.random()}`,
      source: 'urn:e2e',
      type: 'mge.run.submit',
      data,
    };
    const reply = await client.request('mge.requests', JSON.stringify(event), { timeout: 15_000 });
    return JSON.parse(reply.string()) as { runId: string; mode: string; assignment: { reason: string } };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-service-bus-'));
    nats = await startTestNatsServer();
    bus = await openBus(nats.url, 'e2e-observer', silentLogger());
    flags = await openFlagStore(bus);
    const env = { NATS_URL: nats.url, MGE_WORK_DIR: join(dir, 'work') };
    processes = PIPELINE.map((s) => startServiceProcess(s, env));
    client = await connect(plainOptions(nats.url));
    // The intake answers once its process is up.
    for (let i = 0; ; i++) {
      const ready = await client.request('mge.requests', '{}', { timeout: 1_000 }).then(
        () => true,
        () => false,
      );
      if (ready) break;
      if (i > 100)
        throw new Error(`the intake did not start:\n${processes.map((p) => p.output()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    await client?.close();
    await stopAll(processes);
    await bus?.close();
    await nats?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs a submission to completion and publishes its progress, the last snapshot kept', async () => {
    const seen: RunProgress[] = [];
    const accepted = await submit({ request: REQUEST });
    expect(accepted).toMatchObject({ mode: 'v2', assignment: { reason: 'rollout' } });
    const live = client.subscribe(`mge.progress.${accepted.runId}`);
    const watching = (async () => {
      for await (const m of live) {
        const p = JSON.parse(m.string()) as RunProgress;
        seen.push(p);
        if (p.status !== 'running') break;
      }
    })();
    const completed = await waitForEvent(bus.store, accepted.runId, 'RunCompleted', () => true, 240_000);
    expect(completed.data.summary).toMatchObject({ status: 'succeeded', mode: 'v2', precision: 1 });
    await watching;
    expect(seen.at(-1)).toMatchObject({ status: 'succeeded', phase: 'done' });
    expect(seen.at(-1)!.atoms.passed).toBe(completed.data.summary.atoms);
    const seqs = seen.map((p) => p.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const jsm = await jetstreamManager(client);
    const kept = await jsm.streams.getMessage(streams.progress, {
      last_by_subj: `mge.progress.${accepted.runId}`,
    });
    expect(JSON.parse(kept!.string())).toMatchObject({ runId: accepted.runId, status: 'succeeded' });
  });

  it('runs V1 when v2.enabled is false in KV, though the submission asked for nothing', async () => {
    await flags.set('v2.enabled', false, change);
    try {
      const accepted = await submit({ request: REQUEST });
      expect(accepted).toMatchObject({ mode: 'v1', assignment: { reason: 'v2-disabled' } });
      const completed = await waitForEvent(bus.store, accepted.runId, 'RunCompleted', () => true, 240_000);
      expect(completed.data.summary).toMatchObject({ status: 'succeeded', mode: 'v1' });
    } finally {
      await flags.set('v2.enabled', true, change);
    }
  });

  it('lands a keyed submission on V1 at rollout 0 % and on V2 at 100 %', async () => {
    await flags.set('v2.rollout', 0, change);
    const zero = await submit({ request: REQUEST, user: 'tenant-7' });
    await flags.set('v2.rollout', 100, change);
    const full = await submit({ request: REQUEST, user: 'tenant-7' });
    expect([zero.mode, full.mode]).toEqual(['v1', 'v2']);
    const modes = await Promise.all(
      [zero, full].map(async (a) => (await waitForEvent(bus.store, a.runId, 'RunRequested')).data.mode),
    );
    expect(modes).toEqual(['v1', 'v2']);
    const events: StoredEvent[] = (await bus.store.readRun(zero.runId)).events;
    expect(events[0]?.data).toMatchObject({ assignment: { key: 'tenant-7', rolloutPercent: 0 } });
  });
});
