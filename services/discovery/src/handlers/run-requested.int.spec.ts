import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DiscoveryDocument } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Service } from '@mge/kit';
import { silentLogger } from '@mge/kit';
import { startTestBus, testDocument, testRunId, waitForEvent } from '@mge/kit/testing';
import { createDiscoveryService } from '../service.js';

const requested = (runId: string, request: string, spec?: DiscoveryDocument) =>
  createMessage(
    'RunRequested',
    {
      runId,
      request,
      ...(spec === undefined ? {} : { spec }),
      mode: 'v2',
      provider: 'offline',
      concurrency: 4,
      temperatures: [0.7],
      outDir: '/tmp/o',
    },
    { source: 'test', time: new Date().toISOString(), key: [] },
  );

describe('discovery service on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let service: Service;

  beforeAll(async () => {
    env = await startTestBus();
    service = createDiscoveryService({ bus: env.bus, logger: silentLogger() });
    await service.start();
  });
  afterAll(async () => {
    await service.stop();
    await env.stop();
  });

  it('reads a request into a DiscoveryDocument', async () => {
    const runId = testRunId();
    await env.bus.store.append([requested(runId, 'A library: books have a title and a price')]);
    const done = await waitForEvent(env.bus.store, runId, 'DiscoveryCompleted');
    expect(done.data.source).toBe('request');
    expect(done.data.document.entities.map((e) => e.name)).toContain('Book');
    expect(done.correlationId).toBe(runId);
  });

  it('uses a given spec as it is', async () => {
    const runId = testRunId();
    const spec = testDocument([
      {
        name: 'Pet',
        description: '',
        fields: [{ name: 'name', type: 'string', required: true, description: '' }],
      },
    ]);
    await env.bus.store.append([requested(runId, '', spec)]);
    const done = await waitForEvent(env.bus.store, runId, 'DiscoveryCompleted');
    expect(done.data).toMatchObject({ source: 'spec', document: spec });
  });

  it('stops a strict run whose document has open questions before planning, naming them', async () => {
    const runId = testRunId();
    await env.bus.store.append([
      createMessage(
        'RunRequested',
        { ...requested(runId, 'Create a REST API for user management').data, strict: true },
        { source: 'test', time: new Date().toISOString(), key: [] },
      ),
    ]);
    const completed = await waitForEvent(env.bus.store, runId, 'RunCompleted');
    const { events } = await env.bus.store.readRun(runId);
    const failed = events.find((e) => e.type === 'StageFailed');
    expect(failed?.data).toMatchObject({ stage: 'discovery', code: 'unsure' });
    const document = events.find((e) => e.type === 'DiscoveryCompleted');
    expect(document).toBeDefined();
    const questions = (failed?.data as { details: string[] }).details;
    expect(questions.length).toBeGreaterThan(0);
    expect(completed.data.summary).toMatchObject({ status: 'failed', openQuestions: questions });
  });
});
