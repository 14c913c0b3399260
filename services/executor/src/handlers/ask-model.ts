import { createHash } from 'node:crypto';
import type { HandlerContext, Outcome } from '@mge/kit';
import { retry, UpstreamError } from '@mge/kit';
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

/** Calls the model, timing it; an UpstreamError becomes a retry or a refusal as the provider decided. */
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
    if (error.retryable) return { kind: 'retry', outcome: retry(error.retryAfterMs ?? 1_000, error.message) };
    return { kind: 'refused', reason: error.message };
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
