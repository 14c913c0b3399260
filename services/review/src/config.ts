import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

/** The review projector's environment. */
const ReviewEnv = z.object({
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export const ReviewConfig = ReviewEnv.superRefine(checkNatsEnv);
export type ReviewConfig = z.infer<typeof ReviewConfig>;
