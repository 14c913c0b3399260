// The request cannot be read at all; retrying the same request cannot help.
export class DiscoveryInputError extends Error {
  readonly code = 'empty_request';
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryInputError';
  }
}
