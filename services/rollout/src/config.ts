import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';
import type { Thresholds } from './domain/window.js';

/** The rollout monitor's environment. */
const RolloutEnv = z.object({
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Completed runs kept per pipeline in the sliding window. */
  MGE_ROLLOUT_WINDOW: z.coerce.number().int().min(1).max(1000).default(20),
  /** V2 runs in the window before V2 is judged (and V1 runs before they are compared). */
  MGE_ROLLOUT_MIN_RUNS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Roll back when V2's success rate is below V1's by more than this (0–1). */
  MGE_ROLLOUT_MAX_GAP: z.coerce.number().min(0).max(1).default(0.1),
  /** Roll back when V2's failure rate passes this (0–1), whatever V1 does. */
  MGE_ROLLOUT_MAX_V2_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.5),
});
export const RolloutConfig = RolloutEnv.superRefine(checkNatsEnv);
export type RolloutConfig = z.infer<typeof RolloutConfig>;

/** The monitor's thresholds, from the config. */
export const thresholdsOf = (
  config: Pick<
    RolloutConfig,
    'MGE_ROLLOUT_WINDOW' | 'MGE_ROLLOUT_MIN_RUNS' | 'MGE_ROLLOUT_MAX_GAP' | 'MGE_ROLLOUT_MAX_V2_FAILURE_RATE'
  >,
): Thresholds => ({
  size: config.MGE_ROLLOUT_WINDOW,
  minRuns: config.MGE_ROLLOUT_MIN_RUNS,
  maxGap: config.MGE_ROLLOUT_MAX_GAP,
  maxV2FailureRate: config.MGE_ROLLOUT_MAX_V2_FAILURE_RATE,
});
