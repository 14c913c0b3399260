import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscoveryDocument, RunSummary } from '@mge/contracts';
import { collectionName } from '@mge/contracts';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { lastJsonLine, runMge, startMge } from './support/cli.js';
import { crudRoundTrip } from './support/crud.js';
import { runIn, startGeneratedServer } from './support/generated-server.js';

const cases = [
  { name: 'user management', request: 'Create a REST API for user management', embedded: true },
  {
    name: 'task tracker',
    request:
      'A task tracker: projects have a name and a deadline; tasks have a title, a priority (number) and a done flag, and belong to a project.',
    embedded: false,
  },
];

describe.each(cases)('mge run "$name"', ({ request, embedded }) => {
  let nats: TestNatsServer | undefined;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-e2e-'));
    nats = embedded ? undefined : await startTestNatsServer();
    // Embedded: no NATS_URL, so the CLI starts (and stops) its own nats-server under MGE_HOME.
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats?.url ?? '' };
  });
  afterAll(async () => {
    await nats?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('builds a project that passes its own tests and a CRUD round trip, and replays to the same summary', async () => {
    const out = join(dir, 'project');
    const started = startMge(['run', request, '--json', '--out', out], env);
    const runId = (await started.firstLine).replace('mge run ', '');
    // A second CLI process on the same MGE_HOME reads the run while it is going.
    const during = await runMge(['events', runId], env);
    expect({ code: during.code, stderr: during.stderr }).toEqual({ code: 0, stderr: '' });
    expect(during.stdout).toContain('RunRequested');
    const run = await started.done;
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const summary = lastJsonLine<RunSummary>(run.stdout);
    expect(summary.runId).toBe(runId);
    expect(summary).toMatchObject({ status: 'succeeded', outDir: out, precision: 1, firstPassPrecision: 1 });
    expect(summary.atoms).toBeGreaterThan(20);
    expect(summary.waves).toBeGreaterThan(2);
    expect(summary.tests.failed).toBe(0);
    expect(summary.tests.passed).toBeGreaterThan(10);

    const ownTests = await runIn(out, process.execPath, ['--test', 'dist']);
    expect({ code: ownTests.code, output: ownTests.code === 0 ? '' : ownTests.output }).toEqual({
      code: 0,
      output: '',
    });

    const events = await runMge(['events', summary.runId, '--json'], env);
    expect(events.code).toBe(0);
    const lines = events.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; data: unknown });
    expect(lines[0]?.type).toBe('RunRequested');
    expect(lines[lines.length - 1]?.type).toBe('RunCompleted');
    const doc = (lines.find((l) => l.type === 'DiscoveryCompleted')!.data as { document: DiscoveryDocument })
      .document;

    const server = await startGeneratedServer(out, `/${collectionName(doc.entities[0]!.name)}`);
    try {
      await crudRoundTrip(server.url, doc);
    } finally {
      await server.stop();
    }

    const replay = await runMge(['replay', summary.runId], env);
    expect({ code: replay.code, stderr: replay.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining('matches the recorded one'),
    });
  });
});
