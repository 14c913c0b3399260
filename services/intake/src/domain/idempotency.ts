import type { RunSubmission } from '@mge/contracts';
import type { SubmissionOrigin } from './parse-submission.js';

/**
 * The key a submission is remembered by: its idempotency key when it has one, else its CloudEvent's
 * source and id (which CloudEvents makes unique per event, so a re-sent event is the same event).
 */
export const idempotencyKeyOf = (submission: RunSubmission, origin: SubmissionOrigin): string =>
  submission.idempotencyKey === undefined
    ? `ce:${origin.source}#${origin.id}`
    : `key:${submission.idempotencyKey}`;

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;

/** The submission as one string with sorted keys: the same request gives the same text, whatever its key order. */
export const canonicalSubmission = (submission: RunSubmission): string => {
  const { idempotencyKey: _key, ...rest } = submission;
  return JSON.stringify(canonical(rest));
};
