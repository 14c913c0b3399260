import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@mge/contracts';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { lastJsonLine, runMge } from './support/cli.js';

interface Figures {
  readonly runs: number;
  readonly successRate: number;
  readonly precision: { mean: number; ci95: [number, number] };
  readonly durationMs: { mean: number; p50: number; p95: number };
  readonly costUsd: { mean: number };
}

interface Comparison {
  readonly simulated: boolean;
  readonly pairs: { correlationId: string; seed: number; v1: string; v2: string }[];
  readonly v1: Figures;
  readonly v2: Figures;
  readonly ratios: { precision: number; durationMs: number };
}

describe('mge compare', () => {
  let nats: TestNatsServer;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-compare-'));
    nats = await startTestNatsServer();
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats.url };
  });
  afterAll(async () => {
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows V2 with higher precision and lower duration than V1 over 5 simulated pairs, from the runs’ events', async () => {
    const args = ['compare', 'Create a REST API for user management', '--runs', '5'];
    const flags = ['--provider', 'simulated', '--fault-rate', '0.2', '--out', join(dir, 'out')];
    const run = await runMge([...args, ...flags, '--json'], env, 900_000);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const comparison = lastJsonLine<Comparison>(run.stdout);
    expect(comparison.simulated).toBe(true);
    expect(comparison.pairs).toHaveLength(5);
    expect(new Set(comparison.pairs.map((p) => p.seed)).size).toBe(5);
    expect(comparison.v2.precision.mean).toBeGreaterThan(comparison.v1.precision.mean);
    expect(comparison.v2.durationMs.mean).toBeLessThan(comparison.v1.durationMs.mean);
    expect(comparison.ratios.precision).toBeGreaterThan(1);
    expect(comparison.ratios.durationMs).toBeLessThan(1);

    // Every figure is the mean of what the runs' RunCompleted events say.
    const recorded = async (runId: string): Promise<RunSummary> => {
      const events = await runMge(['events', runId, '--json'], env);
      const completed = events.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; correlationid: string; data: { summary: RunSummary } })
        .filter((e) => e.type === 'RunCompleted');
      expect(completed).toHaveLength(1);
      return completed[0]!.data.summary;
    };
    for (const pipeline of ['v1', 'v2'] as const) {
      const summaries = await Promise.all(comparison.pairs.map((p) => recorded(p[pipeline])));
      expect(summaries.every((s) => s.mode === pipeline)).toBe(true);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(comparison[pipeline].precision.mean).toBeCloseTo(mean(summaries.map((s) => s.precision)), 10);
      expect(comparison[pipeline].durationMs.mean).toBeCloseTo(mean(summaries.map((s) => s.durationMs)), 6);
      expect(comparison[pipeline].successRate).toBe(
        summaries.filter((s) => s.status === 'succeeded').length / summaries.length,
      );
    }
  });
});
