import { UpstreamError } from './errors.js';
import type { HandlerContext } from './nats/subscription.js';
import type { Outcome } from './nats/outcome.js';
import { retry } from './nats/outcome.js';
import type { ModelStep } from './retry.js';
import { decideModelRetry, modelFailureOf } from './retry.js';

/** What calling a model came to: its answer, a later redelivery, or a failure of the attempt or of the whole step. */
export type ModelCall<T> =
  | { readonly kind: 'answered'; readonly answer: T }
  | { readonly kind: 'retry'; readonly outcome: Outcome }
  | { readonly kind: 'failed'; readonly reason: string; readonly final: boolean };

/**
 * Calls a model from a handler; an UpstreamError is settled by the retry policy (`decideModelRetry`).
 * Anything else is not the model's failure and is thrown to the consume loop.
 */
export async function callModel<T>(
  call: () => Promise<T>,
  step: ModelStep,
  ctx: HandlerContext,
): Promise<ModelCall<T>> {
  try {
    return { kind: 'answered', answer: await call() };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const verdict = decideModelRetry(modelFailureOf(error), ctx.deliveryCount, step);
    if (verdict.kind === 'retry') return { kind: 'retry', outcome: retry(verdict.delayMs, error.message) };
    const tries = error.retryable ? ` (${ctx.deliveryCount} tries)` : '';
    return { kind: 'failed', reason: `${error.message}${tries}`, final: verdict.kind === 'fail-step' };
  }
}
