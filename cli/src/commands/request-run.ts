import { join, resolve } from 'node:path';
import type { Pipeline, RunSummary, SubmissionAccepted } from '@mge/contracts';
import { natsClient, MgeClientError } from '@mge/client';
import { pairSummary } from '@mge/run';
import type { Bus } from '@mge/kit';
import { InfrastructureError } from '@mge/kit';
import { UsageError } from '../errors.js';
import type { ProgressDisplay } from '../progress/display.js';
import type { CommandContext } from './context.js';
import { deliveredSummary } from './deliver-artifact.js';
import type { Outcome } from './follow-run.js';
import { followRun } from './follow-run.js';
import type { RunInput } from './run-input.js';
import { submissionOf } from './run-input.js';

/**
 * Submits the request to the intake (which assigns the pipeline from the flags and the rollout), then
 * follows the run — or both runs of a parallel pair, each written to `<out>/<pipeline>` — and writes
 * the project from the object store to the out folder.
 */
export async function requestRun(
  bus: Bus,
  ctx: CommandContext,
  input: RunInput,
  display: ProgressDisplay,
  accepted: (runId: string) => void,
): Promise<Outcome> {
  const run = await submit(bus, input);
  accepted(run.runId);
  ctx.stderr.write(`mge run ${run.runId}\n`);
  const note = assignmentNote(input, run, ctx.config.MGE_V2_ENABLED);
  if (note !== undefined) ctx.stderr.write(`note: ${note}\n`);
  const outDir = input.outDir ?? resolve(`out/${run.runId}`);
  if (run.shadow === undefined) return followToFolder(bus, ctx, run.runId, outDir, display);
  ctx.stderr.write(
    `parallel: ${run.mode} serves as ${run.runId}, ${run.shadow.mode} shadows as ${run.shadow.runId}\n`,
  );
  return followPair(bus, ctx, { ...run, shadow: run.shadow }, outDir, display);
}

/** Submits through the intake as any client does; its refusals are the user's mistakes or the bus's. */
export async function submit(bus: Bus, input: RunInput): Promise<SubmissionAccepted> {
  try {
    return await natsClient(bus.nc).submit(submissionOf(input), { source: 'mge/cli' });
  } catch (error) {
    if (!(error instanceof MgeClientError)) throw error;
    if (error.error.code === 'unavailable' || error.error.code === 'internal')
      throw new InfrastructureError(error.message, { cause: error });
    throw new UsageError(error.message);
  }
}

/** An accepted parallel submission: a serving run and its shadow. */
export type PairAccepted = SubmissionAccepted & { readonly shadow: { runId: string; mode: Pipeline } };

/** Follows both runs of a pair to their end, each written to `<outDir>/<pipeline>`; the summary holds both. */
export async function followPair(
  bus: Bus,
  ctx: CommandContext,
  run: PairAccepted,
  outDir: string,
  display: ProgressDisplay,
) {
  const [serving, shadow] = await Promise.all([
    followToFolder(bus, ctx, run.runId, join(outDir, run.mode), display),
    followToFolder(bus, ctx, run.shadow.runId, join(outDir, run.shadow.mode), display),
  ]);
  if (serving === undefined || shadow === undefined) return undefined;
  return pairSummary(serving, shadow, { correlationId: run.correlationId, outDir });
}

/** Follows one run to its end and writes its project to `dir`; the summary names the folder written. */
async function followToFolder(
  bus: Bus,
  ctx: CommandContext,
  runId: string,
  dir: string,
  display: ProgressDisplay,
): Promise<RunSummary | undefined> {
  return deliveredSummary(bus, await followRun(bus, runId, [], display, ctx.interrupted), dir);
}

function assignmentNote(input: RunInput, run: SubmissionAccepted, v2EnabledEnv: boolean): string | undefined {
  const { reason, rolloutPercent, key } = run.assignment;
  if (reason === 'v2-disabled' && input.mode !== 'v1')
    return `V2 is switched off (${v2EnabledEnv ? 'flag v2.enabled' : 'MGE_V2_ENABLED=false'}): V1 serves this request${input.mode === 'parallel' ? ', without a V2 shadow' : ''}`;
  if (reason === 'rollout' && run.mode === 'v1')
    return `the V2 rollout is at ${rolloutPercent}%: this request (key ${key}) is served by V1`;
  return undefined;
}
