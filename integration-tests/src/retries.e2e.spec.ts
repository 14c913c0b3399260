import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MgeEvent, RunSummary, StoredEvent } from '@mge/contracts';
import { isEvent, planTasks } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { openBus, silentLogger } from '@mge/kit';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { atomizeTask, discover, planProject } from '@mge/provider-offline';
import { lastJsonLine, runMge } from './support/cli.js';
import { attemptVerdicts, duplicates, unexplainedRetries } from './support/outcomes.js';

const REQUEST = 'Create a REST API for user management';
const simulated = ['--provider', 'simulated', '--latency-ms', '2'];

describe('retries, failures and budgets with the simulated provider', () => {
  let nats: TestNatsServer;
  let bus: Bus;
  let dir: string;
  let env: Record<string, string>;
  const run = async (args: string[]) => {
    const result = await runMge(['run', REQUEST, '--out', join(dir, `out-${Math.random()}`), ...args], env);
    const runId = /mge run (r-\w+)/.exec(result.stderr)?.[1] ?? '';
    return { ...result, runId, events: (await bus.store.readRun(runId)).events };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-retries-'));
    nats = await startTestNatsServer();
    bus = await openBus(nats.url, 'retries-test', silentLogger());
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats.url };
  });
  afterAll(async () => {
    await bus.close();
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Fault rate 0.3, seed 11: the run both determinism tests are about. */
  const faultyRun = (concurrency: number) =>
    run([
      ...simulated,
      '--fault-rate',
      '0.3',
      '--seed',
      '11',
      '--concurrency',
      String(concurrency),
      '--json',
    ]);

  let faulty: { runId: string; events: StoredEvent[]; summary: RunSummary };

  it('at fault rate 0.3 succeeds through retries: temperatures follow the schedule, errors are fed back', async () => {
    const result = await faultyRun(32);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const summary = lastJsonLine<RunSummary>(result.stdout);
    faulty = { runId: result.runId, events: result.events, summary };
    expect(summary.status).toBe('succeeded');
    expect(summary.precision).toBeGreaterThanOrEqual(0.98);
    expect(summary.firstPassPrecision).toBeLessThan(0.95);
    expect(summary.retries).toBeGreaterThan(0);
    expect(summary.costBasis).toBe('simulated');
    expect(summary.costUsd).toBeGreaterThan(0);
    expect(
      Object.keys(summary.attemptsHistogram)
        .map(Number)
        .some((n) => n >= 2),
    ).toBe(true);

    const dispatches = result.events
      .filter((e) => isEvent(e, 'AtomDispatched'))
      .map((e) => e as MgeEvent<'AtomDispatched'>)
      .map((e) => e.data);
    const schedule = [0.7, 0.5, 0.3, 0.3];
    for (const d of dispatches) expect(d.temperature).toBe(schedule[d.attempt - 1]);
    const retries = dispatches.filter((d) => d.attempt >= 2);
    expect(retries.length).toBeGreaterThan(0);
    for (const r of retries) {
      expect(r.feedback.length).toBeGreaterThan(0);
      expect(r.feedback.length).toBeLessThanOrEqual(5);
      expect(r.repair).toBeDefined();
    }
    // Faults of every kind were caught at the level meant to catch them.
    expect(summary.failures.byLevel.l1).toBeGreaterThan(0);
    expect(summary.failures.byLevel.l2).toBeGreaterThan(0);
    expect(summary.failures.byClass.syntax).toBeGreaterThan(0);
    expect(summary.failures.byClass.type + summary.failures.byClass.import).toBeGreaterThan(0);
    expect(duplicates(result.events)).toEqual([]);
    expect(unexplainedRetries(result.events)).toEqual([]);
  });

  it('gives the same per-atom outcomes for the same seed at concurrency 1', async () => {
    const serial = await faultyRun(1);
    expect(serial.code).toBe(0);
    const summary = lastJsonLine<RunSummary>(serial.stdout);
    expect({ status: summary.status, failed: summary.failedAtoms }).toEqual({
      status: faulty.summary.status,
      failed: faulty.summary.failedAtoms,
    });
    // Every attempt both runs made got the same verdict: faults never depend on scheduling order.
    // (Which attempts a run makes can differ when L3 blames a group of atoms at another moment.)
    const serialVerdicts = attemptVerdicts(serial.events);
    const parallelVerdicts = attemptVerdicts(faulty.events);
    const common = [...serialVerdicts.keys()].filter((key) => parallelVerdicts.has(key));
    expect(common.length).toBeGreaterThan(summary.atoms);
    expect(common.filter((key) => serialVerdicts.get(key) !== parallelVerdicts.get(key))).toEqual([]);
  });

  it('replays a run with retries to the same summary', async () => {
    const replay = await runMge(['replay', faulty.runId, '--json'], env);
    expect({ code: replay.code, stderr: replay.stderr }).toMatchObject({ code: 0 });
    // the log records no folder: outDir is where `mge run` unpacked the project
    expect(lastJsonLine<RunSummary>(replay.stdout)).toEqual({ ...faulty.summary, outDir: '' });
  });

  it('fails the run when an atom fails all 4 attempts, with its dependents blocked and a readable report', async () => {
    const doc = discover(REQUEST);
    const plan = planProject(doc);
    const atoms = planTasks(plan).flatMap((t) => atomizeTask(doc, plan, t.id));
    const target = atoms.find((a) => a.symbol === 'isPlainObject')!;
    const result = await run([...simulated, '--fault-rate', '0', '--fail-atom', target.id]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`failed +${target.id} after 4 attempts \\(needs review\\): `));
    expect(result.stdout).toMatch(/blocked \d+: /);
    const completed = result.events.find((e) => isEvent(e, 'RunCompleted'))! as MgeEvent<'RunCompleted'>;
    const summary = completed.data.summary;
    expect(summary.status).toBe('failed');
    expect(summary.failedAtoms).toHaveLength(1);
    expect(summary.failedAtoms[0]).toMatchObject({ atomId: target.id, attempts: 4 });
    expect(summary.failedAtoms[0]!.blocked.length).toBeGreaterThan(0);
    expect([...summary.blockedAtoms].sort()).toEqual([...summary.failedAtoms[0]!.blocked].sort());
    expect(summary.failure).toMatchObject({ stage: 'executor' });
    const temperatures = result.events
      .filter((e) => isEvent(e, 'AtomDispatched') && e.subject === target.id)
      .map((e) => e as MgeEvent<'AtomDispatched'>)
      .map((e) => e.data.temperature);
    expect(temperatures).toEqual([0.7, 0.5, 0.3, 0.3]);
    // Nothing blocked was dispatched once the atom failed.
    const blocked = new Set(summary.blockedAtoms);
    const failedAt = result.events.findIndex((e) => e.type === 'AtomFailed');
    const after = result.events.slice(failedAt);
    expect(after.some((e) => e.type === 'AtomDispatched' && blocked.has(e.subject))).toBe(false);
  });

  it('stops dispatching when the budget cannot cover the next attempt, never spending past it', async () => {
    const result = await run([...simulated, '--fault-rate', '0', '--budget-usd', '0.5', '--json']);
    expect(result.code).toBe(1);
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary.failure?.reason).toMatch(/^budget: /);
    expect(summary.costUsd).toBeLessThanOrEqual(0.5);
    expect(summary.costUsd).toBeGreaterThan(0.3);
    expect(summary.budgetUsd).toBe(0.5);
    const generated = result.events.filter((e) => e.type === 'AtomGenerated').length;
    expect(generated).toBeLessThan(summary.atoms);
  });
});
