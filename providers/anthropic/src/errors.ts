import Anthropic from '@anthropic-ai/sdk';
import type { UpstreamErrorCode } from '@mge/kit';
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

/** Error types the API sends in a stream's `error` event that retrying can get past. */
const TRANSIENT_TYPES: Readonly<Record<string, UpstreamErrorCode>> = {
  overloaded_error: 'overloaded',
  api_error: 'server_error',
  rate_limit_error: 'rate_limited',
  timeout_error: 'timeout',
};

/**
 * Decides once, where the failure is seen, whether retrying can help: 429 (waiting as long as the API
 * said), 408/409, 5xx and 529, a stream broken by a transient error event, network errors, dropped
 * streams and timeouts are retryable; any other refusal (400, 401, 403, 404, 413, …) is final and
 * says what the API said. Anything else is a bug and is thrown as it is.
 */
export function upstreamErrorOf(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const retryable = (code: UpstreamErrorCode, message: string, extra: { retryAfterMs?: number } = {}) =>
    new UpstreamError(code, message, { retryable: true, ...extra, cause: error });
  if (error instanceof Anthropic.APIUserAbortError || error instanceof Anthropic.APIConnectionTimeoutError)
    return retryable('timeout', 'the Anthropic API did not answer in time');
  if (error instanceof Anthropic.APIConnectionError)
    return retryable('network', `cannot reach the Anthropic API: ${error.message}`);
  if (error instanceof Anthropic.APIError) {
    const failure = error as InstanceType<typeof Anthropic.APIError>;
    const status: number | undefined = failure.status;
    if (status === undefined) {
      // an `error` event in the middle of a streamed answer
      const words = apiWords(failure);
      const code = TRANSIENT_TYPES[words.split(':')[0] ?? ''];
      if (code !== undefined) return retryable(code, `the Anthropic API failed mid-answer (${words})`);
      return new UpstreamError('refused', `the Anthropic API refused mid-answer (${words})`, {
        retryable: false,
        cause: error,
      });
    }
    const words = `${status} ${apiWords(failure)}`;
    if (status === 429) {
      const after = retryAfterMs(failure.headers);
      return retryable(
        'rate_limited',
        `the Anthropic API is rate limiting (${words})`,
        after === undefined ? {} : { retryAfterMs: after },
      );
    }
    if (status === 408 || status === 409 || status >= 500)
      return retryable(status === 529 ? 'overloaded' : 'server_error', `the Anthropic API failed (${words})`);
    return new UpstreamError('refused', `the Anthropic API refused the request (${words})`, {
      retryable: false,
      cause: error,
    });
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
    return retryable('timeout', 'the Anthropic API did not finish its answer in time');
  if (
    error instanceof Anthropic.AnthropicError ||
    (error instanceof TypeError && error.message === 'terminated')
  )
    return retryable('network', `the Anthropic API's answer broke off: ${error.message}`);
  throw error;
}
