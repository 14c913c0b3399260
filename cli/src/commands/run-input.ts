import { resolve } from 'node:path';
import type {
  DiscoveryDocument,
  ProviderName,
  RunMode,
  RunSubmissionInput,
  SimulationSettings,
} from '@mge/contracts';
import type { CliConfig } from '../config.js';
import {
  AssignmentKey,
  BudgetUsd,
  Concurrency,
  FaultRate,
  LatencyMs,
  Mode,
  option,
  readSpec,
  Seed,
  Temperatures,
} from '../args.js';
import { UsageError } from '../errors.js';

export interface RunFlags {
  readonly spec?: string;
  readonly out?: string;
  readonly mode?: string;
  readonly provider?: string;
  readonly concurrency?: string;
  readonly faultRate?: string;
  readonly seed?: string;
  readonly latencyMs?: string;
  readonly failAtom?: string[];
  readonly budgetUsd?: string;
  readonly temperatures?: string;
  readonly user?: string;
  readonly tenant?: string;
  readonly idempotencyKey?: string;
  readonly json?: boolean;
  /** `--no-cache` sets it false. */
  readonly cache?: boolean;
  readonly strict?: boolean;
}

/** A run request checked from end to end before anything starts. */
export interface RunInput {
  readonly request: string;
  readonly spec: DiscoveryDocument | undefined;
  /** Where the project is written when the run completes; unset: `out/<runId>`. */
  readonly outDir: string | undefined;
  /** What was asked for; unset: the rollout decides. */
  readonly mode: RunMode | undefined;
  /** The key the rollout hashes (the intake hashes the run id when neither is given). */
  readonly user: string | undefined;
  readonly tenant: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly provider: ProviderName;
  /** The Claude model of an anthropic run, and its stage calls' `max_tokens`. */
  readonly model: string | undefined;
  readonly maxTokens: number | undefined;
  /** Whether identical model calls may be answered from the response cache. */
  readonly cache: boolean;
  /** Stop before planning when discovery is unsure. */
  readonly strict: boolean;
  readonly concurrency: number;
  readonly budgetUsd: number | undefined;
  /** One per attempt: the retry schedule. */
  readonly temperatures: number[];
  readonly simulation: SimulationSettings | undefined;
  readonly json: boolean;
  readonly notes: string[];
}

const PROVIDERS = ['offline', 'simulated', 'anthropic'];

/** The provider asked for, else MGE_PROVIDER, else anthropic when a key is set, else offline. */
function chooseProvider(flag: string | undefined, config: CliConfig): ProviderName {
  const wanted =
    flag ?? config.MGE_PROVIDER ?? (config.ANTHROPIC_API_KEY === undefined ? 'offline' : 'anthropic');
  if (!PROVIDERS.includes(wanted))
    throw new UsageError(`--provider: unknown provider ${wanted}; choose ${PROVIDERS.join(', ')}`);
  if (wanted === 'anthropic' && config.ANTHROPIC_API_KEY === undefined)
    throw new UsageError(
      '--provider anthropic needs ANTHROPIC_API_KEY: export ANTHROPIC_API_KEY=sk-ant-… (see "Using Claude" in the README), or use --provider offline',
    );
  return wanted as ProviderName;
}

export async function parseRunInput(
  request: string | undefined,
  flags: RunFlags,
  config: CliConfig,
): Promise<RunInput> {
  const text = (request ?? '').trim();
  const spec = flags.spec === undefined ? undefined : await readSpec(flags.spec);
  if (text === '' && spec === undefined) {
    throw new UsageError(
      'the request is empty: describe the backend, e.g. mge run "Create a REST API for user management", or pass --spec FILE',
    );
  }
  const mode = flags.mode === undefined ? undefined : option('--mode', Mode, flags.mode);
  if (flags.user !== undefined && flags.tenant !== undefined)
    throw new UsageError('--user and --tenant: give one of them, the key the rollout hashes');
  const notes: string[] = [];
  const provider = chooseProvider(flags.provider, config);
  const simulation = simulationOf(provider, flags, config);
  return {
    request: text,
    spec,
    outDir: flags.out === undefined ? undefined : resolve(flags.out),
    mode,
    user: flags.user === undefined ? undefined : option('--user', AssignmentKey, flags.user),
    tenant: flags.tenant === undefined ? undefined : option('--tenant', AssignmentKey, flags.tenant),
    idempotencyKey:
      flags.idempotencyKey === undefined
        ? undefined
        : option('--idempotency-key', AssignmentKey, flags.idempotencyKey),
    provider,
    model: provider === 'anthropic' ? config.MGE_MODEL : undefined,
    maxTokens: provider === 'anthropic' ? config.MGE_MAX_TOKENS : undefined,
    cache: flags.cache !== false,
    strict: flags.strict === true,
    concurrency: option('--concurrency', Concurrency, flags.concurrency ?? '16'),
    budgetUsd: flags.budgetUsd === undefined ? undefined : option('--budget-usd', BudgetUsd, flags.budgetUsd),
    temperatures: option('--temperatures', Temperatures, flags.temperatures ?? '0.7,0.5,0.3,0.3'),
    simulation,
    json: flags.json === true,
    notes,
  };
}

/** The simulated provider's settings from the flags (seed 1, fault rate 0.1 and MGE_SIM_LATENCY_MS by default). */
function simulationOf(
  provider: ProviderName,
  flags: RunFlags,
  config: CliConfig,
): SimulationSettings | undefined {
  const given = [
    ['--fault-rate', flags.faultRate],
    ['--seed', flags.seed],
    ['--latency-ms', flags.latencyMs],
    ['--fail-atom', flags.failAtom],
  ].filter(([, value]) => value !== undefined);
  if (provider !== 'simulated') {
    if (given.length > 0) throw new UsageError(`${given[0]![0] as string} needs --provider simulated`);
    return undefined;
  }
  return {
    seed: option('--seed', Seed, flags.seed ?? '1'),
    faultRate: option('--fault-rate', FaultRate, flags.faultRate ?? '0.1'),
    latencyMs: option('--latency-ms', LatencyMs, flags.latencyMs ?? config.MGE_SIM_LATENCY_MS),
    failing: flags.failAtom ?? [],
  };
}

/** The submission the intake gets for this input: what was asked, nothing the CLI decides. */
export function submissionOf(input: RunInput): RunSubmissionInput {
  return {
    ...(input.request === '' ? {} : { request: input.request }),
    ...(input.spec === undefined ? {} : { spec: input.spec }),
    ...(input.mode === undefined ? {} : { mode: input.mode }),
    provider: input.provider,
    ...(input.user === undefined ? {} : { user: input.user }),
    ...(input.tenant === undefined ? {} : { tenant: input.tenant }),
    concurrency: input.concurrency,
    ...(input.budgetUsd === undefined ? {} : { budgetUsd: input.budgetUsd }),
    temperatures: input.temperatures,
    ...(input.simulation === undefined ? {} : { simulation: input.simulation }),
    ...(input.model === undefined ? {} : { model: input.model }),
    ...(input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens }),
    ...(input.cache ? {} : { cache: false }),
    ...(input.strict ? { strict: true } : {}),
    ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
  };
}
