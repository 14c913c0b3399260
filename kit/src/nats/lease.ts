import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../logger.js';

export interface LeaseOptions {
  readonly bucket: string;
  readonly key: string;
  /** Who holds it: unique per process. */
  readonly owner: string;
  /** A holder that stops renewing loses the lease after this long. */
  readonly ttlMs: number;
  readonly logger: Logger;
  /** Called when this process becomes the holder; the lease is held until `onLose` is called. */
  onAcquire(): Promise<void>;
  /** Called when the lease is lost (not renewed in time) or given up on stop. */
  onLose(): Promise<void>;
}

export interface Lease {
  readonly held: () => boolean;
  /** Gives the lease up (deleting the key, so another process takes over at once) and stops trying. */
  stop(): Promise<void>;
}

/**
 * A single holder among processes: a key in a KV bucket whose entries expire after `ttlMs`. The holder
 * renews it (compare-and-set on its revision) every quarter of the TTL; the others try to create it
 * at the same pace, which succeeds once the holder deleted it or stopped renewing.
 */
export async function startLease(nc: NatsConnection, options: LeaseOptions): Promise<Lease> {
  const kv: KV = await new Kvm(nc).create(options.bucket, { history: 1, ttl: options.ttlMs });
  const { key, owner, logger } = options;
  let revision: number | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();

  const lose = async (why: string) => {
    if (revision === undefined) return;
    revision = undefined;
    logger.warn({ key, why }, 'lease lost');
    await options.onLose();
  };

  const tick = async () => {
    if (nc.isClosed()) stopped = true; // the connection is gone for good: so is any claim to the lease
    if (stopped) return;
    if (revision !== undefined) {
      try {
        revision = await kv.update(key, owner, revision);
      } catch (error) {
        await lose((error as Error).message);
      }
      return;
    }
    try {
      revision = await kv.create(key, owner);
    } catch {
      return; // someone holds it
    }
    logger.info({ key, owner }, 'lease acquired');
    await options.onAcquire();
  };

  const schedule = () => {
    if (stopped || nc.isClosed()) return;
    timer = setTimeout(() => {
      busy = tick()
        .catch((error: unknown) => logger.error({ err: error, key }, 'lease tick failed'))
        .finally(schedule);
    }, options.ttlMs / 4);
  };

  busy = tick().finally(schedule);
  await busy;
  return {
    held: () => revision !== undefined,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await busy;
      if (revision === undefined) return;
      const held = revision;
      revision = undefined;
      await options.onLose();
      await kv.delete(key, { previousSeq: held }).catch(() => undefined);
    },
  };
}
