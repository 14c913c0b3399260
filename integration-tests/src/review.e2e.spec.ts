import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@mge/contracts';
import { planTasks } from '@mge/contracts';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { atomizeTask, discover, generateAtom, planProject } from '@mge/provider-offline';
import { lastJsonLine, runMge } from './support/cli.js';
import { runIn } from './support/generated-server.js';

const REQUEST = 'Create a REST API for user management';

interface Entry {
  readonly runId: string;
  readonly atomId: string;
  readonly reason: 'failed' | 'low-confidence';
  readonly status: string;
  readonly confidence: {
    score: number;
    validation: number;
    retries: number;
    complexity: number;
    tests: number;
  };
}

interface Logged {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

describe('the review queue', () => {
  let nats: TestNatsServer;
  let dir: string;
  let env: Record<string, string>;
  let out: string;
  let failedRun: RunSummary;
  const doc = discover(REQUEST);
  const plan = planProject(doc);
  const target = planTasks(plan)
    .flatMap((t) => atomizeTask(doc, plan, t.id))
    .find((a) => a.symbol === 'isPlainObject')!;

  const queue = async (all = true): Promise<Entry[]> => {
    const listed = await runMge(['review', 'list', '--json', ...(all ? ['--all'] : [])], env);
    expect(listed.code).toBe(0);
    return listed.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Entry);
  };
  const eventsOf = async (runId: string): Promise<Logged[]> =>
    (await runMge(['events', runId, '--json'], env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Logged);
  const statusOf = async (atomId: string) => (await queue()).find((e) => e.atomId === atomId)?.status;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-review-'));
    nats = await startTestNatsServer();
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats.url };
    out = join(dir, 'project');
    const run = await runMge(
      [
        'run',
        REQUEST,
        '--provider',
        'simulated',
        '--fault-rate',
        '0',
        '--fail-atom',
        target.id,
        '--json',
        '--out',
        out,
      ],
      env,
    );
    expect(run.code).toBe(1);
    failedRun = lastJsonLine<RunSummary>(run.stdout);
  });
  afterAll(async () => {
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every failed atom and the least sure fifth of the run, each with its weighted confidence', async () => {
    const entries = await queue(false);
    expect(entries.every((e) => e.runId === failedRun.runId && e.status === 'pending')).toBe(true);
    expect(entries.filter((e) => e.reason === 'failed').map((e) => e.atomId)).toEqual([target.id]);
    expect(entries.filter((e) => e.reason === 'low-confidence')).toHaveLength(
      Math.floor(failedRun.atoms * 0.2),
    );
    for (const { confidence: c } of entries) {
      const weighted = 0.4 * c.validation + 0.3 * c.retries + 0.2 * c.complexity + 0.1 * c.tests;
      expect(c.score).toBeCloseTo(weighted, 3);
    }
    const failed = entries.find((e) => e.atomId === target.id)!;
    expect(failed.confidence).toMatchObject({ validation: 0, retries: 0 });
    const lowest = entries.filter((e) => e.reason === 'low-confidence').map((e) => e.confidence.score);
    expect(Math.max(...lowest)).toBeLessThanOrEqual(0.9);
  });

  it('approve and reject record who and why, and change the entry', async () => {
    const [first, second] = (await queue(false)).filter((e) => e.reason === 'low-confidence');
    const approved = await runMge(
      ['review', 'approve', first!.atomId, '--note', 'reads fine', '--by', 'ann'],
      env,
    );
    expect({ code: approved.code, stdout: approved.stdout }).toEqual({
      code: 0,
      stdout: expect.stringContaining('approved'),
    });
    const noReason = await runMge(['review', 'reject', second!.atomId], env);
    expect({ code: noReason.code, stderr: noReason.stderr }).toEqual({
      code: 2,
      stderr: expect.stringContaining('--reason'),
    });
    const rejected = await runMge(
      ['review', 'reject', second!.atomId, '--reason', 'too clever', '--by', 'bob'],
      env,
    );
    expect(rejected.code).toBe(0);
    expect(await statusOf(first!.atomId)).toBe('approved');
    expect(await statusOf(second!.atomId)).toBe('rejected');
    const types = (await eventsOf(failedRun.runId)).map((e) => [e.type, e.data['atomId'], e.data['by']]);
    expect(types).toContainEqual(['AtomApproved', first!.atomId, 'ann']);
    expect(types).toContainEqual(['AtomRejected', second!.atomId, 'bob']);
    const unknown = await runMge(['review', 'approve', 'no-such:atom'], env);
    expect({ code: unknown.code, stderr: unknown.stderr.trim() }).toEqual({
      code: 2,
      stderr: 'mge: no-such:atom is not in the review queue; see mge review list',
    });
  });

  it('edit: a hand-written attempt reopens the run, unblocks its dependents, and the project passes every level', async () => {
    const file = join(dir, 'fixed.ts');
    await writeFile(file, generateAtom(doc, target, { attempt: 1, temperature: 0, feedback: [] }).code);
    const edited = await runMge(['review', 'edit', target.id, '--file', file, '--out', out, '--json'], env);
    expect({ code: edited.code, stderr: edited.code === 0 ? '' : edited.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const summary = lastJsonLine<RunSummary>(edited.stdout);
    expect(summary).toMatchObject({
      runId: failedRun.runId,
      status: 'succeeded',
      precision: 1,
      failedAtoms: [],
      blockedAtoms: [],
    });
    const events = await eventsOf(failedRun.runId);
    const at = (type: string) =>
      events.findIndex((e) => e.type === type && (e.data['atomId'] ?? target.id) === target.id);
    expect(at('AtomEdited')).toBeGreaterThan(events.findIndex((e) => e.type === 'RunCompleted'));
    expect(events.filter((e) => e.type === 'RunCompleted')).toHaveLength(2);
    const l1 = events.filter((e) => e.type === 'AtomValidated' && e.data['atomId'] === target.id).at(-1)!;
    expect(l1.data).toMatchObject({ attempt: 5, passed: true });
    expect(await statusOf(target.id)).toBe('fixed');
    const ownTests = await runIn(out, process.execPath, ['--test', 'dist']);
    expect(ownTests.code).toBe(0);
    const replay = await runMge(['replay', failedRun.runId], env);
    expect({ code: replay.code, stderr: replay.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining('matches'),
    });
  });

  it('regenerate: the model writes a new attempt with the note fed back, re-validated in the same run', async () => {
    const rejected = (await queue()).find((e) => e.status === 'rejected')!;
    const run = await runMge(
      ['review', 'regenerate', rejected.atomId, '--note', 'make it simpler', '--json'],
      env,
    );
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(lastJsonLine<RunSummary>(run.stdout)).toMatchObject({
      runId: failedRun.runId,
      status: 'succeeded',
    });
    const events = await eventsOf(failedRun.runId);
    const dispatched = events
      .filter((e) => e.type === 'AtomDispatched' && e.data['atomId'] === rejected.atomId)
      .at(-1)!;
    expect(dispatched.data['attempt']).toBe(2);
    expect(String((dispatched.data['feedback'] as string[])[0])).toContain('make it simpler');
    expect(events.filter((e) => e.type === 'RunCompleted')).toHaveLength(3);
    expect(await statusOf(rejected.atomId)).toBe('fixed');
  });
});
