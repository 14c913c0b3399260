import { checkNatsEnv, natsEnv } from '@mge/kit';
import { claudeEnv } from '@mge/provider-anthropic';
import { z } from 'zod';

const empty = (v: unknown) => (v === '' ? undefined : v);

/** The intake's environment: pipeline assignment, provider defaults, idempotency and progress settings. */
export const intakeEnv = {
  /** `false` serves every submission with V1, whatever the flags or the submission say. */
  MGE_V2_ENABLED: z.preprocess(
    empty,
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
  ),
  /** The provider of a submission that names none (else anthropic when ANTHROPIC_API_KEY is set, else offline). */
  MGE_PROVIDER: z.preprocess(empty, z.enum(['offline', 'simulated', 'anthropic']).optional()),
  /** Simulated provider: mean latency of a 10-line atom when a submission gives no simulation. */
  MGE_SIM_LATENCY_MS: z.coerce.number().min(0).max(60_000).default(5),
  /** How long an idempotency key is remembered, in hours. */
  MGE_IDEMPOTENCY_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** The shortest gap between two progress snapshots of a run while atoms move, in milliseconds. */
  MGE_PROGRESS_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(250),
};

const IntakeEnv = z.object({
  ...natsEnv,
  ...claudeEnv,
  ...intakeEnv,
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export const IntakeConfig = IntakeEnv.superRefine(checkNatsEnv);
export type IntakeConfig = z.infer<typeof IntakeConfig>;
