import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { nanos, nuid } from '@nats-io/transport-node';
import type { Envelope, StoredEvent } from '@mge/contracts';
import { natsSubject, parseEventSubject, streams, subjects } from '@mge/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { InfrastructureError } from '../errors.js';
import { parseWire, toNatsHeaders } from './wire.js';

/** An event in the log that does not parse: kept (nothing recorded is lost) and reported, never folded. */
export interface InvalidStoredEvent {
  readonly seq: number;
  readonly subject: string;
  readonly issues: readonly string[];
}

export interface RunEvents {
  readonly events: StoredEvent[];
  readonly invalid: InvalidStoredEvent[];
  /** The last stream sequence read (fromSeq − 1 when nothing new). */
  readonly lastSeq: number;
}

/** Appends events and work items, and reads one run's events in order. */
export interface EventStore {
  /**
   * Publishes in order, each with `Nats-Msg-Id` = its deterministic id, so a repeat is stored once.
   * The publishes are pipelined (one connection keeps their order); a publish that fails is retried
   * with its id. Resolves once every message is stored.
   */
  append(messages: readonly Envelope[]): Promise<void>;
  /** The run's events from a stream sequence on, in order. */
  readRun(runId: string, fromSeq?: number): Promise<RunEvents>;
  /** Every event of the run from a stream sequence on, then new ones as they arrive, until `signal` aborts. */
  followRun(
    runId: string,
    options?: { fromSeq?: number; signal?: AbortSignal },
  ): AsyncIterable<StoredEvent | InvalidStoredEvent>;
  /** Run ids in the log, by the order their RunRequested was stored. */
  listRuns(): Promise<string[]>;
}

const PUBLISH_ATTEMPTS = 8;

export function createEventStore(nc: NatsConnection, js: JetStreamClient, jsm: JetStreamManager): EventStore {
  const publishOne = async (message: Envelope): Promise<void> => {
    const subject = natsSubject(message);
    const payload = JSON.stringify(message.data);
    for (let attempt = 1; ; attempt++) {
      try {
        await js.publish(subject, payload, {
          msgID: message.id,
          headers: toNatsHeaders(message),
          timeout: 5_000,
        });
        return;
      } catch (error) {
        // During a server restart publish times out; the same msgID makes the retry safe.
        if (attempt >= PUBLISH_ATTEMPTS || nc.isClosed()) {
          throw new InfrastructureError(
            `cannot append ${message.type} to ${subject}: ${(error as Error).message}`,
            { cause: error },
          );
        }
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  };

  const openReader = async (runId: string, fromSeq: number) => {
    const name = `read-${nuid.next()}`;
    const info = await jsm.consumers.add(streams.events, {
      name,
      filter_subject: subjects.run(runId),
      ack_policy: AckPolicy.None,
      mem_storage: true,
      inactive_threshold: nanos(30_000),
      ...(fromSeq > 1
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: fromSeq }
        : { deliver_policy: DeliverPolicy.All }),
    });
    const consumer = await js.consumers.get(streams.events, name);
    const close = () =>
      jsm.consumers.delete(streams.events, name).then(
        () => undefined,
        () => undefined,
      );
    return { consumer, pending: info.num_pending, close };
  };

  return {
    append: async (messages) => {
      await Promise.all(messages.map(publishOne));
    },

    readRun: async (runId, fromSeq = 1) => {
      const { consumer, pending, close } = await openReader(runId, fromSeq);
      const events: StoredEvent[] = [];
      const invalid: InvalidStoredEvent[] = [];
      let lastSeq = fromSeq - 1;
      try {
        while (events.length + invalid.length < pending) {
          const want = Math.min(pending - events.length - invalid.length, 1_000);
          const batch = await consumer.fetch({ max_messages: want, expires: 5_000 });
          let got = 0;
          for await (const m of batch) {
            got++;
            lastSeq = m.seq;
            const parsed = parseWire(m.headers, m.data);
            if (parsed.ok) events.push({ ...(parsed.message as StoredEvent), seq: m.seq });
            else invalid.push({ seq: m.seq, subject: m.subject, issues: parsed.issues });
          }
          if (got === 0) break;
        }
      } finally {
        await close();
      }
      return { events, invalid, lastSeq };
    },

    followRun: (runId, options = {}) => ({
      [Symbol.asyncIterator]: async function* () {
        const { consumer, close } = await openReader(runId, options.fromSeq ?? 1);
        const messages = await consumer.consume({ max_messages: 512 });
        const abort = () => messages.stop();
        options.signal?.addEventListener('abort', abort, { once: true });
        try {
          for await (const m of messages) {
            const parsed = parseWire(m.headers, m.data);
            yield parsed.ok
              ? { ...(parsed.message as StoredEvent), seq: m.seq }
              : { seq: m.seq, subject: m.subject, issues: parsed.issues };
          }
        } finally {
          options.signal?.removeEventListener('abort', abort);
          messages.stop();
          await close();
        }
      },
    }),

    listRuns: async () => {
      const info = await jsm.streams.info(streams.events, {
        subjects_filter: subjects.eventOfAnyRun('run', 'requested'),
      });
      const found = Object.keys(info.state.subjects ?? {}).flatMap((s) => parseEventSubject(s)?.runId ?? []);
      const withSeq = await Promise.all(
        found.map(async (runId) => {
          const msg = await jsm.streams.getMessage(streams.events, {
            last_by_subj: subjects.event(runId, 'run', 'requested'),
          });
          return { runId, seq: msg?.seq ?? 0 };
        }),
      );
      return withSeq.sort((a, b) => a.seq - b.seq).map((r) => r.runId);
    },
  };
}

/** Whether a followed item is an event (rather than an invalid record). */
export const isStoredEvent = (item: StoredEvent | InvalidStoredEvent): item is StoredEvent => 'type' in item;
