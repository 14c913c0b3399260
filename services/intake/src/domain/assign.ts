import type { Assignment, Flags, Pipeline, RunMode } from '@mge/contracts';
import { hash32 } from '@mge/contracts';

/** Where a key falls in [0, 100): the same key always falls in the same place. */
export const rolloutBucket = (key: string): number => (hash32(key) % 10_000) / 100;

/** What decides a request's pipeline. */
export interface AssignmentInput {
  readonly flags: Flags;
  /** `MGE_V2_ENABLED` of the process: `false` wins over everything. */
  readonly v2EnabledEnv: boolean;
  /** The user or tenant key, else the run id. */
  readonly key: string;
  /** The mode the requester asked for, when it did. */
  readonly requested?: RunMode | undefined;
}

/** The pipelines a request runs and which of them serves it. */
export interface PipelineChoice {
  readonly serving: Pipeline;
  /** The pipeline that runs beside as a shadow (parallel mode), if any. */
  readonly shadow: Pipeline | undefined;
  readonly assignment: Assignment;
}

/**
 * Assigns a request: V2 switched off (by the environment or the flag) means V1 only; an explicit
 * `v1`/`v2` is an override; otherwise the key's bucket against the rollout percentage decides, and
 * `parallel` adds the other pipeline as a shadow.
 */
export function assignPipeline(input: AssignmentInput): PipelineChoice {
  const rolloutPercent = input.flags['v2.rollout'];
  const base = { key: input.key, rolloutPercent };
  if (!input.v2EnabledEnv || !input.flags['v2.enabled'])
    return { serving: 'v1', shadow: undefined, assignment: { ...base, reason: 'v2-disabled' } };
  if (input.requested === 'v1' || input.requested === 'v2')
    return { serving: input.requested, shadow: undefined, assignment: { ...base, reason: 'override' } };
  const serving: Pipeline = rolloutBucket(input.key) < rolloutPercent ? 'v2' : 'v1';
  const shadow = input.requested === 'parallel' ? (serving === 'v2' ? 'v1' : 'v2') : undefined;
  return { serving, shadow, assignment: { ...base, reason: 'rollout' } };
}
