import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscoveryDocument, RunSummary } from '@mge/contracts';
import { collectionName } from '@mge/contracts';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { evaluateDiscovery, loadCorpus, type CorpusEntry } from '@mge/provider-offline';
import { lastJsonLine, runMge } from './support/cli.js';
import { crudRoundTrip } from './support/crud.js';
import { startGeneratedServer } from './support/generated-server.js';

// Requests of the labelled corpus chosen for hard phrasing: a markdown table under a heading, a terse
// list of entities with their fields in parentheses and where each belongs, and a many-to-many
// relation said both ways round.
const IDS = ['a-vet-table', 'a-parking-terse', 'a-livestock-parens'] as const;

describe('backends from labelled corpus requests', () => {
  let nats: TestNatsServer;
  let dir: string;
  let env: Record<string, string>;
  let entries: Map<string, CorpusEntry>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-corpus-'));
    nats = await startTestNatsServer();
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats.url };
    entries = new Map((await loadCorpus()).map((e) => [e.id, e]));
  });
  afterAll(async () => {
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(IDS)('%s: read as labelled, built, and a full CRUD round trip passes', async (id) => {
    const entry = entries.get(id)!;
    const out = join(dir, id);
    const run = await runMge(['run', entry.request, '--json', '--out', out], env);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const summary = lastJsonLine<RunSummary>(run.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', precision: 1 });
    expect(summary.tests.failed).toBe(0);

    const events = await runMge(['events', summary.runId, '--json'], env);
    const discovered = events.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; data: { document?: DiscoveryDocument } })
      .find((e) => e.type === 'DiscoveryCompleted')!.data.document!;
    const score = evaluateDiscovery([entry], () => discovered).metrics;
    expect({ entities: score.entities.f1, relations: score.relations.f1, unique: score.unique.f1 }).toEqual({
      entities: 1,
      relations: 1,
      unique: 1,
    });

    const server = await startGeneratedServer(out, `/${collectionName(discovered.entities[0]!.name)}`);
    try {
      const refusedDeletes = await crudRoundTrip(server.url, discovered);
      expect(refusedDeletes).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
    if (entry.relations.some((r) => r.kind === 'many-to-many')) {
      const joins = discovered.entities.filter(
        (e) => e.fields.filter((f) => f.type === 'reference').length >= 2,
      );
      expect(joins.length).toBeGreaterThan(0);
    }
  });
});
