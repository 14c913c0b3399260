import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceNames } from '@mge/contracts';
import { ulid } from 'ulid';
import { z } from 'zod';
import { option } from '../args.js';
import { formatTimings, medianTimings, phaseTimings } from '../bench/phases.js';
import type { PhaseTiming } from '../bench/phases.js';
import { ExitCode } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import { fileLogger } from '../runtime/logger.js';
import { createServices, startServices, stopServices } from '../runtime/services.js';
import type { CommandContext } from './context.js';
import { followRun } from './run.js';
import { parseRunInput } from './run-input.js';

const quiet = { show: () => undefined, note: () => undefined, stop: () => undefined };

/** `mge bench`: runs one request several times with in-process services and prints each phase's wall time. */
export async function benchCommand(
  request: string,
  flags: { runs?: string; json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const runs = option('--runs', z.coerce.number().int().min(1).max(50), flags.runs ?? '3');
  const scratch = await mkdtemp(join(tmpdir(), 'mge-bench-'));
  const { logger } = fileLogger(ctx.config.MGE_HOME, 'bench', ctx.config.MGE_LOG_LEVEL);
  const cli = await openCliBus(ctx.config, logger);
  const services = createServices(serviceNames, cli.bus, logger, ctx.config, { concurrency: 16 });
  const timings: PhaseTiming[][] = [];
  try {
    await startServices(services);
    for (let i = 0; i < runs; i++) {
      const runId = `r-${ulid()}`;
      const input = await parseRunInput(request, { out: join(scratch, runId) }, ctx.config, runId);
      const summary = await followRun(cli.bus, runId, input, quiet, ctx.interrupted);
      if (summary?.status !== 'succeeded') throw new Error(`bench run ${runId} did not succeed`);
      timings.push(phaseTimings((await cli.bus.store.readRun(runId)).events));
      ctx.stderr.write(`run ${i + 1}/${runs}: ${runId} in ${summary.durationMs} ms\n`);
    }
  } finally {
    await stopServices(services);
    await cli.close();
    await rm(scratch, { recursive: true, force: true });
  }
  const median = medianTimings(timings);
  ctx.stdout.write(
    flags.json === true
      ? `${JSON.stringify({ request, runs, phases: median })}\n`
      : `${formatTimings(median, runs, request)}\n`,
  );
  return ExitCode.ok;
}
