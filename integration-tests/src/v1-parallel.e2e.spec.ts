import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscoveryDocument, ParallelSummary, RunSummary } from '@mge/contracts';
import { collectionName } from '@mge/contracts';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { lastJsonLine, runMge } from './support/cli.js';
import { crudRoundTrip } from './support/crud.js';
import { runIn, startGeneratedServer } from './support/generated-server.js';

const REQUEST = 'Create a REST API for user management';

interface LoggedEvent {
  readonly type: string;
  readonly correlationid: string;
  readonly data: Record<string, unknown>;
}

describe('V1 and parallel mode', () => {
  let nats: TestNatsServer;
  let dir: string;
  let env: Record<string, string>;

  const eventsOf = async (runId: string): Promise<LoggedEvent[]> => {
    const listed = await runMge(['events', runId, '--json'], env);
    expect(listed.code).toBe(0);
    return listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LoggedEvent);
  };

  /** The project in `out` passes its own tests and answers a CRUD round trip. */
  const expectWorkingProject = async (out: string, document: DiscoveryDocument) => {
    const ownTests = await runIn(out, process.execPath, ['--test', 'dist']);
    expect({ code: ownTests.code, output: ownTests.code === 0 ? '' : ownTests.output }).toEqual({
      code: 0,
      output: '',
    });
    const server = await startGeneratedServer(out, `/${collectionName(document.entities[0]!.name)}`);
    try {
      await crudRoundTrip(server.url, document);
    } finally {
      await server.stop();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-v1-'));
    nats = await startTestNatsServer();
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats.url };
  });
  afterAll(async () => {
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('V1 alone writes a working project offline: one file per call, in sequence, checked once at the end', async () => {
    const out = join(dir, 'v1');
    const run = await runMge(['run', REQUEST, '--mode', 'v1', '--json', '--out', out], env);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const summary = lastJsonLine<RunSummary>(run.stdout);
    expect(summary).toMatchObject({
      mode: 'v1',
      status: 'succeeded',
      outDir: out,
      atoms: 0,
      precision: 1,
      retries: 0,
    });
    expect(summary.tests).toMatchObject({ failed: 0 });
    expect(summary.tests.passed).toBeGreaterThan(10);

    const events = await eventsOf(summary.runId);
    const types = events.map((e) => e.type);
    expect(types).not.toContain('AtomGraphBuilt');
    expect(types.filter((t) => t === 'FileGenerated')).toHaveLength(summary.tasks);
    expect(types.filter((t) => t === 'ProjectValidated')).toHaveLength(1);
    const order = (events.find((e) => e.type === 'TaskListCreated')!.data['tasks'] as { id: string }[]).map(
      (t) => t.id,
    );
    const written = events.filter((e) => e.type === 'FileGenerated').map((e) => e.data['taskId']);
    expect(written).toEqual(order);
    const document = events.find((e) => e.type === 'DiscoveryCompleted')!.data[
      'document'
    ] as DiscoveryDocument;
    await expectWorkingProject(out, document);

    const replay = await runMge(['replay', summary.runId], env);
    expect({ code: replay.code, stderr: replay.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining('matches the recorded one'),
    });
  });

  it('parallel mode runs both pipelines on one DiscoveryDocument under one correlation id; both projects work', async () => {
    const out = join(dir, 'pair');
    const run = await runMge(['run', REQUEST, '--mode', 'parallel', '--json', '--out', out], env);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const pair = lastJsonLine<ParallelSummary>(run.stdout);
    expect(pair).toMatchObject({ mode: 'parallel', serving: 'v2', status: 'succeeded', outDir: out });
    expect(pair.v2).toMatchObject({
      mode: 'v2',
      status: 'succeeded',
      outDir: join(out, 'v2'),
      runId: pair.runId,
    });
    expect(pair.v1).toMatchObject({ mode: 'v1', status: 'succeeded', outDir: join(out, 'v1') });

    const [v1Events, v2Events] = await Promise.all([eventsOf(pair.v1.runId), eventsOf(pair.v2.runId)]);
    for (const event of [...v1Events, ...v2Events]) expect(event.correlationid).toBe(pair.correlationId);
    const documentOf = (events: LoggedEvent[]) => events.find((e) => e.type === 'DiscoveryCompleted')!.data;
    expect(documentOf(v1Events)).toMatchObject({
      source: 'twin',
      document: documentOf(v2Events)['document'],
    });
    const requestOf = (events: LoggedEvent[]) => events.find((e) => e.type === 'RunRequested')!.data;
    expect(requestOf(v1Events)['pairing']).toEqual({
      role: 'shadow',
      twin: pair.v2.runId,
      correlationId: pair.correlationId,
    });
    expect(requestOf(v2Events)['pairing']).toEqual({
      role: 'serving',
      twin: pair.v1.runId,
      correlationId: pair.correlationId,
    });

    const document = documentOf(v2Events)['document'] as DiscoveryDocument;
    await expectWorkingProject(join(out, 'v1'), document);
    await expectWorkingProject(join(out, 'v2'), document);
  });
});
