import { describe, expect, it } from '@jest/globals';
import type { HandlerContext } from '@mge/kit';
import { MODEL_MAX_DELIVER, PROVIDER_TRIES, silentLogger, UpstreamError } from '@mge/kit';
import { askModel } from './ask-model.js';

const ctx = (deliveryCount: number): HandlerContext => ({
  deliveryCount,
  logger: silentLogger(),
  working: () => undefined,
});
const failing = (error: UpstreamError) => () => Promise.reject(error);
const rateLimited = new UpstreamError('rate_limited', 'slow down', { retryable: true, retryAfterMs: 2_000 });
const overloaded = new UpstreamError(
  'overloaded',
  'the Anthropic API failed (529 overloaded_error: Overloaded)',
  {
    retryable: true,
  },
);

describe('asking the model for an atom', () => {
  it('records what the model wrote, with the hash and size of the code', async () => {
    const answer = {
      code: 'export const a = 1;\nexport const b = 2;',
      tokens: { input: 5, output: 7 },
      costUsd: 0.001,
    };
    const result = await askModel(() => Promise.resolve(answer), 'anthropic', ctx(1));
    expect(result).toMatchObject({
      kind: 'written',
      written: { lines: 2, provider: 'anthropic', costUsd: 0.001 },
    });
    if (result.kind === 'written') expect(result.written.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('delays a rate-limited attempt as long as the API asked (at least the backoff), without failing it', async () => {
    for (const delivery of [1, 2])
      expect(await askModel(failing(rateLimited), 'anthropic', ctx(delivery))).toEqual({
        kind: 'retry',
        outcome: { kind: 'retry', delayMs: 2_000, reason: 'slow down' },
      });
    const later = await askModel(failing(rateLimited), 'anthropic', ctx(8));
    expect(later.kind === 'retry' && later.outcome.kind === 'retry' && later.outcome.delayMs).toBeGreaterThan(
      20_000,
    );
    const now = new UpstreamError('rate_limited', 'slow down', { retryable: true, retryAfterMs: 0 });
    const noSpin = await askModel(failing(now), 'anthropic', ctx(1));
    expect(
      noSpin.kind === 'retry' && noSpin.outcome.kind === 'retry' && noSpin.outcome.delayMs,
    ).toBeGreaterThanOrEqual(375);
  });

  it('fails a still rate-limited attempt on the last delivery, so the run goes on', async () => {
    expect(await askModel(failing(rateLimited), 'anthropic', ctx(MODEL_MAX_DELIVER))).toEqual({
      kind: 'refused',
      reason: `slow down (${MODEL_MAX_DELIVER} tries)`,
      retryable: true,
    });
  });

  it('backs off a failing provider, then after PROVIDER_TRIES deliveries counts the attempt as failed', async () => {
    const first = await askModel(failing(overloaded), 'anthropic', ctx(1));
    expect(first.kind).toBe('retry');
    if (first.kind === 'retry' && first.outcome.kind === 'retry') {
      expect(first.outcome.delayMs).toBeGreaterThanOrEqual(375);
      expect(first.outcome.delayMs).toBeLessThanOrEqual(625);
    }
    expect(await askModel(failing(overloaded), 'anthropic', ctx(PROVIDER_TRIES))).toEqual({
      kind: 'refused',
      reason: `the Anthropic API failed (529 overloaded_error: Overloaded) (${PROVIDER_TRIES} tries)`,
      retryable: true,
    });
  });

  it('counts a malformed answer as an attempt another attempt can mend', async () => {
    const malformed = new UpstreamError('malformed_answer', "the model's write_atom answer is not valid", {
      retryable: false,
    });
    expect(await askModel(failing(malformed), 'anthropic', ctx(1))).toMatchObject({
      kind: 'refused',
      retryable: true,
    });
  });

  it('records a final refusal at once, in the API words, as one no attempt can change', async () => {
    const refused = new UpstreamError(
      'refused',
      'the Anthropic API refused the request (401 authentication_error: x)',
      {
        retryable: false,
      },
    );
    expect(await askModel(failing(refused), 'anthropic', ctx(1))).toEqual({
      kind: 'refused',
      reason: 'the Anthropic API refused the request (401 authentication_error: x)',
      retryable: false,
    });
  });
});
