import type { RunView } from '@mge/contracts';
import { applyEvent, createRunView } from '@mge/contracts';
import type { Logger } from './logger.js';
import type { EventStore } from './nats/event-store.js';

/** Runs' views kept in memory and caught up from the log on every load. */
export interface RunViews {
  /** The run's view, caught up with every event stored so far. */
  load(runId: string): Promise<RunView>;
  /**
   * Runs `fn` on the caught-up view while no other load of the same run runs in this process. `fn` may
   * fold its own decisions into the view before recording them; if it throws, the view is dropped.
   */
  withRun<T>(runId: string, fn: (view: RunView) => Promise<T>): Promise<T>;
}

export function createRunViews(store: EventStore, logger: Logger, capacity = 64): RunViews {
  const views = new Map<string, RunView>();
  const locks = new Map<string, Promise<unknown>>();

  const catchUp = async (runId: string): Promise<RunView> => {
    const view = views.get(runId) ?? createRunView(runId);
    views.delete(runId); // re-inserted below: most recently used last
    views.set(runId, view);
    if (views.size > capacity) views.delete(views.keys().next().value!);
    const { events, invalid } = await store.readRun(runId, view.lastSeq + 1);
    for (const event of events) applyEvent(view, event);
    for (const bad of invalid) {
      view.lastSeq = Math.max(view.lastSeq, bad.seq);
      logger.warn({ runId, seq: bad.seq, issues: bad.issues }, 'event in the log does not parse; skipped');
    }
    return view;
  };

  const serialize = <T>(runId: string, fn: () => Promise<T>): Promise<T> => {
    const previous = locks.get(runId) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    locks.set(runId, tail);
    void tail.then(() => {
      if (locks.get(runId) === tail) locks.delete(runId);
    });
    return next;
  };

  return {
    load: (runId) => serialize(runId, () => catchUp(runId)),
    withRun: (runId, fn) =>
      serialize(runId, async () => {
        try {
          return await fn(await catchUp(runId));
        } catch (error) {
          views.delete(runId); // fn may have folded decisions it could not record: rebuild from the log
          throw error;
        }
      }),
  };
}
