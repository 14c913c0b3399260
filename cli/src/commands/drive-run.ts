import { serviceNames } from '@mge/contracts';
import { UNSURE } from '@mge/run';
import type { Bus } from '@mge/kit';
import { ExitCode } from '../errors.js';
import { formatDoubts, formatSummary } from '../format/summary.js';
import type { ProgressDisplay } from '../progress/display.js';
import { createProgressDisplay } from '../progress/display.js';
import { openCliBus } from '../runtime/bus.js';
import { fileLogger } from '../runtime/logger.js';
import { createServices, startServices, stopServices } from '../runtime/services.js';
import type { CommandContext } from './context.js';
import type { Outcome } from './follow-run.js';
import { watchRollbacks } from './rollbacks.js';

/** The run a command drives: its id once known (a submission learns it from the intake), and its log's name. */
export interface DrivenRun {
  readonly logName: string;
  readonly runId: string | undefined;
}

/** A run whose id is known from the start. */
export const knownRun = (runId: string): DrivenRun => ({ logName: runId, runId });

/**
 * Starts every service in this process, lets `follow` record what it asks for and follow it with
 * live progress, then prints the summary. The exit code follows the (serving) run; 130 when interrupted.
 */
export function driveRun(
  ctx: CommandContext,
  run: DrivenRun,
  options: { json: boolean; concurrency: number },
  follow: (bus: Bus, display: ProgressDisplay) => Promise<Outcome>,
): Promise<number> {
  return withServices(ctx, run.logName, options.concurrency, async (bus, logFile) => {
    const display = createProgressDisplay(ctx.stderr, Date.now());
    const summary = await follow(bus, display).finally(() => display.stop());
    if (summary === undefined) {
      const runId = run.runId;
      ctx.stderr.write(
        runId === undefined
          ? `interrupted before the intake answered; nothing was started (logs: ${logFile})\n`
          : `interrupted; the run is recorded as ${runId}: mge resume ${runId} (logs: ${logFile})\n`,
      );
      return 130;
    }
    const doubts = formatDoubts(summary);
    if (doubts !== undefined) ctx.stderr.write(`${doubts}\n`);
    ctx.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
    if (summary.status === 'succeeded') return ExitCode.ok;
    // a strict run stopped for open questions: the request needs answers, a usage matter
    return summary.failure?.reason.startsWith(`${UNSURE}:`) === true ? ExitCode.usage : ExitCode.runFailed;
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
