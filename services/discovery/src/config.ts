import { claudeEnv } from '@mge/provider-anthropic';
import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

/** The discovery service's environment. */
const DiscoveryEnv = z.object({
  ...claudeEnv,
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Requests handled at once by this process. */
  MGE_DISCOVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
});
export const DiscoveryConfig = DiscoveryEnv.superRefine(checkNatsEnv);
export type DiscoveryConfig = z.infer<typeof DiscoveryConfig>;
