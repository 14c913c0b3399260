import { createHash } from 'node:crypto';

/**
 * Uniform numbers in [0, 1) drawn from a seed and a key: the same key always gives the same numbers,
 * whatever else happened before, so outcomes never depend on scheduling order.
 */
export function draws(seed: number, key: readonly (string | number | boolean)[]): number[] {
  const digest = createHash('sha256')
    .update(`${seed}|${key.join('|')}`)
    .digest();
  const out: number[] = [];
  for (let i = 0; i + 4 <= digest.length; i += 4) out.push(digest.readUInt32BE(i) / 2 ** 32);
  return out;
}
