import type { ApiError, ApiErrorCode } from '@mge/contracts';
import { fieldIssuesOf } from '@mge/contracts';
import type { z } from 'zod';

/** An answer other than success: its HTTP status and the error body. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'HttpFailure';
  }
}

export const failure = (status: number, code: ApiErrorCode, message: string, fields?: ApiError['fields']) =>
  new HttpFailure(status, { code, message, ...(fields === undefined ? {} : { fields }) });

/** Parses one part of a request (`params`, `query`, `body`) or fails with 400 naming its fields. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const fields = fieldIssuesOf(parsed.error, where);
  throw failure(
    400,
    'invalid',
    `the ${where} does not validate: ${fields.map((f) => `${f.path || where}: ${f.message}`).join('; ')}`,
    fields,
  );
}
