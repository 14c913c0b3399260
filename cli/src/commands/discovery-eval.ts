import { resolve } from 'node:path';
import { discover, evaluateDiscovery, loadCorpus } from '@mge/provider-offline';
import { z } from 'zod';
import { option } from '../args.js';
import { ExitCode } from '../errors.js';
import { formatDiscoveryEval } from '../format/discovery-eval.js';
import type { CommandContext } from './context.js';

const WorstCount = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().max(1000, 'must be at most 1000'));

/** Flags of `mge discovery eval`. */
export interface DiscoveryEvalFlags {
  readonly corpus?: string;
  readonly worst?: string;
  readonly json?: boolean;
}

/** `mge discovery eval`: the offline discovery measured on the labelled corpus (no bus, no model). */
export async function discoveryEvalCommand(flags: DiscoveryEvalFlags, ctx: CommandContext): Promise<number> {
  const worst = option('--worst', WorstCount, flags.worst ?? '10');
  const entries = await loadCorpus(flags.corpus === undefined ? undefined : resolve(flags.corpus));
  const result = evaluateDiscovery(entries, discover, worst);
  ctx.stdout.write(flags.json === true ? `${JSON.stringify(result)}\n` : formatDiscoveryEval(result));
  return ExitCode.ok;
}
