import type { RunView } from '@mge/run';
import { applyEvent, createRunView } from '@mge/run';
import type { Logger } from './logger.js';
import type { EventStore } from './nats/event-store.js';

/** Runs' views kept in memory and caught up from the log on every load. */
export interface RunViews {
  /** The run's view, holding at least every event stored before the call. */
  load(runId: string): Promise<RunView>;
}

interface Entry {
  readonly view: RunView;
  /** The catch-up reading the log now. */
  running: Promise<void> | undefined;
  /** The catch-up that starts once `running` ends, shared by every load that arrived meanwhile. */
  next: Promise<void> | undefined;
}

/**
 * Loads are coalesced: a load waits for a read of the log that starts after it was called, and every
 * load arriving while a read is under way shares the one read that follows it. So a burst of handlers
 * of one run costs two reads, not one each.
 */
export function createRunViews(store: EventStore, logger: Logger, capacity = 64): RunViews {
  const entries = new Map<string, Entry>();

  const entryOf = (runId: string): Entry => {
    const entry = entries.get(runId) ?? { view: createRunView(runId), running: undefined, next: undefined };
    entries.delete(runId); // re-inserted: most recently used last
    entries.set(runId, entry);
    if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    return entry;
  };

  const read = async (entry: Entry): Promise<void> => {
    const { view } = entry;
    const { events, invalid } = await store.readRun(view.runId, view.lastSeq + 1);
    for (const event of events) applyEvent(view, event);
    for (const bad of invalid) {
      view.lastSeq = Math.max(view.lastSeq, bad.seq);
      logger.warn(
        { runId: view.runId, seq: bad.seq, issues: bad.issues },
        'event in the log does not parse; skipped',
      );
    }
  };

  const start = (entry: Entry): Promise<void> => {
    const running = read(entry).finally(() => {
      if (entry.running === running) entry.running = undefined;
    });
    entry.running = running;
    return running;
  };

  const catchUp = async (runId: string): Promise<RunView> => {
    const entry = entryOf(runId);
    if (entry.running === undefined) {
      await start(entry);
    } else {
      entry.next ??= entry.running
        .catch(() => undefined)
        .then(() => {
          entry.next = undefined;
          return start(entry);
        });
      await entry.next;
    }
    return entry.view;
  };

  return { load: catchUp };
}
