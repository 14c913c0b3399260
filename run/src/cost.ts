import type { TokenUsage, ModelCallRecorded } from '@mge/contracts';
import type { RunView } from './view.js';

/** Whether the run's provider records its model calls, which then carry the run's tokens and cost. */
const recordsCalls = (view: RunView): boolean => view.requested?.provider === 'anthropic';

/** Adds model work to the run's tokens and cost, and to its task's cost when it was for one. */
function addCost(view: RunView, tokens: TokenUsage, costUsd: number, taskId: string | undefined): void {
  if (taskId !== undefined) view.taskCosts.set(taskId, (view.taskCosts.get(taskId) ?? 0) + costUsd);
  view.tokens.input += tokens.input;
  view.tokens.output += tokens.output;
  view.tokens.cacheWrite += tokens.cacheWrite ?? 0;
  view.tokens.cacheRead += tokens.cacheRead ?? 0;
  view.costUsd += costUsd;
}

/** A generation's cost counts unless the calls behind it were recorded (and counted) themselves. */
export function addGenerationCost(
  view: RunView,
  data: { tokens: TokenUsage; costUsd: number },
  taskId: string | undefined,
): void {
  if (!recordsCalls(view)) addCost(view, data.tokens, data.costUsd, taskId);
}

/** The task a call worked for: an atom's task, the task atomized or written; none for a stage. */
const taskOfCall = (view: RunView, call: ModelCallRecorded): string | undefined =>
  call.purpose === 'atom'
    ? view.atoms.get(call.subject)?.spec.taskId
    : call.purpose === 'atomize' || call.purpose === 'file'
      ? call.subject
      : undefined;

/** Counts a recorded call: its tokens and cost, where its answer came from, what it was billed. */
export function countCall(view: RunView, call: ModelCallRecorded): void {
  addCost(view, call.reply.usage, call.costUsd, taskOfCall(view, call));
  const counts = view.modelCalls;
  counts.calls += 1;
  if (call.source === 'api') {
    counts.requests += 1;
    counts.billedUsd += call.costUsd;
  } else if (call.source === 'cache') counts.cacheHits += 1;
  else counts.replayed += 1;
}
