import { z } from 'zod';
import type { EventType, MessageData, MessageType, WorkType } from './catalog.js';
import { eventCatalog, messageDef, workDef } from './catalog.js';
import { subjects, SYSTEM_SCOPE } from './subjects.js';

/** CloudEvents 1.0 binary-mode headers, plus MGE's correlation, causation and schema version. */
export const ceHeader = {
  specversion: 'ce-specversion',
  id: 'ce-id',
  source: 'ce-source',
  type: 'ce-type',
  time: 'ce-time',
  subject: 'ce-subject',
  correlationId: 'ce-correlationid',
  causationId: 'ce-causationid',
  schemaVersion: 'ce-schemaversion',
  contentType: 'ce-datacontenttype',
} as const;

/** One message (event or work item): CloudEvents attributes and its typed `data`. */
export interface Envelope<T extends MessageType = MessageType> {
  readonly id: string;
  readonly type: T;
  readonly source: string;
  readonly time: string;
  /** What the message is about inside its run: an atom, task or milestone id, or the run id. */
  readonly subject: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly schemaVersion: number;
  readonly data: MessageData<T>;
}

/** A message of a given type (a discriminated union over `type` when T is a union). */
export type Message<T extends MessageType = MessageType> = { [K in T]: Envelope<K> }[T];
/** An event of a given type (a discriminated union over `type` when T is a union). */
export type MgeEvent<T extends EventType = EventType> = Message<T>;
/** A work item of a given type. */
export type WorkItem<T extends WorkType = WorkType> = Message<T>;
/** An event as read back from the log, with its stream sequence. */
export type StoredEvent<T extends EventType = EventType> = MgeEvent<T> & { readonly seq: number };

/** A deterministic message id: the same fact always gets the same id, so a repeated publish is stored once. */
export const messageId = (runId: string, type: MessageType, ...key: readonly (string | number)[]): string =>
  [runId, type, ...key].join('/');

/** What a producer says about a new message beyond its type and data. */
export interface MessageMeta {
  readonly source: string;
  readonly time: string;
  /** Parts that make the id unique within the run and type (atom id, attempt, revision …). */
  readonly key: readonly (string | number)[];
  readonly subject?: string;
  readonly cause?: Pick<Envelope, 'id' | 'correlationId'>;
  readonly correlationId?: string;
}

/** The run a message belongs to, or the system scope for flag and rollout events. */
export const scopeOf = (data: unknown): string => (data as { runId?: string }).runId ?? SYSTEM_SCOPE;

/** Builds a message with its deterministic id; correlation and causation follow the cause when given. */
export function createMessage<T extends MessageType>(
  type: T,
  data: MessageData<T>,
  meta: MessageMeta,
): Envelope<T> {
  const runId = scopeOf(data);
  const id = messageId(runId, type, ...meta.key);
  return {
    id,
    type,
    source: meta.source,
    time: meta.time,
    subject: meta.subject ?? runId,
    correlationId: meta.correlationId ?? meta.cause?.correlationId ?? runId,
    causationId: meta.cause?.id ?? id,
    schemaVersion: messageDef(type)?.version ?? 1,
    data,
  };
}

/** The NATS subject a message is published on. */
export function natsSubject(message: Envelope): string {
  const runId = scopeOf(message.data);
  if (Object.hasOwn(eventCatalog, message.type)) {
    const def = eventCatalog[message.type as EventType];
    return subjects.event(runId, def.aggregate, def.name);
  }
  const work = workDef(message.type as WorkType);
  return subjects.work(work.service, work.kind, work.lane);
}

/** The binary-mode headers of a message. */
export function toHeaders(message: Envelope): Record<string, string> {
  return {
    [ceHeader.specversion]: '1.0',
    [ceHeader.id]: message.id,
    [ceHeader.source]: message.source,
    [ceHeader.type]: message.type,
    [ceHeader.time]: message.time,
    [ceHeader.subject]: message.subject,
    [ceHeader.correlationId]: message.correlationId,
    [ceHeader.causationId]: message.causationId,
    [ceHeader.schemaVersion]: String(message.schemaVersion),
    [ceHeader.contentType]: 'application/json',
  };
}

const HeadersSchema = z.object({
  [ceHeader.specversion]: z.literal('1.0'),
  [ceHeader.id]: z.string().min(1),
  [ceHeader.source]: z.string().min(1),
  [ceHeader.type]: z.string().min(1),
  [ceHeader.time]: z.iso.datetime({ offset: true }),
  [ceHeader.subject]: z.string().min(1),
  [ceHeader.correlationId]: z.string().min(1),
  [ceHeader.causationId]: z.string().min(1),
  [ceHeader.schemaVersion]: z.coerce.number().int().positive(),
});

/** The outcome of parsing a message off the wire. */
export type ParseResult = { ok: true; message: Envelope } | { ok: false; issues: string[] };

/** One field a parse found wrong: its path (`spec.entities.0.name`, empty for the whole value) and what is wrong. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** The zod issues of a failed parse, by field. */
export const fieldIssuesOf = (error: z.ZodError, prefix = ''): FieldProblem[] =>
  error.issues.flatMap((issue) => {
    const path = (...more: string[]) =>
      [prefix, ...issue.path.map(String), ...more].filter((p) => p !== '').join('.');
    // an unknown field is named by its own path, not its parent's
    return issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: path(key), message: 'unknown field' }))
      : [{ path: path(), message: issue.message }];
  });

/** Formats zod issues as `path: message` lines, naming the field. */
export function formatIssues(error: z.ZodError, prefix = ''): string[] {
  return fieldIssuesOf(error, prefix).map(({ path, message }) =>
    path === '' ? message : `${path}: ${message}`,
  );
}

/** Parses headers and a JSON body into a typed message; never throws, never casts unchecked data. */
export function parseMessage(
  headers: Readonly<Record<string, string | undefined>>,
  body: string,
): ParseResult {
  const head = HeadersSchema.safeParse(headers);
  if (!head.success) return { ok: false, issues: formatIssues(head.error, 'headers') };
  const type = head.data[ceHeader.type];
  const def = messageDef(type);
  if (def === undefined)
    return { ok: false, issues: [`headers.${ceHeader.type}: unknown message type ${type}`] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, issues: [`data: not JSON (${(error as Error).message})`] };
  }
  const data = def.schema.safeParse(json);
  if (!data.success) return { ok: false, issues: formatIssues(data.error, 'data') };
  const message: Envelope = {
    id: head.data[ceHeader.id],
    type: type as MessageType,
    source: head.data[ceHeader.source],
    time: head.data[ceHeader.time],
    subject: head.data[ceHeader.subject],
    correlationId: head.data[ceHeader.correlationId],
    causationId: head.data[ceHeader.causationId],
    schemaVersion: head.data[ceHeader.schemaVersion],
    data: data.data as MessageData<MessageType>,
  };
  return { ok: true, message };
}

/** Narrows a message to an event of the given type. */
export const isEvent = <T extends EventType>(message: Envelope, type: T): message is MgeEvent<T> =>
  message.type === type;
