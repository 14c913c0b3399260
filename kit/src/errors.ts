/** Every code an MGE error carries, by the class that raises it: a closed set, so a new code is a deliberate change. */
export const errorCodes = {
  /** A user's or a message's input is wrong. */
  input: ['invalid_input', 'invalid_config', 'usage', 'empty_request', 'not_found'],
  /** Something was asked of a thing in the wrong state (atoms that do not form a graph). */
  state: ['cycle', 'unresolved', 'duplicate', 'still_running'],
  /** NATS, the file system or a child process is unavailable. */
  infrastructure: ['infrastructure'],
  /** A model API (or the provider standing in for one) failed or refused. */
  upstream: [
    'rate_limited',
    'overloaded',
    'server_error',
    'timeout',
    'network',
    'refused',
    'malformed_answer',
    'no_api_key',
    'not_recorded',
    'prompt_too_large',
    'simulation_settings',
  ],
} as const;

export type InputErrorCode = (typeof errorCodes.input)[number];
export type StateErrorCode = (typeof errorCodes.state)[number];
export type UpstreamErrorCode = (typeof errorCodes.upstream)[number];
export type ErrorCode =
  InputErrorCode | StateErrorCode | UpstreamErrorCode | (typeof errorCodes.infrastructure)[number];

interface ErrorOptions {
  readonly retryable?: boolean;
  readonly cause?: unknown;
}

/** The base of every MGE error: a stable `code`, whether retrying may help, and the cause. */
export class MgeError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** A user's or a message's input is wrong; retrying the same input cannot help. */
export class ValidationFailure extends MgeError {
  readonly issues: readonly string[];
  constructor(
    message: string,
    issues: readonly string[] = [],
    options: { code?: InputErrorCode; cause?: unknown } = {},
  ) {
    const text = issues.length > 0 ? `${message}: ${issues.join('; ')}` : message;
    super(options.code ?? 'invalid_input', text, { cause: options.cause });
    this.issues = issues;
  }
}

/** The environment does not satisfy a process's config schema; the message lists every problem at once. */
export class ConfigError extends MgeError {
  constructor(readonly problems: readonly string[]) {
    super('invalid_config', `invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** A step was asked of something in the wrong state (e.g. atoms whose dependencies form a cycle). */
export class IllegalStateError extends MgeError {
  declare readonly code: StateErrorCode;
  constructor(code: StateErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/** Infrastructure (NATS, the file system, a child process) is unavailable; usually worth retrying. */
export class InfrastructureError extends MgeError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('infrastructure', message, { retryable: options.retryable ?? true, cause: options.cause });
  }
}

/** An upstream service (a model API) failed; `retryAfterMs` when it said how long to wait. */
export class UpstreamError extends MgeError {
  declare readonly code: UpstreamErrorCode;
  readonly retryAfterMs: number | undefined;
  constructor(
    code: UpstreamErrorCode,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Errors the NATS client raises while the server is away or restarting: they pass once it is back. */
const TRANSIENT_NATS_ERRORS: ReadonlySet<string> = new Set([
  'TimeoutError',
  'ConnectionError',
  'RequestError',
  'ClosedConnectionError',
  'NoRespondersError',
]);

/** Whether an unknown thrown value is worth retrying (errors that are not MGE errors are bugs: no). */
export const isRetryable = (error: unknown): boolean =>
  error instanceof MgeError
    ? error.retryable
    : error instanceof Error && TRANSIENT_NATS_ERRORS.has(error.name);
