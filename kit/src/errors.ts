/** The base of every MGE error: a stable `code`, whether retrying may help, and the cause. */
export class MgeError extends Error {
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** A user's or a message's input is wrong; retrying the same input cannot help. */
export class ValidationFailure extends MgeError {
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[] = [], options: { cause?: unknown } = {}) {
    super('invalid_input', issues.length > 0 ? `${message}: ${issues.join('; ')}` : message, options);
    this.issues = issues;
  }
}

/** A step was asked of something in the wrong state (e.g. a plan with a cycle). */
export class IllegalStateError extends MgeError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/** Infrastructure (NATS, the file system, a child process) is unavailable; usually worth retrying. */
export class InfrastructureError extends MgeError {
  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super('infrastructure', message, { retryable: options.retryable ?? true, cause: options.cause });
  }
}

/** An upstream service (a model API) failed; `retryAfterMs` when it said how long to wait. */
export class UpstreamError extends MgeError {
  readonly retryAfterMs: number | undefined;
  constructor(
    code: string,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Whether an unknown thrown value is worth retrying (errors that are not MGE errors are bugs: no). */
/** Errors the NATS client raises while the server is away or restarting: they pass once it is back. */
const TRANSIENT_NATS_ERRORS = new Set([
  'TimeoutError',
  'ConnectionError',
  'RequestError',
  'ClosedConnectionError',
  'NoRespondersError',
]);

export const isRetryable = (error: unknown): boolean =>
  error instanceof MgeError
    ? error.retryable
    : error instanceof Error && TRANSIENT_NATS_ERRORS.has(error.name);
