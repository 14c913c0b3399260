import { costBasisOf, roundUsd as usd } from '@mge/contracts';
import type { RunSummary } from '@mge/contracts';
import { doubtsOf } from './questions.js';
import type { RunView } from './view.js';

export const ratio = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1e4) / 1e4;

export function histogram(values: number[]): Record<string, number> {
  const bins: Record<string, number> = {};
  for (const v of values.sort((a, b) => a - b)) bins[String(v)] = (bins[String(v)] ?? 0) + 1;
  return bins;
}

function tokensOf(view: RunView): RunSummary['tokens'] {
  const { input, output, cacheWrite, cacheRead } = view.tokens;
  const cached = cacheWrite + cacheRead === 0 ? {} : { cacheWrite, cacheRead };
  return { input, output, total: input + output + cacheWrite + cacheRead, ...cached };
}

function modelCallsOf(view: RunView): NonNullable<RunSummary['modelCalls']> {
  const { calls, requests, cacheHits, replayed, billedUsd } = view.modelCalls;
  return {
    calls,
    requests,
    cacheHits,
    replayed,
    billedUsd: usd(billedUsd),
    savedUsd: usd(Math.max(0, view.costUsd - billedUsd)),
  };
}

/** Cost by task, dearest first; absent when the run cost nothing. */
function taskCostsOf(view: RunView): Record<string, number> | undefined {
  const costs = [...view.taskCosts].filter(([, c]) => c > 0).sort(([, a], [, b]) => b - a);
  return costs.length === 0 ? undefined : Object.fromEntries(costs.map(([task, c]) => [task, usd(c)]));
}

/** What every summary states the same way, whatever the pipeline. */
export function runFacts(view: RunView, completedAt: string) {
  const requestedAt = view.requestedAt === undefined ? Date.parse(completedAt) : Date.parse(view.requestedAt);
  const costByTask = taskCostsOf(view);
  return {
    runId: view.runId,
    mode: view.requested?.mode ?? 'v2',
    provider: view.requested?.provider ?? 'offline',
    ...(view.requested?.model === undefined ? {} : { model: view.requested.model }),
    request: view.requested?.request ?? '',
    outDir: view.requested?.outDir ?? '',
    durationMs: Math.max(0, Date.parse(completedAt) - requestedAt),
    tokens: tokensOf(view),
    costUsd: usd(view.costUsd),
    ...(costByTask === undefined ? {} : { costByTask }),
    ...(view.modelCalls.calls === 0 ? {} : { modelCalls: modelCallsOf(view) }),
    costBasis: costBasisOf(view.requested?.provider ?? 'offline'),
    ...(view.requested?.budgetUsd === undefined ? {} : { budgetUsd: view.requested.budgetUsd }),
    ...doubtsOf(view),
  };
}

/** A stage that could not go on, as a summary's failure. */
export const stageFailureOf = (view: RunView): RunSummary['failure'] =>
  view.stageFailure === undefined
    ? undefined
    : { stage: view.stageFailure.stage, reason: `${view.stageFailure.code}: ${view.stageFailure.message}` };
