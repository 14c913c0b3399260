import { claudeEnv } from '@mge/provider-anthropic';
import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

/** The atomizer service's environment. */
const AtomizerEnv = z.object({
  ...claudeEnv,
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Plans atomized at once by this process. */
  MGE_ATOMIZER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
});
export const AtomizerConfig = AtomizerEnv.superRefine(checkNatsEnv);
export type AtomizerConfig = z.infer<typeof AtomizerConfig>;
