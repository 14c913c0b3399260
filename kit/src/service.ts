import type { Logger } from './logger.js';
import type { RunningConsumer } from './nats/consume.js';
import type { Subscription } from './nats/subscription.js';
import type { Bus } from './nats/runtime.js';

/** A service as every composition root sees it. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A service made of durable consumers on the bus: start them all, stop them all (finishing in-flight work). */
export function createService(
  name: string,
  bus: Bus,
  logger: Logger,
  subscriptions: readonly Subscription[],
): Service {
  let running: RunningConsumer[] = [];
  return {
    name,
    start: async () => {
      running = await bus.startConsumers(name, subscriptions, logger);
      logger.info({ consumers: subscriptions.map((s) => s.durable) }, 'service started');
    },
    stop: async () => {
      await Promise.all(running.map((c) => c.stop()));
      running = [];
    },
  };
}

/** The ISO time now; services take a clock so deciders stay pure. */
export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();

/** Milliseconds since `started` (a `performance.now()` reading), to a hundredth. */
export const elapsedMs = (started: number): number => Math.round((performance.now() - started) * 100) / 100;
