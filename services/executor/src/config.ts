import { claudeEnv } from '@mge/provider-anthropic';
import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

/** The executor's environment. */
const ExecutorEnv = z.object({
  ...claudeEnv,
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Atom generations running at once in this process. */
  MGE_EXECUTOR_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  /** Atom generations running at once across every executor replica. */
  MGE_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  /** How long a scheduler that stopped renewing its lease keeps it before another replica takes over. */
  MGE_SCHEDULER_LEASE_MS: z.coerce.number().int().min(500).max(60_000).default(3_000),
});
export const ExecutorConfig = ExecutorEnv.superRefine(checkNatsEnv);
export type ExecutorConfig = z.infer<typeof ExecutorConfig>;
