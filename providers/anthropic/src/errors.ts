import Anthropic from '@anthropic-ai/sdk';
import { UpstreamError } from '@mge/kit';

/** The API's own words about a failed request: `invalid_request_error: max_tokens: …`. */
function apiWords(error: InstanceType<typeof Anthropic.APIError>): string {
  const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
  const type = typeof body?.error?.type === 'string' ? body.error.type : (error.type ?? 'error');
  const message = typeof body?.error?.message === 'string' ? body.error.message : error.message;
  return `${type}: ${message}`;
}

/** How long the API asked us to wait: `retry-after-ms`, or `retry-after` in seconds or as a date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.get('retry-after');
  if (after === null || after === undefined) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Decides once, where the failure is seen, whether retrying can help: 429 (waiting as long as the API
 * said), 408/409, 5xx and 529, network errors and timeouts are retryable; any other refusal (400,
 * 401, 403, 404, 413, …) is final and says what the API said.
 */
export function upstreamErrorOf(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (error instanceof Anthropic.APIConnectionTimeoutError)
    return new UpstreamError('timeout', 'the Anthropic API did not answer in time', {
      retryable: true,
      cause: error,
    });
  if (error instanceof Anthropic.APIConnectionError)
    return new UpstreamError('network', `cannot reach the Anthropic API: ${error.message}`, {
      retryable: true,
      cause: error,
    });
  if (!(error instanceof Anthropic.APIError)) throw error;
  const failure = error as InstanceType<typeof Anthropic.APIError>;
  const status: number | undefined = failure.status;
  if (status === undefined) throw error;
  const words = `${status} ${apiWords(failure)}`;
  if (status === 429) {
    const after = retryAfterMs(failure.headers);
    return new UpstreamError('rate_limited', `the Anthropic API is rate limiting (${words})`, {
      retryable: true,
      ...(after === undefined ? {} : { retryAfterMs: after }),
      cause: error,
    });
  }
  if (status === 408 || status === 409 || status >= 500)
    return new UpstreamError(
      status === 529 ? 'overloaded' : 'server_error',
      `the Anthropic API failed (${words})`,
      {
        retryable: true,
        cause: error,
      },
    );
  return new UpstreamError('refused', `the Anthropic API refused the request (${words})`, {
    retryable: false,
    cause: error,
  });
}
