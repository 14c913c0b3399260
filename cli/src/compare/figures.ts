import type { ParallelSummary, RunSummary } from '@mge/contracts';
import { meanWithInterval, mean, percentile, ratioOf } from './stats.js';

/** One pipeline's figures over the compared runs. */
export interface PipelineFigures {
  readonly runs: number;
  readonly succeeded: number;
  readonly successRate: number;
  readonly precision: { mean: number; ci95: [number, number] };
  readonly firstPassPrecision: { mean: number; ci95: [number, number] };
  readonly durationMs: { mean: number; p50: number; p95: number };
  readonly attempts: { mean: number };
  readonly tokens: { mean: number; total: number };
  readonly costUsd: { mean: number; total: number };
}

/** V2 ÷ V1 of each figure's mean (null where V1's is 0). */
export interface Ratios {
  readonly successRate: number | null;
  readonly precision: number | null;
  readonly firstPassPrecision: number | null;
  readonly durationMs: number | null;
  readonly tokens: number | null;
  readonly costUsd: number | null;
}

export function pipelineFigures(summaries: readonly RunSummary[]): PipelineFigures {
  const durations = summaries.map((s) => s.durationMs);
  const tokens = summaries.map((s) => s.tokens.total);
  const costs = summaries.map((s) => s.costUsd);
  const succeeded = summaries.filter((s) => s.status === 'succeeded').length;
  return {
    runs: summaries.length,
    succeeded,
    successRate: summaries.length === 0 ? 0 : succeeded / summaries.length,
    precision: meanWithInterval(summaries.map((s) => s.precision)),
    firstPassPrecision: meanWithInterval(summaries.map((s) => s.firstPassPrecision)),
    durationMs: { mean: mean(durations), p50: percentile(durations, 50), p95: percentile(durations, 95) },
    attempts: { mean: mean(summaries.map((s) => s.attempts)) },
    tokens: { mean: mean(tokens), total: tokens.reduce((a, b) => a + b, 0) },
    costUsd: { mean: mean(costs), total: costs.reduce((a, b) => a + b, 0) },
  };
}

export function ratiosOf(v1: PipelineFigures, v2: PipelineFigures): Ratios {
  return {
    successRate: ratioOf(v2.successRate, v1.successRate),
    precision: ratioOf(v2.precision.mean, v1.precision.mean),
    firstPassPrecision: ratioOf(v2.firstPassPrecision.mean, v1.firstPassPrecision.mean),
    durationMs: ratioOf(v2.durationMs.mean, v1.durationMs.mean),
    tokens: ratioOf(v2.tokens.mean, v1.tokens.mean),
    costUsd: ratioOf(v2.costUsd.mean, v1.costUsd.mean),
  };
}

/** What `mge compare --json` prints. */
export interface Comparison {
  readonly request: string;
  readonly provider: string;
  /** `simulated` figures come from the simulated provider's model, not from a real one. */
  readonly costBasis: RunSummary['costBasis'];
  readonly simulated: boolean;
  readonly pairs: readonly { correlationId: string; seed: number | undefined; v1: string; v2: string }[];
  readonly v1: PipelineFigures;
  readonly v2: PipelineFigures;
  readonly ratios: Ratios;
}

export function compareFigures(
  request: string,
  pairs: readonly { readonly summary: ParallelSummary; readonly seed: number | undefined }[],
): Comparison {
  const v1 = pipelineFigures(pairs.map((p) => p.summary.v1));
  const v2 = pipelineFigures(pairs.map((p) => p.summary.v2));
  const first = pairs[0]?.summary;
  return {
    request,
    provider: first?.provider ?? 'offline',
    costBasis: first?.costBasis ?? 'free',
    simulated: first?.provider === 'simulated',
    pairs: pairs.map(({ summary, seed }) => ({
      correlationId: summary.correlationId,
      seed,
      v1: summary.v1.runId,
      v2: summary.v2.runId,
    })),
    v1,
    v2,
    ratios: ratiosOf(v1, v2),
  };
}
