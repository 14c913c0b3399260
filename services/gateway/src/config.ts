import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

const empty = (v: unknown) => (v === '' ? undefined : v);

/** The gateway's HTTP settings, shared with the CLI (which runs the gateway in `mge serve`). */
export const gatewayEnv = {
  /** The port it listens on. */
  MGE_GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** The address it listens on (0.0.0.0 in a container). */
  MGE_GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  /** When set, every route but /healthz and /readyz wants `Authorization: Bearer <token>`. */
  MGE_API_TOKEN: z.preprocess(empty, z.string().min(16, 'must be at least 16 characters').optional()),
  /** Origins allowed by CORS, comma-separated; unset: CORS off. */
  MGE_CORS_ORIGINS: z.preprocess(empty, z.string().optional()),
  /** How long a submission waits for the intake. */
  MGE_GATEWAY_SUBMIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
};

const GatewayEnv = z.object({
  ...natsEnv,
  ...gatewayEnv,
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export const GatewayConfig = GatewayEnv.superRefine(checkNatsEnv);
export type GatewayConfig = z.infer<typeof GatewayConfig>;

/** What the gateway reads from its environment. */
export interface GatewaySettings {
  readonly MGE_GATEWAY_PORT: number;
  readonly MGE_GATEWAY_HOST: string;
  readonly MGE_API_TOKEN?: string | undefined;
  readonly MGE_CORS_ORIGINS?: string | undefined;
  readonly MGE_GATEWAY_SUBMIT_TIMEOUT_MS: number;
}
