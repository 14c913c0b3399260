import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DiscoveryDocument, ServiceName } from '@mge/contracts';
import { DiscoveryDocument as DiscoverySchema, formatIssues, RunId, serviceNames } from '@mge/contracts';
import { z } from 'zod';
import { UsageError } from './errors.js';

/** Parses one option value with a schema, naming the option when it does not fit. */
export function option<S extends z.ZodType>(name: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
}

export const Concurrency = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1000, 'must be at most 1000');
export const FaultRate = z.coerce
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');
export const Seed = z.coerce
  .number()
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(2 ** 31 - 1, 'must be below 2^31');
export const Temperatures = z
  .string()
  .transform((s) => s.split(',').map((t) => Number(t.trim())))
  .pipe(
    z
      .array(z.number().min(0, 'each must be from 0 to 1').max(1, 'each must be from 0 to 1'))
      .min(1, 'give at least one')
      .max(10, 'give at most 10 (one per attempt)'),
  );
export const BudgetUsd = z.coerce.number().positive('must be more than 0');
export const LatencyMs = z.coerce
  .number()
  .min(0, 'must not be negative')
  .max(60_000, 'must be at most 60000');

/** A run id argument. */
export function runIdArg(value: string): string {
  if (!RunId.safeParse(value).success)
    throw new UsageError(
      `${JSON.stringify(value)} is not a run id (r- followed by 26 characters); see mge runs`,
    );
  return value;
}

/** Reads and validates a DiscoveryDocument file given with --spec. */
export async function readSpec(file: string): Promise<DiscoveryDocument> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `--spec ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--spec ${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = DiscoverySchema.safeParse(json);
  if (!parsed.success)
    throw new UsageError(
      `--spec ${file}: not a DiscoveryDocument: ${formatIssues(parsed.error).slice(0, 5).join('; ')}`,
    );
  return parsed.data;
}

/** What `mge serve` runs: services consuming the bus, and the HTTP gateway. */
export interface Served {
  readonly services: ServiceName[];
  readonly gateway: boolean;
}

/** `--services a,b` → the services and whether the gateway is one of them (all of them by default). */
export function servicesArg(value: string | undefined): Served {
  const servable: readonly string[] = [...serviceNames, 'gateway'];
  if (value === undefined || value === 'all') return { services: [...serviceNames], gateway: true };
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !servable.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--services: unknown service ${unknown.join(', ') || '(none given)'}; choose from ${servable.join(', ')}`,
    );
  }
  return {
    services: serviceNames.filter((n) => names.includes(n)),
    gateway: names.includes('gateway'),
  };
}
export const Mode = z.enum(['v2', 'v1', 'parallel'], {
  error: (issue) => `unknown mode ${String(issue.input)}; choose v2, v1 or parallel`,
});
export const AssignmentKey = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
