import type { UpstreamError } from './errors.js';

/** Deliveries a consumer whose handlers call a model allows: a rate-limit storm waits as long as the API asks. */
export const MODEL_MAX_DELIVER = 30;

/** Deliveries one atom attempt gets from a failing provider (5xx, overloaded, network, timeout) before it counts as failed. */
export const PROVIDER_TRIES = 4;

/** How long to wait before the next delivery: exponential in the deliveries so far, capped at 30 s, then `jitter` in [0, 1) adds ±25 %. */
export const backoffMs = (deliveries: number, jitter = Math.random()): number =>
  Math.round(Math.min(30_000, 250 * 2 ** Math.min(deliveries, 7)) * (0.75 + jitter / 2));

/** As long as the provider asked (`retryAfterMs`) and never less than the backoff, so a `retry-after: 0` does not spin. */
export const retryDelayMs = (
  retryAfterMs: number | undefined,
  deliveries: number,
  jitter = Math.random(),
): number => Math.max(retryAfterMs ?? 0, backoffMs(deliveries, jitter));

/** What went wrong with a model call, as far as retrying goes. */
export type ModelFailureKind = 'rate_limited' | 'unavailable' | 'malformed' | 'refused';

/** A failed model call: its kind, and how long the provider asked to wait. */
export interface ModelFailure {
  readonly kind: ModelFailureKind;
  readonly retryAfterMs?: number | undefined;
}

/** An atom can be attempted again; a stage (discovery, plan, atomizing) has one attempt, its answer rounds being the provider's. */
export type ModelStep = 'atom' | 'stage';

/** Redeliver the same message later; fail this attempt (another may mend it); or fail the step (no attempt can). */
export type ModelVerdict =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'fail-attempt' }
  | { readonly kind: 'fail-step' };

/** Deliveries a failure of each kind is retried for, and what happens once they are spent. */
interface Rule {
  readonly deliveries: number;
  readonly then: 'fail-attempt' | 'fail-step';
}

const RULES: Readonly<Record<ModelStep, Readonly<Record<ModelFailureKind, Rule>>>> = {
  atom: {
    rate_limited: { deliveries: MODEL_MAX_DELIVER, then: 'fail-attempt' },
    unavailable: { deliveries: PROVIDER_TRIES, then: 'fail-attempt' },
    malformed: { deliveries: 1, then: 'fail-attempt' },
    refused: { deliveries: 1, then: 'fail-step' },
  },
  stage: {
    rate_limited: { deliveries: MODEL_MAX_DELIVER, then: 'fail-step' },
    unavailable: { deliveries: MODEL_MAX_DELIVER, then: 'fail-step' },
    malformed: { deliveries: 1, then: 'fail-step' },
    refused: { deliveries: 1, then: 'fail-step' },
  },
};

/** The kind of an upstream failure: decided from what the adapter decided where the error was made. */
export const modelFailureOf = (error: UpstreamError): ModelFailure => ({
  kind:
    error.code === 'rate_limited'
      ? 'rate_limited'
      : error.retryable
        ? 'unavailable'
        : error.code === 'malformed_answer'
          ? 'malformed'
          : 'refused',
  retryAfterMs: error.retryAfterMs,
});

/** The one retry policy for model calls, every stage's and every atom's: the failure and the deliveries so far decide. */
export function decideModelRetry(
  failure: ModelFailure,
  deliveries: number,
  step: ModelStep,
  jitter = Math.random(),
): ModelVerdict {
  const rule = RULES[step][failure.kind];
  if (deliveries < rule.deliveries)
    return { kind: 'retry', delayMs: retryDelayMs(failure.retryAfterMs, deliveries, jitter) };
  return { kind: rule.then };
}
