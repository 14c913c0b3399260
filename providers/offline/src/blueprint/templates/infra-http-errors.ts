import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/http/errors.ts: errors that become responses. */
export function httpErrorsFile(): FileTemplate {
  return {
    ...INFRA.errors,
    kind: 'source',
    description: 'HTTP errors: an error type carrying status, details and headers, and helpers that throw it',
    atoms: [
      atom(
        'interface',
        'HttpErrorOptions',
        'Extra parts of an error response',
        `
/** Extra parts of an error response: the fields at fault and headers such as Allow. */
export interface HttpErrorOptions {
  readonly details?: readonly FieldIssue[];
  readonly headers?: Readonly<Record<string, string>>;
}`,
      ),
      atom(
        'class',
        'HttpError',
        'An error that becomes an HTTP response',
        `
/** An error that becomes an HTTP response: \`{ "error": message, "details": [...] }\` with its status. */
export class HttpError extends Error {
  readonly status: number;
  readonly details: readonly FieldIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, message: string, options: HttpErrorOptions = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.details = options.details ?? [];
    this.headers = options.headers ?? {};
  }
}`,
      ),
      atom(
        'function',
        'notFound',
        'A 404 for a record that does not exist',
        `
/** A 404 for a record that does not exist. */
export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, \`\${what} \${id} not found\`);
}`,
      ),
      atom(
        'function',
        'conflictOf',
        'A 409 naming the fields whose values are taken',
        `
/** A 409 naming the unique fields whose values another record already has. */
export function conflictOf(error: DuplicateValueError): HttpError {
  const details = error.fields.map((field) => ({ field, message: 'is already taken by another record' }));
  return new HttpError(409, error.message, { details });
}`,
      ),
      atom(
        'function',
        'rejectReferenced',
        'Throws a 409 while other records name one',
        `
/** Throws a 409 naming the references that still name the record, when any do (undefined entries are none). */
export function rejectReferenced(what: string, id: string, issues: readonly (FieldIssue | undefined)[]): void {
  const details = issues.filter((issue) => issue !== undefined);
  if (details.length > 0) {
    const names = details.map((issue) => issue.field).join(', ');
    throw new HttpError(409, \`\${what} \${id} is still referenced by \${names}\`, { details });
  }
}`,
      ),
      atom(
        'function',
        'requireValid',
        'The value of a valid body, or a 400 naming the fields',
        `
/** The value of a valid body; a refused one becomes a 400 naming its fields. */
export function requireValid<T>(validation: Validation<T>): T {
  if (!validation.ok) throw new HttpError(400, validation.message, { details: validation.issues });
  return validation.value;
}`,
      ),
      atom(
        'function',
        'rejectIssues',
        'Throws a 400 when any issue is present',
        `
/** Throws a 400 naming the fields when any issue is present; undefined entries are no issue. */
export function rejectIssues(message: string, issues: readonly (FieldIssue | undefined)[]): void {
  const details = issues.filter((issue) => issue !== undefined);
  if (details.length > 0) {
    throw new HttpError(400, \`\${message}: \${details.map((issue) => issue.field).join(', ')}\`, { details });
  }
}`,
      ),
    ],
  };
}

/** src/http/json.ts: reading JSON bodies and writing JSON responses. */
export function httpJsonFile(): FileTemplate {
  return {
    ...INFRA.json,
    kind: 'source',
    description: 'JSON over HTTP: reading request bodies (with a size limit) and writing replies and errors',
    atoms: [
      atom(
        'const',
        'MAX_BODY_BYTES',
        'The largest request body accepted',
        `
/** The largest request body accepted (1 MiB); larger ones are answered with 413. */
export const MAX_BODY_BYTES = 1_048_576;`,
      ),
      atom(
        'function',
        'readBodyText',
        'Reads a request body as text',
        `
/** Reads a request body as UTF-8 text, refusing bodies over MAX_BODY_BYTES. */
export async function readBodyText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body is too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}`,
      ),
      atom(
        'function',
        'readJsonBody',
        'Parses a JSON request body',
        `
/** Parses a JSON request body; an empty body is undefined, malformed JSON a 400. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}`,
      ),
      atom(
        'function',
        'sendJson',
        'Writes a JSON response',
        `
/** Writes a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  const length = Buffer.byteLength(text);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': length });
  res.end(text);
}`,
      ),
      atom(
        'function',
        'sendReply',
        "Writes a handler's reply",
        `
/** Writes a handler's reply: JSON when it has a body, an empty response otherwise. */
export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  sendJson(res, reply.status, reply.body);
}`,
      ),
      atom(
        'function',
        'sendError',
        'Answers with an error',
        `
/** Answers with an HttpError's status (409 for a duplicate unique value), or a 500 for anything unexpected (logged, never shown to the client). */
export function sendError(res: ServerResponse, error: unknown): void {
  const known = error instanceof DuplicateValueError ? conflictOf(error) : error;
  if (known instanceof HttpError) {
    sendJson(res, known.status, { error: known.message, details: known.details }, known.headers);
    return;
  }
  console.error('unexpected error while handling a request:', error);
  sendJson(res, 500, { error: 'internal server error', details: [] });
}`,
      ),
    ],
  };
}
