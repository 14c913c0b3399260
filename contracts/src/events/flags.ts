import { z } from 'zod';
import { RunId } from '../ids.js';

/** The flags that choose between the pipelines. */
export const FlagName = z.enum(['v2.enabled', 'v2.rollout']);
/** A flag name. */
export type FlagName = z.infer<typeof FlagName>;

/** Each flag's values: V2 on or off everywhere; the share of requests V2 serves, in percent. */
export const flagValues = {
  'v2.enabled': z.boolean(),
  'v2.rollout': z.number().min(0).max(100),
} as const satisfies Record<FlagName, z.ZodType>;

/** Every flag's value. */
export const Flags = z.object(flagValues).strict();
/** Flags. */
export type Flags = z.infer<typeof Flags>;

/** Flags never set: V2 on and serving every request. */
export const defaultFlags: Flags = Object.freeze({ 'v2.enabled': true, 'v2.rollout': 100 });

const FlagValue = z.union([z.boolean(), z.number()]);

/** A flag was set: by whom and why (system-wide: not part of a run). */
export const FlagChanged = z
  .object({
    flag: FlagName,
    value: FlagValue,
    previous: FlagValue,
    by: z.string().min(1),
    reason: z.string().min(1),
  })
  .strict()
  .refine((c) => flagValues[c.flag].safeParse(c.value).success, {
    message: 'does not fit the flag',
    path: ['value'],
  });
/** Data of FlagChanged. */
export type FlagChanged = z.infer<typeof FlagChanged>;

const rate = z.number().min(0).max(1);
const PipelineWindow = z
  .object({
    runs: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
    successRate: rate,
  })
  .strict();

/** What the rollout monitor saw: the window's counts and rates per pipeline, and the limits it applies. */
export const RolloutEvidence = z
  .object({
    window: z.number().int().positive(),
    v1: PipelineWindow,
    v2: PipelineWindow,
    /** Rollback when V2's success rate is below V1's by more than this. */
    maxGap: rate,
    /** Rollback when V2's failure rate passes this, whatever V1 does. */
    maxV2FailureRate: rate,
    rule: z.enum(['gap', 'ceiling']),
  })
  .strict();
/** Rollout evidence. */
export type RolloutEvidence = z.infer<typeof RolloutEvidence>;

/** The rollout monitor set V2's rollout to 0 because V2 did worse than allowed (system-wide). */
export const RolloutRolledBack = z
  .object({
    fromPercent: z.number().min(0).max(100),
    evidence: RolloutEvidence,
    /** The completed run that tipped the window. */
    lastRunId: RunId,
  })
  .strict();
/** Data of RolloutRolledBack. */
export type RolloutRolledBack = z.infer<typeof RolloutRolledBack>;

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The evidence in one line: both pipelines' success over the window, and the rule V2 broke. */
export function describeEvidence(e: RolloutEvidence): string {
  const rate = (w: RolloutEvidence['v1']) => `${percent(w.successRate)} (${w.succeeded}/${w.runs})`;
  const why =
    e.rule === 'gap'
      ? `more than ${Math.round(e.maxGap * 100)} points below V1`
      : `failure rate above ${percent(e.maxV2FailureRate)}`;
  return `V2 succeeded ${rate(e.v2)}, V1 ${rate(e.v1)} over the last ${e.window} runs (${why})`;
}
