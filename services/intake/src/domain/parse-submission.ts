import type { ApiError, RunSubmission } from '@mge/contracts';
import {
  ceHeader,
  fieldIssuesOf,
  RunSubmission as SubmissionSchema,
  SubmissionCloudEvent,
} from '@mge/contracts';

/** Who sent a submission: its CloudEvent's source and id. */
export interface SubmissionOrigin {
  readonly source: string;
  readonly id: string;
}

/** A submission read off the wire, or why it was refused. */
export type ParsedSubmission =
  | { readonly ok: true; readonly origin: SubmissionOrigin; readonly submission: RunSubmission }
  | { readonly ok: false; readonly error: ApiError };

const invalid = (message: string, fields: ApiError['fields'] = []): ParsedSubmission => ({
  ok: false,
  error: { code: 'invalid', message, fields },
});

/**
 * Reads a run submission: a structured CloudEvent (a JSON body with `specversion`) or a binary one
 * (`ce-*` headers, the body is the data). Every problem names its field; nothing is cast.
 */
export function parseSubmission(
  headers: Readonly<Record<string, string | undefined>>,
  body: string,
): ParsedSubmission {
  let json: unknown;
  try {
    json = body.trim() === '' ? undefined : JSON.parse(body);
  } catch (error) {
    return invalid(`the body is not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }]);
  }
  const binary = headers[ceHeader.specversion] !== undefined;
  const event = SubmissionCloudEvent.safeParse(
    binary
      ? {
          specversion: headers[ceHeader.specversion],
          id: headers[ceHeader.id],
          source: headers[ceHeader.source],
          type: headers[ceHeader.type],
          ...(headers[ceHeader.time] === undefined ? {} : { time: headers[ceHeader.time] }),
          data: json,
        }
      : json,
  );
  if (!event.success)
    return invalid(
      binary
        ? 'the ce-* headers are not a run submission CloudEvent'
        : 'the body is not a run submission CloudEvent (structured mode; or send ce-* headers for binary mode)',
      fieldIssuesOf(event.error, binary ? 'ce' : ''),
    );
  const data = SubmissionSchema.safeParse(event.data.data);
  if (!data.success)
    return invalid('the submission does not validate', fieldIssuesOf(data.error, binary ? '' : 'data'));
  return { ok: true, origin: { source: event.data.source, id: event.data.id }, submission: data.data };
}
