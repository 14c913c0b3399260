import type { Envelope, RunSummary, RunView, StageFailed } from '@mge/contracts';
import { applyEvent, createMessage, createRunView, serviceNames } from '@mge/contracts';
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
import type { RunFlags, RunInput } from './run-input.js';
import { parseRunInput } from './run-input.js';

/** `mge run`: starts the services in this process, records RunRequested, shows progress until RunCompleted. */
export async function runCommand(
  request: string | undefined,
  flags: RunFlags,
  ctx: CommandContext,
): Promise<number> {
  const runId = `r-${ulid()}`;
  const input = await parseRunInput(request, flags, ctx.config, runId);
  ctx.stderr.write(`mge run ${runId}\n`);
  for (const note of input.notes) ctx.stderr.write(`note: ${note}\n`);
  return driveRun(ctx, runId, requested(runId, input), { json: input.json, concurrency: input.concurrency });
}

/**
 * Starts every service in this process, records `opening`, shows progress until the run completes,
 * then prints the summary. The exit code follows the run (130 when interrupted).
 */
export async function driveRun(
  ctx: CommandContext,
  runId: string,
  opening: Envelope,
  options: { json: boolean; concurrency: number },
): Promise<number> {
  const { logger, file } = fileLogger(ctx.config.MGE_HOME, runId, ctx.config.MGE_LOG_LEVEL);
  const cli = await openCliBus(ctx.config, logger);
  const services = createServices(serviceNames, cli.bus, logger, ctx.config, {
    concurrency: options.concurrency,
  });
  try {
    await startServices(services);
    const display = createProgressDisplay(ctx.stderr, Date.now());
    const summary = await followRun(cli.bus, runId, opening, display, ctx.interrupted).finally(() =>
      display.stop(),
    );
    if (summary === undefined) {
      ctx.stderr.write(`interrupted; the run is recorded as ${runId}: mge resume ${runId} (logs: ${file})\n`);
      return 130;
    }
    ctx.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
    return summary.status === 'succeeded' ? ExitCode.ok : ExitCode.runFailed;
  } finally {
    await stopServices(services);
    await cli.close();
  }
}

/** Records `opening` (RunRequested, RunResumed) and follows the run's events, showing progress, until it completes or is interrupted. */
export async function followRun(
  bus: Bus,
  runId: string,
  opening: Envelope,
  display: ProgressDisplay,
  interrupted: AbortSignal,
): Promise<RunSummary | undefined> {
  const view: RunView = createRunView(runId);
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  interrupted.addEventListener('abort', onInterrupt, { once: true });
  try {
    const events = bus.store.followRun(runId, { signal: stop.signal });
    await bus.store.append([opening]);
    for await (const item of events) {
      if (!isStoredEvent(item)) continue;
      applyEvent(view, item);
      display.show(progressOf(view));
      if (item.type === 'MessageRejected')
        display.note(`warning: ${item.data.service} rejected a message: ${item.data.reason}`);
      if (item.type === 'StageFailed') display.note(stageFailedNote(item.data));
      if (view.completed !== undefined) return view.completed;
    }
    return undefined;
  } finally {
    interrupted.removeEventListener('abort', onInterrupt);
  }
}

const stageFailedNote = (failure: StageFailed): string =>
  [`${failure.stage} failed: ${failure.message}`, ...failure.details.slice(0, 10).map((d) => `  ${d}`)].join(
    '\n',
  );

export function requested(runId: string, input: RunInput) {
  const data = {
    runId,
    request: input.request,
    ...(input.spec === undefined ? {} : { spec: input.spec }),
    mode: input.mode,
    provider: input.provider,
    concurrency: input.concurrency,
    temperatures: input.temperatures,
    outDir: input.outDir,
    ...(input.budgetUsd === undefined ? {} : { budgetUsd: input.budgetUsd }),
    ...(input.simulation === undefined ? {} : { simulation: input.simulation }),
  };
  return createMessage('RunRequested', data, { source: 'mge/cli', time: new Date().toISOString(), key: [] });
}
