import { claudeEnv } from '@mge/provider-anthropic';
import { z } from 'zod';

/** The executor's environment. */
export const ExecutorConfig = z.object({
  ...claudeEnv,
  /** Where NATS listens. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Atom generations running at once in this process. */
  MGE_EXECUTOR_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  /** Atom generations running at once across every executor replica. */
  MGE_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  /** How long a scheduler that stopped renewing its lease keeps it before another replica takes over. */
  MGE_SCHEDULER_LEASE_MS: z.coerce.number().int().min(500).max(60_000).default(3_000),
});
export type ExecutorConfig = z.infer<typeof ExecutorConfig>;
