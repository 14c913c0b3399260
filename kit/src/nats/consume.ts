import type { Consumer, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { AckPolicy } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { isRetryable, UpstreamError } from '../errors.js';
import { retryDelayMs } from '../retry.js';
import type { Logger } from '../logger.js';
import type { Outcome } from './outcome.js';
import { reject, retry } from './outcome.js';
import { createSlots } from './slots.js';
import type { Rejecter } from './dead-letter.js';
import type { Subscription } from './subscription.js';
import { parseWire } from './wire.js';

export interface ConsumerDeps {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly logger: Logger;
  readonly deadLetter: Rejecter;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * Pulls with `fetch` sized to the free in-process slots (so no prefetched message outlives its ack
 * wait), runs handlers concurrently, maps their outcomes to ack / nak(delay) / DLQ + term.
 */
export async function startConsumer(deps: ConsumerDeps, sub: Subscription): Promise<RunningConsumer> {
  const ackWaitMs = sub.ackWaitMs ?? 30_000;
  const maxDeliver = sub.maxDeliver ?? 5;
  const limits = {
    ack_wait: nanos(ackWaitMs),
    max_ack_pending: sub.maxAckPending ?? Math.max(sub.maxInFlight, 1_000),
  };
  await deps.jsm.consumers
    .add(sub.stream, {
      durable_name: sub.durable,
      filter_subject: sub.filter,
      ack_policy: AckPolicy.Explicit,
      max_deliver: -1, // counted here, so a message that keeps failing or crashing reaches the DLQ
      ...limits,
    })
    // The durable exists with other limits (another process configured it): this process's limits win.
    .catch(() => deps.jsm.consumers.update(sub.stream, sub.durable, limits));
  const consumer = await deps.js.consumers.get(sub.stream, sub.durable);
  const logger = deps.logger.child({ consumer: sub.durable });
  const slots = createSlots(sub.maxInFlight);
  const loop = pullLoop(consumer, slots, (m) =>
    // Acking, the DLQ copy or telling the run failed (server away): the message comes back after its ack wait.
    handle(m, sub, { ...deps, logger }, ackWaitMs, maxDeliver).catch((error: unknown) =>
      logger.error({ err: error, subject: m.subject, seq: m.seq }, 'message left for redelivery'),
    ),
  );
  return {
    stop: async () => {
      await loop.stop();
      await slots.drained();
    },
  };
}

function pullLoop(
  consumer: Consumer,
  slots: ReturnType<typeof createSlots>,
  onMessage: (m: JsMsg) => Promise<void>,
) {
  let stopped = false;
  let current: { stop(): void } | undefined;
  const done = (async () => {
    while (!stopped) {
      await slots.waitForFree();
      if (stopped) break;
      try {
        const batch = await consumer.fetch({ max_messages: slots.free(), expires: 2_000 });
        current = batch;
        for await (const m of batch) {
          slots.take();
          void onMessage(m).finally(() => slots.release());
        }
      } catch {
        if (!stopped) await new Promise((r) => setTimeout(r, 250)); // server away: try again shortly
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      current?.stop();
      slots.wake();
      await done;
    },
  };
}

async function handle(
  m: JsMsg,
  sub: Subscription,
  deps: ConsumerDeps,
  ackWaitMs: number,
  maxDeliver: number,
): Promise<void> {
  const deliveries = m.info.deliveryCount;
  const parsed = parseWire(m.headers, m.data);
  if (!parsed.ok) return deps.deadLetter(m, `does not parse: ${parsed.issues.join('; ')}`, undefined);
  const message = parsed.message;
  if (deliveries > maxDeliver)
    return deps.deadLetter(m, `delivered ${deliveries} times without success`, message);
  const runId = 'runId' in message.data ? message.data.runId : undefined;
  const logger = deps.logger.child({ runId, correlationId: message.correlationId, type: message.type });
  const heartbeat = setInterval(() => m.working(), Math.max(1_000, ackWaitMs / 3));
  let outcome: Outcome;
  try {
    outcome = await sub.handler(message, { deliveryCount: deliveries, logger, working: () => m.working() });
  } catch (error) {
    logger.error({ err: error }, 'handler failed');
    outcome = isRetryable(error)
      ? retry(retryDelayMs(error instanceof UpstreamError ? error.retryAfterMs : undefined, deliveries))
      : reject(`handler failed: ${(error as Error).message}`);
  } finally {
    clearInterval(heartbeat);
  }
  if (outcome.kind === 'ack') return m.ack();
  if (outcome.kind === 'retry' && deliveries < maxDeliver) return m.nak(outcome.delayMs);
  const reason =
    outcome.kind === 'reject' ? outcome.reason : `gave up after ${deliveries} deliveries: ${outcome.reason}`;
  return deps.deadLetter(m, reason, message);
}
