import { join, resolve } from 'node:path';
import type { ParallelSummary } from '@mge/contracts';
import { hash32 } from '@mge/contracts';
import { openFlagStore } from '@mge/kit';
import { ulid } from 'ulid';
import { option } from '../args.js';
import { compareFigures } from '../compare/figures.js';
import { formatComparison } from '../compare/table.js';
import { ExitCode, UsageError } from '../errors.js';
import { createProgressDisplay } from '../progress/display.js';
import type { CommandContext } from './context.js';
import { followPair, submit } from './request-run.js';
import type { RunFlags, RunInput } from './run-input.js';
import { parseRunInput } from './run-input.js';
import { withServices } from './drive-run.js';
import { z } from 'zod';

export interface CompareFlags extends Omit<RunFlags, 'mode' | 'user' | 'tenant'> {
  readonly runs?: string;
}

const Runs = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100');

/** A simulated model writing 10 lines in about this long (as `mge bench` assumes): slow enough that generation, not validation, dominates as with a real model. */
const COMPARE_LATENCY_MS = 200;

/** Distinct seeds derived from the base seed, one per pair. */
export function derivedSeeds(base: number, count: number): number[] {
  const seeds = new Set<number>();
  for (let i = 1; seeds.size < count; i += 1) seeds.add(hash32(`${base}/${i}`) % 2 ** 31);
  return [...seeds];
}

/**
 * `mge compare`: N parallel-mode pairs of the same request, one after another (each pair's two runs
 * at once, on one DiscoveryDocument); the figures of each pipeline come from the runs' RunCompleted
 * summaries, with V2 ÷ V1 ratios.
 */
export async function compareCommand(request: string | undefined, flags: CompareFlags, ctx: CommandContext) {
  const runs = option('--runs', Runs, flags.runs ?? '5');
  const compareId = `c-${ulid()}`;
  const base = await parseRunInput(request, { ...flags, mode: 'parallel' }, ctx.config);
  const outDir = base.outDir ?? resolve(`out/${compareId}`);
  const simulation =
    base.simulation === undefined || flags.latencyMs !== undefined
      ? base.simulation
      : { ...base.simulation, latencyMs: COMPARE_LATENCY_MS };
  const seeds = simulation === undefined ? [] : derivedSeeds(simulation.seed, runs);
  const header =
    `compare ${runs} run${runs === 1 ? '' : 's'} of "${(base.request || 'spec').slice(0, 60)}" · ${base.provider} provider` +
    (simulation === undefined
      ? ''
      : ` (figures simulated: fault rate ${simulation.faultRate}, latency ${simulation.latencyMs} ms per 10 lines, seeds derived from ${simulation.seed})`);
  ctx.stderr.write(`${header}\n`);
  return withServices(ctx, compareId, base.concurrency, async (bus) => {
    const flagsNow = await (await openFlagStore(bus)).read();
    if (!ctx.config.MGE_V2_ENABLED || !flagsNow['v2.enabled'])
      throw new UsageError(
        'V2 is switched off (MGE_V2_ENABLED=false or flag v2.enabled): compare needs both pipelines',
      );
    const pairs: { summary: ParallelSummary; seed: number | undefined }[] = [];
    for (let i = 0; i < runs; i += 1) {
      const seed = seeds[i];
      const input: RunInput = {
        ...base,
        cache: false, // each pair is a sample: answers of an earlier pair must not be served again
        simulation: simulation === undefined || seed === undefined ? undefined : { ...simulation, seed },
      };
      const pair = await submit(bus, input);
      if (pair.shadow === undefined)
        throw new UsageError(
          `the intake did not start a V1 shadow beside ${pair.runId}: compare needs both pipelines`,
        );
      const display = createProgressDisplay(ctx.stderr, Date.now());
      const summary = await followPair(
        bus,
        ctx,
        { ...pair, shadow: pair.shadow },
        join(outDir, `pair-${i + 1}`),
        display,
      ).finally(() => display.stop());
      if (summary === undefined) {
        ctx.stderr.write(`interrupted after ${pairs.length} of ${runs} pairs\n`);
        return 130;
      }
      pairs.push({ summary, seed });
      ctx.stderr.write(
        `pair ${i + 1}/${runs}${seed === undefined ? '' : ` (seed ${seed})`}: ${pairLine(summary)}\n`,
      );
    }
    const comparison = compareFigures(base.request, pairs);
    ctx.stdout.write(
      base.json ? `${JSON.stringify(comparison)}\n` : `${formatComparison(comparison, header)}\n`,
    );
    return ExitCode.ok;
  });
}

const pairLine = (s: ParallelSummary): string =>
  (['v1', 'v2'] as const)
    .map(
      (p) =>
        `${p} ${s[p].status} ${(s[p].precision * 100).toFixed(1)}% in ${(s[p].durationMs / 1000).toFixed(1)} s`,
    )
    .join(' · ');
