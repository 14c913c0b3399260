import type { Assignment, Pipeline, RunMode } from './events/run.js';
import type { Flags } from './events/flags.js';

/** FNV-1a over UTF-16 code units, finished with murmur3's mixer so neighbouring keys spread evenly. */
export function hash32(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

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
