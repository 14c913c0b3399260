import { claudeEnv } from '@mge/provider-anthropic';
import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

/** The planner service's environment. */
const PlannerEnv = z.object({
  ...claudeEnv,
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Plans written at once by this process. */
  MGE_PLANNER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
});
export const PlannerConfig = PlannerEnv.superRefine(checkNatsEnv);
export type PlannerConfig = z.infer<typeof PlannerConfig>;
