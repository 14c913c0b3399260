import type { z } from 'zod';
import { formatIssues } from '@mge/contracts';
import { ConfigError } from './errors.js';

/** Parses an environment record once with a zod schema and freezes the result. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  return Object.freeze(parsed.data);
}
