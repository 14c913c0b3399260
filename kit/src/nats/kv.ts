import type { KV } from '@nats-io/kv';
import { InfrastructureError } from '../errors.js';

/**
 * Writes `value` under `key` only if the key is still at `revision` (absent when 0 or undefined) and
 * returns the new revision; a concurrent change is a retryable InfrastructureError naming `what`, so
 * the work is done again from a fresh read rather than overwriting someone else's write.
 */
export function writeIfUnchanged(
  kv: KV,
  key: string,
  value: string,
  revision: number | undefined,
  what: string,
): Promise<number> {
  const written =
    revision === undefined || revision === 0 ? kv.create(key, value) : kv.update(key, value, revision);
  return written.catch((error: unknown) => {
    throw new InfrastructureError(`${what} changed meanwhile; try again (${(error as Error).message})`, {
      cause: error,
    });
  });
}
