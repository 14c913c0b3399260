import { claudeEnv } from '@mge/provider-anthropic';
import { z } from 'zod';

/** The planner service's environment. */
export const PlannerConfig = z.object({
  ...claudeEnv,
  /** Where NATS listens. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Plans written at once by this process. */
  MGE_PLANNER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
});
export type PlannerConfig = z.infer<typeof PlannerConfig>;
