import { describe, expect, it } from '@jest/globals';
import { UpstreamError } from './errors.js';
import type { ModelFailureKind, ModelStep, ModelVerdict } from './retry.js';
import {
  backoffMs,
  decideModelRetry,
  MODEL_MAX_DELIVER,
  modelFailureOf,
  PROVIDER_TRIES,
  retryDelayMs,
} from './retry.js';

/** Jitter fixed at the middle of its range: the backoff is exactly 250 ms × 2^deliveries, at most 30 s. */
const JITTER = 0.5;

describe('decideModelRetry', () => {
  const cases: ReadonlyArray<[ModelStep, ModelFailureKind, number, ModelVerdict]> = [
    // An atom: rate limits wait as long as the consumer allows; outages get a few tries; then the attempt fails.
    ['atom', 'rate_limited', 1, { kind: 'retry', delayMs: 500 }],
    ['atom', 'rate_limited', MODEL_MAX_DELIVER - 1, { kind: 'retry', delayMs: 30_000 }],
    ['atom', 'rate_limited', MODEL_MAX_DELIVER, { kind: 'fail-attempt' }],
    ['atom', 'unavailable', 1, { kind: 'retry', delayMs: 500 }],
    ['atom', 'unavailable', PROVIDER_TRIES - 1, { kind: 'retry', delayMs: 2_000 }],
    ['atom', 'unavailable', PROVIDER_TRIES, { kind: 'fail-attempt' }],
    ['atom', 'malformed', 1, { kind: 'fail-attempt' }],
    ['atom', 'refused', 1, { kind: 'fail-step' }],
    // A stage has one attempt: whatever cannot be retried ends the step.
    ['stage', 'rate_limited', 3, { kind: 'retry', delayMs: 2_000 }],
    ['stage', 'rate_limited', MODEL_MAX_DELIVER, { kind: 'fail-step' }],
    ['stage', 'unavailable', PROVIDER_TRIES, { kind: 'retry', delayMs: 4_000 }],
    ['stage', 'unavailable', MODEL_MAX_DELIVER, { kind: 'fail-step' }],
    ['stage', 'malformed', 1, { kind: 'fail-step' }],
    ['stage', 'refused', 1, { kind: 'fail-step' }],
  ];

  it.each(cases)('%s, %s, delivery %i → %j', (step, kind, deliveries, verdict) => {
    expect(decideModelRetry({ kind }, deliveries, step, JITTER)).toEqual(verdict);
  });

  it('waits as long as the provider asked when that is longer than the backoff', () => {
    expect(decideModelRetry({ kind: 'rate_limited', retryAfterMs: 12_000 }, 1, 'atom', JITTER)).toEqual({
      kind: 'retry',
      delayMs: 12_000,
    });
  });
});

describe('retry delays', () => {
  it('grow exponentially to a 30 s cap, with ±25 % jitter', () => {
    expect([0, 1, 2, 3].map((d) => backoffMs(d, JITTER))).toEqual([250, 500, 1_000, 2_000]);
    expect(backoffMs(2, 0)).toBe(750);
    expect(backoffMs(2, 0.999)).toBeLessThanOrEqual(1_250);
    expect(backoffMs(50, JITTER)).toBe(30_000);
    expect(backoffMs(50, 0.999)).toBeLessThanOrEqual(37_500);
  });

  it('never wait less than the backoff, so a retry-after of 0 does not spin', () => {
    expect(retryDelayMs(0, 2, JITTER)).toBe(1_000);
  });
});

describe('modelFailureOf', () => {
  const failure = (code: UpstreamError['code'], retryable: boolean) =>
    modelFailureOf(new UpstreamError(code, 'x', { retryable, retryAfterMs: 7 }));

  it('takes its kind from what the adapter decided', () => {
    expect(failure('rate_limited', true)).toEqual({ kind: 'rate_limited', retryAfterMs: 7 });
    expect(failure('overloaded', true).kind).toBe('unavailable');
    expect(failure('timeout', true).kind).toBe('unavailable');
    expect(failure('malformed_answer', false).kind).toBe('malformed');
    expect(failure('prompt_too_large', false).kind).toBe('refused');
    expect(failure('no_api_key', false).kind).toBe('refused');
  });
});
