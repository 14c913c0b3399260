import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { foldRun, summarizeRun } from '@mge/run';
import { serviceNames } from '@mge/contracts';
import type { ExecutorService } from '@mge/executor';
import { z } from 'zod';
import { Concurrency, FaultRate, LatencyMs, option, Seed } from '../args.js';
import { benchFigures } from '../bench/figures.js';
import { formatTimings, phaseTimings } from '../bench/phases.js';
import { benchDocument } from '../bench/workload.js';
import { ExitCode } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import { fileLogger } from '../runtime/logger.js';
import { createServices, startServices, stopServices } from '../runtime/services.js';
import type { CommandContext } from './context.js';
import { submit } from './request-run.js';
import { followRun } from './follow-run.js';

const quiet = { show: () => undefined, note: () => undefined, stop: () => undefined };

export interface BenchFlags {
  readonly atoms?: string;
  readonly concurrency?: string;
  readonly latencyMs?: string;
  readonly faultRate?: string;
  readonly seed?: string;
  readonly json?: boolean;
}

/**
 * `mge bench`: one run of a synthetic plan of about `--atoms` atoms with the simulated provider, every
 * service in this process; prints how close the run came to the physical limit its own events give,
 * what the scheduler spent deciding, and how long a replay of the log takes.
 */
export async function benchCommand(flags: BenchFlags, ctx: CommandContext): Promise<number> {
  const atoms = option('--atoms', z.coerce.number().int().min(50).max(3_000), flags.atoms ?? '800');
  const concurrency = option('--concurrency', Concurrency, flags.concurrency ?? '100');
  const simulation = {
    seed: option('--seed', Seed, flags.seed ?? '1'),
    faultRate: option('--fault-rate', FaultRate, flags.faultRate ?? '0'),
    latencyMs: option('--latency-ms', LatencyMs, flags.latencyMs ?? '200'),
    failing: [],
  };
  const scratch = await mkdtemp(join(tmpdir(), 'mge-bench-'));
  const { logger } = fileLogger(ctx.config.MGE_HOME, 'bench', ctx.config.MGE_LOG_LEVEL);
  const cli = await openCliBus(ctx.config, logger);
  const services = createServices(serviceNames, cli.bus, logger, ctx.config, { concurrency });
  const executor = services.find((s) => s.name === 'executor') as ExecutorService;
  try {
    await startServices(services);
    const document = benchDocument(atoms);
    const input = {
      request: '',
      spec: document,
      outDir: join(scratch, 'out'),
      mode: 'v2' as const,
      user: undefined,
      tenant: undefined,
      idempotencyKey: undefined,
      provider: 'simulated' as const,
      model: undefined,
      maxTokens: undefined,
      cache: false,
      strict: false,
      concurrency,
      budgetUsd: undefined,
      temperatures: [0.7, 0.5, 0.3, 0.3],
      simulation,
      json: false,
      notes: [],
    };
    const { runId } = await submit(cli.bus, input);
    ctx.stderr.write(`bench ${runId}: ${document.entities.length} entities, concurrency ${concurrency}\n`);
    const cpu = process.cpuUsage();
    const before = { ...executor.scheduler.stats };
    const summary = await followRun(cli.bus, runId, [], quiet, ctx.interrupted);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (summary === undefined) return 130;
    const { events } = await cli.bus.store.readRun(runId);
    const replayStarted = performance.now();
    const replayed = await cli.bus.store.readRun(runId);
    const end = replayed.events.findIndex((e) => e.type === 'RunCompleted');
    summarizeRun(foldRun(runId, replayed.events.slice(0, end)), replayed.events[end]!.time);
    const replayMs = performance.now() - replayStarted;
    const figures = benchFigures(events, concurrency);
    const decideMs = executor.scheduler.stats.decideMs - before.decideMs;
    const report = {
      runId,
      status: summary.status,
      ...figures,
      concurrency,
      latencyMs: simulation.latencyMs,
      faultRate: simulation.faultRate,
      cpuMsPerAtom: Math.round((cpuMs / figures.atoms) * 100) / 100,
      schedulerCpuMsPerAtom: Math.round((decideMs / figures.atoms) * 1000) / 1000,
      replayMs: Math.round(replayMs),
      machine: machineLine(),
    };
    ctx.stdout.write(
      flags.json === true
        ? `${JSON.stringify(report)}\n`
        : `${formatReport(report)}\n${formatTimings(phaseTimings(events), `${figures.atoms} atoms`)}\n`,
    );
    return summary.status === 'succeeded' ? ExitCode.ok : ExitCode.runFailed;
  } finally {
    await stopServices(services);
    await cli.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

const machineLine = (): string =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;

function formatReport(r: Record<string, string | number>): string {
  const rows = Object.entries(r).map(([key, value]) => `  ${key.padEnd(22)} ${value}`);
  return [
    `bench (simulated provider; targets: overheadRatio ≤ 1.05, schedulerCpuMsPerAtom ≤ 1, replayMs ≤ 500)`,
    ...rows,
  ].join('\n');
}
