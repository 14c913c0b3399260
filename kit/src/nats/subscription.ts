import type { Envelope, Message, MessageType } from '@mge/contracts';
import type { Logger } from '../logger.js';
import type { Outcome } from './outcome.js';
import { reject } from './outcome.js';

/** What a handler gets besides its message. */
export interface HandlerContext {
  readonly deliveryCount: number;
  readonly logger: Logger;
  /** Tells the server the work goes on (resets the ack wait). Sent periodically anyway. */
  working(): void;
}

/** Handles a message of one of the types `T` (a discriminated union over `type` when T is a union). */
export type Handler<T extends MessageType = MessageType> = (
  message: Message<T>,
  ctx: HandlerContext,
) => Promise<Outcome>;

/** One durable consumer of a service, as a service declares it: its handler takes what it `accepts`. */
export interface SubscriptionSpec<T extends MessageType> {
  readonly durable: string;
  readonly stream: string;
  readonly filter: string;
  /** The message types this consumer takes; anything else on its subject is rejected to the DLQ. */
  readonly accepts: readonly T[];
  readonly handler: Handler<NoInfer<T>>;
  /** Handlers running at once in this process. */
  readonly maxInFlight: number;
  /** Unacknowledged messages across every process sharing the consumer (the fleet-wide bound). */
  readonly maxAckPending?: number;
  readonly ackWaitMs?: number;
  /** Deliveries after which a message that still fails goes to the DLQ. */
  readonly maxDeliver?: number;
}

/** A subscription as the consume loop runs it: its handler takes any message and turns away what it does not accept. */
export interface Subscription extends Omit<SubscriptionSpec<MessageType>, 'handler'> {
  readonly handler: (message: Envelope, ctx: HandlerContext) => Promise<Outcome>;
}

/**
 * Declares a consumer: the message types it accepts are the handler's parameter type, so no service
 * casts. A message of another type (a producer's mistake on a shared subject) goes to the DLQ.
 */
export function subscription<const T extends MessageType>(spec: SubscriptionSpec<T>): Subscription {
  const accepts: ReadonlySet<MessageType> = new Set(spec.accepts);
  return {
    ...spec,
    handler: async (message, ctx) =>
      accepts.has(message.type)
        ? // The one narrowing: a parsed message whose type is accepted is a `Message<T>`.
          spec.handler(message as Message<T>, ctx)
        : reject(`unexpected message type ${message.type}`),
  };
}
