import type { MsgHdrs } from '@nats-io/transport-node';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Envelope, ParseResult } from '@mge/contracts';
import { ceHeader, parseMessage, toHeaders } from '@mge/contracts';

const CE_KEYS = Object.values(ceHeader);

/** The CloudEvents headers of a NATS message as a plain record. */
export function headerRecord(headers: MsgHdrs | undefined): Record<string, string | undefined> {
  const record: Record<string, string | undefined> = {};
  for (const key of CE_KEYS) record[key] = headers?.get(key) || undefined;
  return record;
}

/** NATS headers for a message. */
export function toNatsHeaders(message: Envelope): MsgHdrs {
  const h = natsHeaders();
  for (const [key, value] of Object.entries(toHeaders(message))) h.set(key, value);
  return h;
}

const decoder = new TextDecoder();

/** Parses a NATS message (headers + JSON body) with the contracts' schemas. */
export const parseWire = (headers: MsgHdrs | undefined, data: Uint8Array): ParseResult =>
  parseMessage(headerRecord(headers), decoder.decode(data));
