import { z } from 'zod';
import { eventCatalog } from './catalog.js';
import type { Envelope, MgeEvent, StoredEvent } from './envelope.js';
import { ceHeader, formatIssues, parseMessage } from './envelope.js';

/** An event as a structured-mode CloudEvent (JSON), `data` inline and the stream sequence as `sequence`. */
export interface StructuredEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly correlationid: string;
  readonly causationid: string;
  readonly schemaversion: number;
  readonly datacontenttype: 'application/json';
  readonly sequence: number;
  readonly data: unknown;
}

/** What `mge events --json`, the gateway's event streams and `@mge/client` over HTTP carry. */
export const toStructuredEvent = (event: StoredEvent): StructuredEvent => ({
  specversion: '1.0',
  id: event.id,
  source: event.source,
  type: event.type,
  time: event.time,
  subject: event.subject,
  correlationid: event.correlationId,
  causationid: event.causationId,
  schemaversion: event.schemaVersion,
  datacontenttype: 'application/json',
  sequence: event.seq,
  data: event.data,
});

const Structured = z
  .object({
    specversion: z.literal('1.0'),
    id: z.string(),
    source: z.string(),
    type: z.string(),
    time: z.string(),
    subject: z.string(),
    correlationid: z.string(),
    causationid: z.string(),
    schemaversion: z.number().int().positive(),
    sequence: z.number().int().positive(),
    data: z.unknown(),
  })
  .loose();

/** Reads a structured-mode event back, checking its data against the event's schema. */
export function parseStructuredEvent(
  json: unknown,
): { ok: true; event: StoredEvent } | { ok: false; issues: string[] } {
  const outer = Structured.safeParse(json);
  if (!outer.success) return { ok: false, issues: formatIssues(outer.error) };
  const e = outer.data;
  const parsed = parseMessage(
    {
      [ceHeader.specversion]: e.specversion,
      [ceHeader.id]: e.id,
      [ceHeader.source]: e.source,
      [ceHeader.type]: e.type,
      [ceHeader.time]: e.time,
      [ceHeader.subject]: e.subject,
      [ceHeader.correlationId]: e.correlationid,
      [ceHeader.causationId]: e.causationid,
      [ceHeader.schemaVersion]: String(e.schemaversion),
    },
    JSON.stringify(e.data),
  );
  if (!parsed.ok) return parsed;
  const message = parsed.message;
  if (!isAnEvent(message)) return { ok: false, issues: [`type: ${e.type} is not an event`] };
  return { ok: true, event: { ...message, seq: e.sequence } };
}

const isAnEvent = (message: Envelope): message is MgeEvent => Object.hasOwn(eventCatalog, message.type);
