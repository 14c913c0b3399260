import { z } from 'zod';

/** A run id: `r-` followed by a ULID (26 Crockford base32 characters). */
export const RunId = z.string().regex(/^r-[0-9A-HJKMNP-TV-Z]{26}$/, 'must be r- followed by a ULID');
/** A run id, validated. */
export type RunId = z.infer<typeof RunId>;

/** Ids of plan items: lower-case kebab words, dots and colons, safe in NATS subjects' tokens and headers. */
export const ItemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.:_/-]*$/, 'must be lower-case letters, digits and - . : _ /');
