import { createHash } from 'node:crypto';
import type { HandlerContext, Outcome } from '@mge/kit';
import { backoffMs, retry, UpstreamError } from '@mge/kit';
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
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Deliveries of one attempt a failing provider (5xx, overloaded, network, timeout) gets before the
 * attempt counts as failed; a rate limit (429) only ever delays it.
 */
export const PROVIDER_TRIES = 4;

/**
 * Calls the model, timing it. A retryable UpstreamError delays the work message (as long as the API
 * asked, else backing off) without failing the attempt, up to PROVIDER_TRIES deliveries unless rate
 * limited; any other becomes a refusal, recorded as a failed attempt.
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
    const rateLimited = error.code === 'rate_limited';
    if (error.retryable && (rateLimited || ctx.deliveryCount < PROVIDER_TRIES))
      return {
        kind: 'retry',
        outcome: retry(error.retryAfterMs ?? backoffMs(ctx.deliveryCount), error.message),
      };
    const tries = error.retryable ? ` (${ctx.deliveryCount} tries)` : '';
    return { kind: 'refused', reason: `${error.message}${tries}` };
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
