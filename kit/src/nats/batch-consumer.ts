import type { JsMsg } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { StoredEvent } from '@mge/contracts';
import type { Logger } from '../logger.js';
import type { Bus } from './runtime.js';
import { parseWire } from './wire.js';

/** One event taken from the log by a batch consumer (undefined when it does not parse). */
export interface BatchItem {
  readonly subject: string;
  readonly event: StoredEvent | undefined;
}

export interface BatchConsumerOptions {
  readonly durable: string;
  readonly stream: string;
  readonly filter: string;
  /** Called with every message delivered since the last call, in order; they are acked once it resolves. */
  readonly onBatch: (items: readonly BatchItem[]) => Promise<void>;
  readonly logger: Logger;
  readonly ackWaitMs?: number;
}

export interface RunningBatchConsumer {
  stop(): Promise<void>;
}

const FETCH = 1_000;

/**
 * A durable consumer handled in micro-batches: whatever was delivered while the previous batch was
 * being handled forms the next one, so one handler call covers many events when they arrive fast
 * and a single event when they trickle. A batch whose handler throws is nak'ed as a whole. A new
 * durable starts with events stored after it was created; an existing one goes on where it was.
 */
export async function startBatchConsumer(
  bus: Bus,
  options: BatchConsumerOptions,
): Promise<RunningBatchConsumer> {
  const { logger } = options;
  await bus.jsm.consumers
    .add(options.stream, {
      durable_name: options.durable,
      filter_subject: options.filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
      ack_wait: nanos(options.ackWaitMs ?? 15_000),
      max_deliver: -1,
      max_ack_pending: 20_000,
    })
    .catch(() => undefined); // it exists: go on from where it was
  const consumer = await bus.js.consumers.get(options.stream, options.durable);
  let queue: JsMsg[] = [];
  let flushing: Promise<void> | undefined;
  let stopped = false;
  let current: { stop(): void } | undefined;

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      await new Promise((resolve) => setImmediate(resolve)); // deliveries under way join the batch
      const batch = queue;
      queue = [];
      const items = batch.map((m): BatchItem => {
        const parsed = parseWire(m.headers, m.data);
        if (!parsed.ok)
          logger.warn({ subject: m.subject, issues: parsed.issues }, 'event does not parse; skipped');
        return {
          subject: m.subject,
          event: parsed.ok ? ({ ...parsed.message, seq: m.seq } as StoredEvent) : undefined,
        };
      });
      try {
        await options.onBatch(items);
        for (const m of batch) m.ack();
      } catch (error) {
        logger.error({ err: error, events: batch.length }, 'batch not handled; left for redelivery');
        for (const m of batch) m.nak(1_000);
      }
    }
    flushing = undefined;
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        const messages = await consumer.fetch({ max_messages: FETCH, expires: 2_000 });
        current = messages;
        for await (const m of messages) {
          queue.push(m);
          flushing ??= flush();
        }
      } catch (error) {
        if (stopped) break;
        logger.warn({ err: error }, 'cannot pull; trying again');
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      current?.stop();
      await loop;
      await flushing;
    },
  };
}
