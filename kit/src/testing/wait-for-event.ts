import type { EventType, MgeEvent } from '@mge/contracts';
import { isEvent } from '@mge/contracts';
import type { EventStore } from '../nats/event-store.js';
import { isStoredEvent } from '../nats/event-store.js';

/** Waits for the first event of a type (matching a predicate) in a run; rejects after `timeoutMs`. */
export async function waitForEvent<T extends EventType>(
  store: EventStore,
  runId: string,
  type: T,
  predicate: (event: MgeEvent<T>) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<MgeEvent<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for await (const item of store.followRun(runId, { signal: controller.signal })) {
      if (isStoredEvent(item) && isEvent(item, type) && predicate(item)) return item;
    }
  } finally {
    clearTimeout(timer);
  }
  throw new Error(`no ${type} in run ${runId} within ${timeoutMs} ms`);
}
