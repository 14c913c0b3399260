import { ConfigError, InfrastructureError, MgeError } from '@mge/kit';

/** A usage mistake: one line on stderr, exit 2. */
export class UsageError extends MgeError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** Exit codes of ARCHITECTURE: 0 succeeded, 1 run failed, 2 bad input or usage, 3 infrastructure unavailable. */
export const ExitCode = { ok: 0, runFailed: 1, usage: 2, infrastructure: 3 } as const;

/** The exit code and the one line to print for an error, or undefined for a bug (printed with its stack). */
export function describeError(error: unknown): { code: number; line: string } | undefined {
  if (error instanceof InfrastructureError)
    return { code: ExitCode.infrastructure, line: `mge: ${error.message}` };
  if (error instanceof ConfigError) return { code: ExitCode.usage, line: `mge: ${error.message}` };
  if (error instanceof MgeError) return { code: ExitCode.usage, line: `mge: ${error.message}` };
  return undefined;
}
