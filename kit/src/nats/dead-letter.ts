import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Envelope } from '@mge/contracts';
import { createMessage, parseEventSubject, RunId, subjects } from '@mge/contracts';
import type { Logger } from '../logger.js';
import type { EventStore } from './event-store.js';

/** Copies a message with its reason to the DLQ, terminates it, and tells its run. */
export type Rejecter = (m: JsMsg, reason: string, message: Envelope | undefined) => Promise<void>;

/** Headers the DLQ copy carries besides the original ones. */
export const dlqHeader = {
  reason: 'mge-dlq-reason',
  subject: 'mge-dlq-subject',
  stream: 'mge-dlq-stream',
  seq: 'mge-dlq-seq',
  consumer: 'mge-dlq-consumer',
} as const;

export function createRejecter(
  js: JetStreamClient,
  store: EventStore,
  service: string,
  logger: Logger,
): Rejecter {
  return async (m, reason, message) => {
    const h = natsHeaders();
    for (const [key, values] of m.headers ?? []) for (const value of values) h.append(key, value);
    h.set(dlqHeader.reason, reason.slice(0, 4_000));
    h.set(dlqHeader.subject, m.subject);
    h.set(dlqHeader.stream, m.info.stream);
    h.set(dlqHeader.seq, String(m.seq));
    h.set(dlqHeader.consumer, m.info.consumer);
    const dlqSubject = subjects.dlq(service);
    await js.publish(dlqSubject, m.data, { headers: h, msgID: `dlq/${m.info.stream}/${m.seq}` });
    m.term();
    logger.warn({ subject: m.subject, seq: m.seq, reason }, 'message rejected to DLQ');
    const runId = runIdOf(m.subject, message);
    if (runId === undefined) return;
    const told = createMessage(
      'MessageRejected',
      { runId, service, subject: m.subject, reason: reason.slice(0, 4_000), dlqSubject },
      { source: `mge/${service}`, time: new Date().toISOString(), key: [m.info.stream, m.seq] },
    );
    await store.append([told]);
  };
}

function runIdOf(subject: string, message: Envelope | undefined): string | undefined {
  const candidate =
    (message?.data as { runId?: unknown } | undefined)?.runId ?? parseEventSubject(subject)?.runId;
  return RunId.safeParse(candidate).success ? (candidate as string) : undefined;
}
