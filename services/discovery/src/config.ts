import { claudeEnv } from '@mge/provider-anthropic';
import { z } from 'zod';

/** The discovery service's environment. */
export const DiscoveryConfig = z.object({
  ...claudeEnv,
  /** Where NATS listens. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Requests handled at once by this process. */
  MGE_DISCOVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
});
export type DiscoveryConfig = z.infer<typeof DiscoveryConfig>;
