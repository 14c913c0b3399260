import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNatsEnv, natsAuthEnv, natsUrl } from '@mge/kit';
import { gatewayEnv } from '@mge/gateway';
import { intakeEnv } from '@mge/intake';
import { claudeEnv } from '@mge/provider-anthropic';
import { artifactEnv, sandboxEnv } from '@mge/validator';
import { z } from 'zod';

const empty = (v: unknown) => (v === '' ? undefined : v);

/** The CLI's environment, parsed once. */
const CliEnv = z.object({
  /** The Anthropic provider's settings: ANTHROPIC_API_KEY (whose presence makes anthropic the default provider), ANTHROPIC_BASE_URL, MGE_MODEL, MGE_MAX_TOKENS, MGE_MODEL_TIMEOUT_MS. */
  ...claudeEnv,
  /** A NATS server to use (`nats://user:password@host:4222` with credentials); unset → an embedded nats-server shared under MGE_HOME. */
  NATS_URL: z.preprocess(empty, natsUrl.optional()),
  /** Credentials for NATS_URL outside the URL: NATS_TOKEN, NATS_CREDS (a .creds file) or NATS_NKEY (an nkey seed file). */
  ...natsAuthEnv,
  /** Where the embedded server keeps its store, and where logs go. */
  MGE_HOME: z.preprocess(empty, z.string().min(1).default(join(homedir(), '.mge'))),
  /** Rollout monitor: completed runs kept per pipeline in its sliding window. */
  MGE_ROLLOUT_WINDOW: z.coerce.number().int().min(1).max(1000).default(20),
  /** Rollout monitor: V2 runs in the window before V2 is judged. */
  MGE_ROLLOUT_MIN_RUNS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Rollout monitor: roll back when V2's success rate is below V1's by more than this (0–1). */
  MGE_ROLLOUT_MAX_GAP: z.coerce.number().min(0).max(1).default(0.1),
  /** Rollout monitor: roll back when V2's failure rate passes this (0–1). */
  MGE_ROLLOUT_MAX_V2_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.5),
  /** pino level of the in-process services (their log goes to MGE_HOME/logs). */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** The nats-server executable. */
  MGE_NATS_SERVER: z.string().min(1).default('nats-server'),
  /** Scratch space of the validator. */
  MGE_WORK_DIR: z.string().min(1).default(join(tmpdir(), 'mge-work')),
  /** The validator's sandbox: MGE_SANDBOX_TIMEOUT_MS, MGE_SANDBOX_MEMORY_MB, MGE_SANDBOX_NETWORK. */
  ...sandboxEnv,
  /** MGE_ARTIFACT_TTL_DAYS: how long built projects stay in the object store. */
  ...artifactEnv,
  /** The intake: MGE_V2_ENABLED, MGE_PROVIDER, MGE_SIM_LATENCY_MS, MGE_IDEMPOTENCY_TTL_HOURS, MGE_PROGRESS_INTERVAL_MS. */
  ...intakeEnv,
  /** The gateway of `mge serve`: MGE_GATEWAY_PORT, MGE_GATEWAY_HOST, MGE_API_TOKEN, MGE_CORS_ORIGINS, MGE_GATEWAY_SUBMIT_TIMEOUT_MS. */
  ...gatewayEnv,
});
export const CliConfig = CliEnv.superRefine(checkNatsEnv);
export type CliConfig = z.infer<typeof CliConfig>;
