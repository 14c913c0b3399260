import { describe, expect, it } from '@jest/globals';
import type { ErrorCode } from './errors.js';
import {
  ConfigError,
  errorCodes,
  IllegalStateError,
  InfrastructureError,
  isRetryable,
  MgeError,
  UpstreamError,
  ValidationFailure,
} from './errors.js';

describe('MGE errors', () => {
  it('carry their class name, a code from the closed set, whether to retry, and the cause', () => {
    const cause = new Error('socket hang up');
    const errors: MgeError[] = [
      new ValidationFailure('bad request', ['request: required']),
      new ConfigError(['NATS_URL: invalid url']),
      new IllegalStateError('cycle', 'a → b → a'),
      new InfrastructureError('nats is away', { cause }),
      new UpstreamError('timeout', 'no answer', { retryable: true, cause }),
    ];
    const known: ReadonlySet<ErrorCode> = new Set(Object.values(errorCodes).flat());
    expect(errors.map((e) => [e.name, e.code, e.retryable])).toEqual([
      ['ValidationFailure', 'invalid_input', false],
      ['ConfigError', 'invalid_config', false],
      ['IllegalStateError', 'cycle', false],
      ['InfrastructureError', 'infrastructure', true],
      ['UpstreamError', 'timeout', true],
    ]);
    for (const error of errors) expect(known.has(error.code)).toBe(true);
    expect(errors[3]?.cause).toBe(cause);
    expect(errors[0]).toBeInstanceOf(MgeError);
  });

  it('a validation failure names every issue and may say which input it was', () => {
    const failure = new ValidationFailure('bad submission', [
      'request: required',
      'budget: must be positive',
    ]);
    expect(failure.message).toBe('bad submission: request: required; budget: must be positive');
    expect(new ValidationFailure('empty', [], { code: 'empty_request' }).code).toBe('empty_request');
  });

  it('retries MGE errors that say so and the NATS client’s transient errors, nothing else', () => {
    const natsTimeout = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    expect(isRetryable(new InfrastructureError('away'))).toBe(true);
    expect(isRetryable(new ValidationFailure('bad'))).toBe(false);
    expect(isRetryable(natsTimeout)).toBe(true);
    expect(isRetryable(new TypeError('bug'))).toBe(false);
    expect(isRetryable('a string')).toBe(false);
  });
});
