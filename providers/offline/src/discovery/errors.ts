import { ValidationFailure } from '@mge/kit/errors';

/** The request cannot be read at all; retrying the same request cannot help. */
export class DiscoveryInputError extends ValidationFailure {
  constructor(message: string) {
    super(message, [], { code: 'empty_request' });
  }
}
