import type { Envelope, ParallelSummary, RunSummary, StageFailed } from '@mge/contracts';
import type { RunView } from '@mge/run';
import { applyEvent, createRunView } from '@mge/run';
import { serviceNames } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { isStoredEvent } from '@mge/kit';
import { ulid } from 'ulid';
import { ExitCode } from '../errors.js';
import { formatSummary } from '../format/summary.js';
import type { ProgressDisplay } from '../progress/display.js';
import { createProgressDisplay } from '../progress/display.js';
import { progressOf } from '../progress/model.js';
import { openCliBus } from '../runtime/bus.js';
import { fileLogger } from '../runtime/logger.js';
import { createServices, startServices, stopServices } from '../runtime/services.js';
import type { CommandContext } from './context.js';
import { requestRun } from './request-run.js';
import { watchRollbacks } from './rollbacks.js';
import type { RunFlags } from './run-input.js';
import { parseRunInput } from './run-input.js';

/** What a driven run ends with: its summary, a pair's summary, or nothing when interrupted. */
export type Outcome = RunSummary | ParallelSummary | undefined;

/** `mge run`: starts the services in this process, records the request, shows progress until the run completes. */
export async function runCommand(
  request: string | undefined,
  flags: RunFlags,
  ctx: CommandContext,
): Promise<number> {
  const runId = `r-${ulid()}`;
  const input = await parseRunInput(request, flags, ctx.config, runId);
  ctx.stderr.write(`mge run ${runId}\n`);
  for (const note of input.notes) ctx.stderr.write(`note: ${note}\n`);
  return driveRun(ctx, runId, { json: input.json, concurrency: input.concurrency }, (bus, display) =>
    requestRun(bus, ctx, runId, input, display),
  );
}

/**
 * Starts every service in this process, lets `follow` record what it asks for and follow it with
 * live progress, then prints the summary. The exit code follows the (serving) run; 130 when interrupted.
 */
export function driveRun(
  ctx: CommandContext,
  runId: string,
  options: { json: boolean; concurrency: number },
  follow: (bus: Bus, display: ProgressDisplay) => Promise<Outcome>,
): Promise<number> {
  return withServices(ctx, runId, options.concurrency, async (bus, logFile) => {
    const display = createProgressDisplay(ctx.stderr, Date.now());
    const summary = await follow(bus, display).finally(() => display.stop());
    if (summary === undefined) {
      ctx.stderr.write(
        `interrupted; the run is recorded as ${runId}: mge resume ${runId} (logs: ${logFile})\n`,
      );
      return 130;
    }
    ctx.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
    return summary.status === 'succeeded' ? ExitCode.ok : ExitCode.runFailed;
  });
}

/** Starts every service in this process (logging to a file named after `logName`), runs `work`, stops them. */
export async function withServices<T>(
  ctx: CommandContext,
  logName: string,
  concurrency: number,
  work: (bus: Bus, logFile: string) => Promise<T>,
): Promise<T> {
  const { logger, file } = fileLogger(ctx.config.MGE_HOME, logName, ctx.config.MGE_LOG_LEVEL);
  const cli = await openCliBus(ctx.config, logger);
  const services = createServices(serviceNames, cli.bus, logger, ctx.config, { concurrency });
  const stopWatching = watchRollbacks(cli.bus, new Date().toISOString(), (line) => ctx.stderr.write(line));
  try {
    await startServices(services);
    return await work(cli.bus, file);
  } finally {
    await stopServices(services);
    await stopWatching();
    await cli.close();
  }
}

/**
 * Records `openings` (RunRequested, RunResumed, a reviewer's edit; when given) and follows the run's
 * events from its start, showing progress, until it completes (once `done` holds too: a reopened run
 * completes again) or is interrupted.
 */
export async function followRun(
  bus: Bus,
  runId: string,
  openings: readonly Envelope[],
  display: ProgressDisplay,
  interrupted: AbortSignal,
  done: (view: RunView) => boolean = () => true,
): Promise<RunSummary | undefined> {
  const view: RunView = createRunView(runId);
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  interrupted.addEventListener('abort', onInterrupt, { once: true });
  try {
    const events = bus.store.followRun(runId, { signal: stop.signal });
    await bus.store.append(openings);
    for await (const item of events) {
      if (!isStoredEvent(item)) continue;
      applyEvent(view, item);
      display.show(progressOf(view));
      if (item.type === 'MessageRejected')
        display.note(`warning: ${item.data.service} rejected a message: ${item.data.reason}`);
      if (item.type === 'StageFailed') display.note(stageFailedNote(view, item.data));
      if (view.completed !== undefined && done(view)) return view.completed;
    }
    return undefined;
  } finally {
    interrupted.removeEventListener('abort', onInterrupt);
  }
}

const stageFailedNote = (view: RunView, failure: StageFailed): string =>
  [
    `${view.requested?.pairing === undefined ? '' : `${view.requested.mode}: `}${failure.stage} failed: ${failure.message}`,
    ...failure.details.slice(0, 10).map((d) => `  ${d}`),
  ].join('\n');
