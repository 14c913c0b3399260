import { createHash } from 'node:crypto';
import type { HandlerContext, Outcome } from '@mge/kit';
import { callModel, elapsedMs } from '@mge/kit';
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

/** What asking a model came to: code, a retry later (the provider said so), or a failed attempt to record. */
export type ModelResult =
  | { readonly kind: 'written'; readonly written: WrittenCode }
  | { readonly kind: 'retry'; readonly outcome: Outcome }
  | { readonly kind: 'refused'; readonly reason: string; readonly retryable: boolean };

/**
 * Calls the model for an atom or a V1 file, timing it; a failure is settled by kit's retry policy:
 * redelivered later, the attempt failed (`retryable`: another attempt may mend it), or refused for good.
 */
export async function askModel(
  call: () => Promise<AtomAnswer>,
  provider: string,
  ctx: HandlerContext,
): Promise<ModelResult> {
  const started = performance.now();
  const result = await callModel(call, 'atom', ctx);
  if (result.kind === 'retry') return result;
  if (result.kind === 'failed') return { kind: 'refused', reason: result.reason, retryable: !result.final };
  ctx.working();
  const { answer } = result;
  const written = {
    code: answer.code,
    codeHash: createHash('sha256').update(answer.code).digest('hex'),
    lines: answer.code.split('\n').length,
    provider,
    tokens: answer.tokens,
    costUsd: answer.costUsd,
    durationMs: elapsedMs(started),
  };
  return { kind: 'written', written };
}
