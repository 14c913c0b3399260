import { createHash } from 'node:crypto';
import type { HandlerContext, Outcome } from '@mge/kit';
import { MODEL_MAX_DELIVER, retry, retryDelayMs, UpstreamError } from '@mge/kit';
import type { AtomAnswer } from '../ports.js';

/** What a generation event records about the code a model wrote. */
export interface WrittenCode {
  readonly code: string;
  readonly codeHash: string;
  readonly lines: number;
  readonly provider: string;
  readonly tokens: AtomAnswer['tokens'];
  readonly costUsd: number;
  readonly durationMs: number;
}

/** What asking a model came to: code, a retry later (the provider said so), or a refusal to record. */
export type ModelResult =
  | { readonly kind: 'written'; readonly written: WrittenCode }
  | { readonly kind: 'retry'; readonly outcome: Outcome }
  | { readonly kind: 'refused'; readonly reason: string; readonly retryable: boolean };

/**
 * Deliveries of one attempt a failing provider (5xx, overloaded, network, timeout) gets before the
 * attempt counts as failed; a rate limit (429) delays it up to the consumer's MODEL_MAX_DELIVER.
 */
export const PROVIDER_TRIES = 4;

/**
 * Calls the model, timing it. A retryable UpstreamError delays the work message (as long as the API
 * asked, and at least the backoff) without failing the attempt, up to PROVIDER_TRIES deliveries
 * (MODEL_MAX_DELIVER when rate limited); then, or for any other error, the attempt fails: as one
 * another attempt may mend (`retryable`), or as a refusal no attempt can change.
 */
export async function askModel(
  call: () => Promise<AtomAnswer>,
  provider: string,
  ctx: HandlerContext,
): Promise<ModelResult> {
  const started = performance.now();
  let answer: AtomAnswer;
  try {
    answer = await call();
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const allowed = error.code === 'rate_limited' ? MODEL_MAX_DELIVER : PROVIDER_TRIES;
    if (error.retryable && ctx.deliveryCount < allowed)
      return { kind: 'retry', outcome: retry(retryDelayMs(error, ctx.deliveryCount), error.message) };
    const tries = error.retryable ? ` (${ctx.deliveryCount} tries)` : '';
    // another attempt can mend a malformed answer or outlast a failing provider, not a refusal
    const retryable = error.retryable || error.code === 'malformed_answer';
    return { kind: 'refused', reason: `${error.message}${tries}`, retryable };
  }
  ctx.working();
  const written = {
    code: answer.code,
    codeHash: createHash('sha256').update(answer.code).digest('hex'),
    lines: answer.code.split('\n').length,
    provider,
    tokens: answer.tokens,
    costUsd: answer.costUsd,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  };
  return { kind: 'written', written };
}
