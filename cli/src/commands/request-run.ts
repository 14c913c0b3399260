import { join } from 'node:path';
import type { Assignment, Pairing, ParallelSummary, Pipeline, PipelineChoice } from '@mge/contracts';
import { assignPipeline, createMessage } from '@mge/contracts';
import { pairSummary } from '@mge/run';
import type { Bus } from '@mge/kit';
import { openFlagStore } from '@mge/kit';
import { ulid } from 'ulid';
import type { ProgressDisplay } from '../progress/display.js';
import type { CommandContext } from './context.js';
import type { Outcome } from './follow-run.js';
import { followRun } from './follow-run.js';
import type { RunInput } from './run-input.js';

/**
 * Assigns the request to a pipeline (flags, rollout, `--mode`), records it and follows it. In
 * parallel mode the other pipeline runs beside as a shadow under the same correlation id, each
 * writing to its own folder, and the summary holds both.
 */
export async function requestRun(
  bus: Bus,
  ctx: CommandContext,
  runId: string,
  input: RunInput,
  display: ProgressDisplay,
): Promise<Outcome> {
  const flags = await (await openFlagStore(bus)).read();
  const choice = assignPipeline({
    flags,
    v2EnabledEnv: ctx.config.MGE_V2_ENABLED,
    key: input.assignmentKey,
    requested: input.mode,
  });
  const note = assignmentNote(input, choice, ctx.config.MGE_V2_ENABLED);
  if (note !== undefined) ctx.stderr.write(`note: ${note}\n`);
  if (choice.shadow === undefined) {
    const opening = requested(runId, input, { mode: choice.serving, assignment: choice.assignment });
    return followRun(bus, runId, [opening], display, ctx.interrupted);
  }
  const shadowId = `r-${ulid()}`;
  ctx.stderr.write(
    `parallel: ${choice.serving} serves as ${runId}, ${choice.shadow} shadows as ${shadowId}\n`,
  );
  return runPair(bus, ctx, { runId, shadowId, input, choice: { ...choice, shadow: choice.shadow } }, display);
}

/** A parallel pair to run: the serving run's id and input, the shadow's id, and who serves. */
export interface PairRequest {
  readonly runId: string;
  readonly shadowId: string;
  readonly input: RunInput;
  readonly choice: PipelineChoice & { readonly shadow: Pipeline };
}

/** Records both requests of a pair (the shadow first) and follows both runs to their end. */
export async function runPair(
  bus: Bus,
  ctx: CommandContext,
  { runId, shadowId, input, choice }: PairRequest,
  display: ProgressDisplay,
): Promise<ParallelSummary | undefined> {
  const correlationId = runId;
  const serving = requested(runId, input, {
    mode: choice.serving,
    assignment: choice.assignment,
    pairing: { role: 'serving', twin: shadowId, correlationId },
  });
  const shadow = requested(shadowId, input, {
    mode: choice.shadow,
    assignment: choice.assignment,
    pairing: { role: 'shadow', twin: runId, correlationId },
  });
  await bus.store.append([shadow]); // stored before the serving request, whose discovery serves both
  const [servingSummary, shadowSummary] = await Promise.all([
    followRun(bus, runId, [serving], display, ctx.interrupted),
    followRun(bus, shadowId, [], display, ctx.interrupted),
  ]);
  if (servingSummary === undefined || shadowSummary === undefined) return undefined;
  return pairSummary(servingSummary, shadowSummary, { correlationId, outDir: input.outDir });
}

function assignmentNote(input: RunInput, choice: PipelineChoice, v2EnabledEnv: boolean): string | undefined {
  const { reason, rolloutPercent } = choice.assignment;
  if (reason === 'v2-disabled' && input.mode !== 'v1')
    return `V2 is switched off (${v2EnabledEnv ? 'flag v2.enabled' : 'MGE_V2_ENABLED=false'}): V1 serves this request${input.mode === 'parallel' ? ', without a V2 shadow' : ''}`;
  if (reason === 'rollout' && choice.serving === 'v1')
    return `the V2 rollout is at ${rolloutPercent}%: this request (key ${input.assignmentKey}) is served by V1`;
  return undefined;
}

interface RunShape {
  readonly mode: Pipeline;
  readonly assignment: Assignment;
  readonly pairing?: Pairing;
}

/** The RunRequested event of one run; a run of a pair writes to `<outDir>/<pipeline>`. */
export function requested(runId: string, input: RunInput, shape: RunShape) {
  const data = {
    runId,
    request: input.request,
    ...(input.spec === undefined ? {} : { spec: input.spec }),
    mode: shape.mode,
    ...(shape.pairing === undefined ? {} : { pairing: shape.pairing }),
    assignment: shape.assignment,
    provider: input.provider,
    ...(input.model === undefined ? {} : { model: input.model }),
    ...(input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens }),
    ...(input.cache ? {} : { cache: false }),
    concurrency: input.concurrency,
    temperatures: input.temperatures,
    outDir: shape.pairing === undefined ? input.outDir : join(input.outDir, shape.mode),
    ...(input.budgetUsd === undefined ? {} : { budgetUsd: input.budgetUsd }),
    ...(input.simulation === undefined ? {} : { simulation: input.simulation }),
  };
  const meta = { source: 'mge/cli', time: new Date().toISOString(), key: [] };
  return createMessage(
    'RunRequested',
    data,
    shape.pairing === undefined ? meta : { ...meta, correlationId: shape.pairing.correlationId },
  );
}
