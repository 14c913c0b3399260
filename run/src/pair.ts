import type { ParallelSummary, RunSummary } from '@mge/contracts';

/**
 * The summary of a parallel pair from both runs' summaries: the serving run's figures at the top
 * level (its status is the request's), both pipelines side by side under `v1` and `v2`.
 */
export function pairSummary(
  serving: RunSummary,
  shadow: RunSummary,
  pair: { readonly correlationId: string; readonly outDir: string },
): ParallelSummary {
  const servingPipeline = serving.mode === 'v1' ? 'v1' : 'v2';
  const { mode: _mode, ...top } = serving;
  return {
    ...top,
    mode: 'parallel',
    outDir: pair.outDir,
    correlationId: pair.correlationId,
    serving: servingPipeline,
    v1: servingPipeline === 'v1' ? serving : shadow,
    v2: servingPipeline === 'v2' ? serving : shadow,
  };
}
