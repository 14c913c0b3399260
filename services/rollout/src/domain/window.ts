import type { Pipeline, RolloutEvidence } from '@mge/contracts';

/** One completed run, as the monitor counts it. */
export interface RunOutcome {
  readonly runId: string;
  readonly pipeline: Pipeline;
  readonly succeeded: boolean;
}

/** The latest completed runs, oldest first, at most `size` per pipeline. */
export interface RolloutWindow {
  readonly outcomes: readonly RunOutcome[];
}

export interface Thresholds {
  /** Runs kept per pipeline. */
  readonly size: number;
  /** V2 runs needed before V2 is judged; V1 runs needed before the two are compared. */
  readonly minRuns: number;
  readonly maxGap: number;
  readonly maxV2FailureRate: number;
}

export const emptyWindow: RolloutWindow = { outcomes: [] };

/** The window with one more run (a run already counted changes nothing), trimmed to `size` per pipeline. */
export function recordOutcome(window: RolloutWindow, outcome: RunOutcome, size: number): RolloutWindow {
  if (window.outcomes.some((o) => o.runId === outcome.runId)) return window;
  const outcomes = [...window.outcomes, outcome];
  const keep = (pipeline: Pipeline) => outcomes.filter((o) => o.pipeline === pipeline).slice(-size);
  const kept = new Set([...keep('v1'), ...keep('v2')]);
  return { outcomes: outcomes.filter((o) => kept.has(o)) };
}

const tally = (window: RolloutWindow, pipeline: Pipeline) => {
  const runs = window.outcomes.filter((o) => o.pipeline === pipeline);
  const succeeded = runs.filter((o) => o.succeeded).length;
  return { runs: runs.length, succeeded, successRate: runs.length === 0 ? 0 : succeeded / runs.length };
};

/**
 * Whether V2 must be rolled back, with the evidence: once V2 has enough runs, when its failure rate
 * passes the ceiling, or when V1 has enough runs too and V2's success rate is below V1's by more than
 * the allowed gap.
 */
export function judgeWindow(window: RolloutWindow, t: Thresholds): RolloutEvidence | undefined {
  const v1 = tally(window, 'v1');
  const v2 = tally(window, 'v2');
  const evidence = { window: t.size, v1, v2, maxGap: t.maxGap, maxV2FailureRate: t.maxV2FailureRate };
  if (v2.runs < t.minRuns) return undefined;
  if (1 - v2.successRate > t.maxV2FailureRate) return { ...evidence, rule: 'ceiling' };
  if (v1.runs >= t.minRuns && v1.successRate - v2.successRate > t.maxGap) return { ...evidence, rule: 'gap' };
  return undefined;
}
