import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RolloutRolledBack, RunSummary } from '@mge/contracts';
import { planTasks } from '@mge/contracts';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { atomizeTask, discover, planProject } from '@mge/provider-offline';
import { lastJsonLine, runMge } from './support/cli.js';

const REQUEST = 'Create a REST API for user management';

interface FlagsOut {
  readonly flags: { 'v2.enabled': boolean; 'v2.rollout': number };
  readonly lastRollback?: RolloutRolledBack;
  readonly changes: { type: string; by?: string }[];
}

describe('feature flags, rollout and automatic rollback', () => {
  let nats: TestNatsServer;
  let dir: string;
  let env: Record<string, string>;
  const flagsNow = async (): Promise<FlagsOut> => {
    const got = await runMge(['flags', 'get', '--json'], env);
    expect(got.code).toBe(0);
    return lastJsonLine<FlagsOut>(got.stdout);
  };
  // Two pairs of runs, fast: the simulated provider without faults unless `extra` adds some.
  const comparePairs = (extra: string[]) =>
    runMge(
      [
        'compare',
        REQUEST,
        '--runs',
        '2',
        '--provider',
        'simulated',
        '--fault-rate',
        '0',
        '--latency-ms',
        '5',
        '--json',
        '--out',
        join(dir, `out-${Date.now()}`),
        ...extra,
      ],
      env,
      600_000,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-rollout-'));
    nats = await startTestNatsServer();
    env = {
      MGE_HOME: join(dir, 'home'),
      MGE_WORK_DIR: join(dir, 'work'),
      NATS_URL: nats.url,
      MGE_ROLLOUT_MIN_RUNS: '2',
    };
  });
  afterAll(async () => {
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('sets flags with a reason, records each change, and refuses bad values naming the flag', async () => {
    expect((await flagsNow()).flags).toEqual({ 'v2.enabled': true, 'v2.rollout': 100 });
    const set = await runMge(
      ['flags', 'set', 'v2.rollout', '25', '--reason', 'start the rollout', '--by', 'ops'],
      env,
    );
    expect({ code: set.code, stdout: set.stdout }).toEqual({
      code: 0,
      stdout: expect.stringContaining('v2.rollout: 100 → 25'),
    });
    const bad = await runMge(['flags', 'set', 'v2.rollout', '140', '--reason', 'typo'], env);
    expect({ code: bad.code, stderr: bad.stderr.trim() }).toEqual({
      code: 2,
      stderr: 'mge: v2.rollout: must be between 0 and 100',
    });
    const unknown = await runMge(['flags', 'set', 'v3.rollout', '1', '--reason', 'x'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('flag: choose v2.enabled or v2.rollout');
    const now = await flagsNow();
    expect(now.flags['v2.rollout']).toBe(25);
    expect(now.changes.at(-1)).toMatchObject({
      type: 'FlagChanged',
      flag: 'v2.rollout',
      value: 25,
      previous: 100,
      by: 'ops',
      reason: 'start the rollout',
    });
  });

  it('assigns by the key: the same user always lands on the same side; MGE_V2_ENABLED=false wins over --mode', async () => {
    const modeOf = async (args: string[], extraEnv: Record<string, string> = {}) => {
      const run = await runMge(['run', REQUEST, '--json', '--out', join(dir, `run-${Date.now()}`), ...args], {
        ...env,
        ...extraEnv,
      });
      expect(run.code).toBe(0);
      return { mode: lastJsonLine<RunSummary>(run.stdout).mode, stderr: run.stderr };
    };
    const first = await modeOf(['--user', 'alice']);
    expect((await modeOf(['--user', 'alice'])).mode).toBe(first.mode);
    const forced = await modeOf(['--mode', 'v2'], { MGE_V2_ENABLED: 'false' });
    expect(forced.mode).toBe('v1');
    expect(forced.stderr).toContain('V2 is switched off (MGE_V2_ENABLED=false): V1 serves this request');
  });

  it('keeps V2 while it does as well as V1, and rolls it back to 0% with the evidence once it does worse', async () => {
    await runMge(['flags', 'set', 'v2.rollout', '50', '--reason', 'halfway'], env);
    const healthy = await comparePairs([]);
    expect(healthy.code).toBe(0);
    expect(healthy.stderr).not.toContain('rolled back');
    expect((await flagsNow()).flags['v2.rollout']).toBe(50);
    expect((await flagsNow()).lastRollback).toBeUndefined();

    // Made worse for V2 only: an atom that fails every attempt (V1 writes whole files, which it does not name).
    const doc = discover(REQUEST);
    const plan = planProject(doc);
    const atom = planTasks(plan)
      .flatMap((t) => atomizeTask(doc, plan, t.id))
      .find((a) => a.symbol === 'isPlainObject')!;
    const degraded = await comparePairs(['--fail-atom', atom.id]);
    expect(degraded.code).toBe(0);
    expect(degraded.stderr).toMatch(
      /warning: V2 rolled back from 50% to 0%: V2 succeeded \d+% \(\d+\/\d+\), V1 100% \(\d+\/\d+\)/,
    );
    const after = await flagsNow();
    expect(after.flags['v2.rollout']).toBe(0);
    const evidence = after.lastRollback!.evidence;
    expect(after.lastRollback).toMatchObject({ fromPercent: 50 });
    expect(evidence.rule).toBe('gap');
    expect(evidence.v1.successRate - evidence.v2.successRate).toBeGreaterThan(evidence.maxGap);
    // the rollback is recorded, then the flag set by the monitor
    expect(after.changes.slice(-2)).toMatchObject([
      { type: 'RolloutRolledBack', fromPercent: 50 },
      { type: 'FlagChanged', flag: 'v2.rollout', value: 0, previous: 50, by: 'mge/rollout-monitor' },
    ]);
  });
});
