import { resolve } from 'node:path';
import type { DiscoveryDocument, ProviderName, RunMode } from '@mge/contracts';
import type { CliConfig } from '../config.js';
import { Concurrency, FaultRate, option, readSpec, Seed } from '../args.js';
import { UsageError } from '../errors.js';

export interface RunFlags {
  readonly spec?: string;
  readonly out?: string;
  readonly mode?: string;
  readonly provider?: string;
  readonly concurrency?: string;
  readonly faultRate?: string;
  readonly seed?: string;
  readonly json?: boolean;
}

/** A run request checked from end to end before anything starts. */
export interface RunInput {
  readonly request: string;
  readonly spec: DiscoveryDocument | undefined;
  readonly outDir: string;
  readonly mode: RunMode;
  readonly provider: ProviderName;
  readonly concurrency: number;
  readonly json: boolean;
  readonly notes: string[];
}

const AVAILABLE_MODES = ['v2'];
const AVAILABLE_PROVIDERS = ['offline'];

function chooseProvider(flag: string | undefined, config: CliConfig, notes: string[]): ProviderName {
  const wanted =
    flag ?? config.MGE_PROVIDER ?? (config.ANTHROPIC_API_KEY === undefined ? 'offline' : 'anthropic');
  if (!['offline', 'simulated', 'anthropic'].includes(wanted))
    throw new UsageError(`--provider: unknown provider ${wanted}; choose offline`);
  if (AVAILABLE_PROVIDERS.includes(wanted)) return wanted as ProviderName;
  if (flag === undefined && config.MGE_PROVIDER === undefined) {
    notes.push(
      'ANTHROPIC_API_KEY is set, but the anthropic provider is not available in this version; using offline',
    );
    return 'offline';
  }
  throw new UsageError(`--provider: ${wanted} is not available in this version; use --provider offline`);
}

export async function parseRunInput(
  request: string | undefined,
  flags: RunFlags,
  config: CliConfig,
  runId: string,
): Promise<RunInput> {
  const text = (request ?? '').trim();
  const spec = flags.spec === undefined ? undefined : await readSpec(flags.spec);
  if (text === '' && spec === undefined) {
    throw new UsageError(
      'the request is empty: describe the backend, e.g. mge run "Create a REST API for user management", or pass --spec FILE',
    );
  }
  const mode = flags.mode ?? 'v2';
  if (!['v1', 'v2', 'parallel'].includes(mode))
    throw new UsageError(`--mode: unknown mode ${mode}; choose v2`);
  if (!AVAILABLE_MODES.includes(mode))
    throw new UsageError(`--mode: ${mode} is not available in this version; use --mode v2`);
  const notes: string[] = [];
  const provider = chooseProvider(flags.provider, config, notes);
  if (flags.faultRate !== undefined || flags.seed !== undefined) {
    option('--fault-rate', FaultRate.optional(), flags.faultRate);
    option('--seed', Seed.optional(), flags.seed);
    throw new UsageError(
      '--fault-rate and --seed need --provider simulated, which is not available in this version',
    );
  }
  return {
    request: text,
    spec,
    outDir: resolve(flags.out ?? `out/${runId}`),
    mode: mode as RunMode,
    provider,
    concurrency: option('--concurrency', Concurrency, flags.concurrency ?? '16'),
    json: flags.json === true,
    notes,
  };
}
