import type { EventType } from '@mge/contracts';
import { scopeOf, SYSTEM_SCOPE } from '@mge/contracts';
import { runProgressOf } from '@mge/run';
import type { Bus, Handler, Logger } from '@mge/kit';
import { ack } from '@mge/kit';
import { publishNewer } from '../adapters/progress-stream.js';
import type { Published } from '../domain/throttle.js';
import { timing, waitFor } from '../domain/throttle.js';

export interface ProgressPublisher {
  readonly handler: Handler<EventType>;
  /** Publishes what is pending and forgets every run. */
  flush(): Promise<void>;
}

interface RunState {
  last: Published | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Publishes each run's `RunProgress` on `mge.progress.<runId>` (the stream PROGRESS keeps the last):
 * folded from the log (so replicas sharing the consumer agree), throttled to one per `intervalMs`
 * while atoms move, at once on a phase change and at the end.
 */
export function createProgressPublisher(bus: Bus, intervalMs: number, logger: Logger): ProgressPublisher {
  const runs = new Map<string, RunState>();

  const publish = async (runId: string, state: RunState): Promise<void> => {
    const view = await bus.views.load(runId);
    if (view.requested === undefined) return;
    const snapshot = runProgressOf(view);
    const when = timing(state.last, snapshot, performance.now(), intervalMs);
    if (when === undefined) return;
    if (!when.now) return later(runId, state, when.delayMs);
    clearTimeout(state.timer);
    state.timer = undefined;
    await publishNewer(bus.js, bus.jsm, snapshot);
    state.last = {
      atMs: performance.now(),
      phase: snapshot.phase,
      status: snapshot.status,
      seq: snapshot.seq,
    };
    if (snapshot.status !== 'running') runs.delete(runId);
  };

  const publishLogged = (runId: string, state: RunState): Promise<void> =>
    publish(runId, state).catch((error: unknown) =>
      logger.warn({ err: error, runId }, 'progress snapshot not published'),
    );

  /** The next snapshot, at the end of the interval (one timer per run). */
  const later = (runId: string, state: RunState, delayMs: number): void => {
    state.timer ??= setTimeout(() => {
      state.timer = undefined;
      void publishLogged(runId, state);
    }, delayMs);
  };

  return {
    handler: async (event) => {
      const runId = scopeOf(event.data);
      if (runId === SYSTEM_SCOPE) return ack(); // flags and rollout belong to no run
      const state = runs.get(runId) ?? { last: undefined, timer: undefined };
      runs.set(runId, state);
      // atoms moving within the interval: no need to read the run now, the timer's snapshot has them
      const wait = waitFor(event.type, state.last, performance.now(), intervalMs);
      if (wait !== undefined) later(runId, state, wait);
      else await publish(runId, state);
      return ack();
    },
    flush: async () => {
      const pending = [...runs.entries()].filter(([, s]) => s.timer !== undefined);
      for (const [, s] of pending) clearTimeout(s.timer);
      await Promise.all(pending.map(([id, s]) => publishLogged(id, { ...s, last: undefined })));
      runs.clear();
    },
  };
}
