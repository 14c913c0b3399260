import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../logger.js';
import type { NatsTarget } from './auth.js';
import { createRunFacts, type RunFacts } from '../run-facts.js';
import { createRunViews, type RunViews } from '../run-views.js';
import { connectNats, drainNats } from './connect.js';
import { createRejecter } from './dead-letter.js';
import type { EventStore } from './event-store.js';
import { createEventStore } from './event-store.js';
import { provisionStreams } from './provision.js';
import type { RunningConsumer } from './consume.js';
import type { Subscription } from './subscription.js';
import { startConsumer } from './consume.js';

/** One process's connection to the bus: the event store, run views and consumers, sharing one connection. */
export interface Bus {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly store: EventStore;
  readonly views: RunViews;
  readonly facts: RunFacts;
  /** Starts the durable consumers of one service. */
  startConsumers(
    service: string,
    subscriptions: readonly Subscription[],
    logger: Logger,
  ): Promise<RunningConsumer[]>;
  close(): Promise<void>;
}

/** Connects (a URL string may carry credentials), provisions the streams (idempotent) and returns the bus. */
export async function openBus(server: string | NatsTarget, name: string, logger: Logger): Promise<Bus> {
  const nc = await connectNats(server, name, logger);
  try {
    const jsm = await jetstreamManager(nc);
    await provisionStreams(jsm);
    return createBus(nc, jsm, logger);
  } catch (error) {
    await drainNats(nc);
    throw error;
  }
}

function createBus(nc: NatsConnection, jsm: JetStreamManager, logger: Logger): Bus {
  const js = jetstream(nc);
  const store = createEventStore(nc, js, jsm);
  return {
    nc,
    js,
    jsm,
    store,
    views: createRunViews(store, logger),
    facts: createRunFacts(jsm),
    startConsumers: async (service, subscriptions, serviceLogger) => {
      const deadLetter = createRejecter(js, store, service, serviceLogger);
      const deps = { js, jsm, logger: serviceLogger, deadLetter };
      return Promise.all(subscriptions.map((sub) => startConsumer(deps, sub)));
    },
    close: () => drainNats(nc),
  };
}
