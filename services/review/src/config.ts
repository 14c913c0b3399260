import { z } from 'zod';

/** The review projector's environment. */
export const ReviewConfig = z.object({
  /** Where NATS listens. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type ReviewConfig = z.infer<typeof ReviewConfig>;
