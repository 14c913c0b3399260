import type { z } from 'zod';
import { formatIssues } from '@mge/contracts';
import { MgeError } from './errors.js';

/** The environment does not satisfy a process's config schema; the message lists every problem at once. */
export class ConfigError extends MgeError {
  constructor(readonly problems: readonly string[]) {
    super('invalid_config', `invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Parses an environment record once with a zod schema and freezes the result. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  return Object.freeze(parsed.data);
}
