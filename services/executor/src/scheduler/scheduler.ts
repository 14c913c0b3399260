import type { Envelope, MgeEvent } from '@mge/contracts';
import { applyEvent, foldRun } from '@mge/run';
import { parseEventSubject, streams, subjects, SYSTEM_SCOPE } from '@mge/contracts';
import type { BatchItem, Bus, Clock, Logger, RunningBatchConsumer } from '@mge/kit';
import { startBatchConsumer } from '@mge/kit';
import { decide } from '../domain/schedule.js';
import type { HeldSchedule } from './apply-decision.js';
import { applyDecision, holdSchedule } from './apply-decision.js';

export interface SchedulerDeps {
  readonly bus: Bus;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What the scheduler measured about itself. */
export interface SchedulerStats {
  /** Events taken from the log. */
  events: number;
  /** Batches decided. */
  batches: number;
  /** Time spent folding and deciding: synchronous work, so CPU time on this thread. */
  decideMs: number;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly stats: SchedulerStats;
}

export const SCHEDULER_DURABLE = 'executor-scheduler';

/** Events that reopen a completed run (a reviewer's edit or regeneration): its schedule is read again. */
const REOPENING: ReadonlySet<string> = new Set(['AtomEdited', 'AtomRegenerationRequested']);

/**
 * Follows every event of every run through one durable consumer and keeps each run's schedule in
 * memory: each batch of events is folded, each run it touched is decided once, and the decisions are
 * recorded (events first, then work) before the batch is acked. Only the process holding the
 * scheduler lease runs it, so one writer decides a run at a time; a new holder starts empty and
 * re-reads each run from the log, which re-issues any work its predecessor lost.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const logger = deps.logger.child({ component: 'scheduler' });
  const stats: SchedulerStats = { events: 0, batches: 0, decideMs: 0 };
  const runs = new Map<string, HeldSchedule>();
  const finished = new Set<string>();
  let consumer: RunningBatchConsumer | undefined;

  const load = async (runId: string): Promise<HeldSchedule> => {
    const { events } = await deps.bus.store.readRun(runId);
    return holdSchedule(foldRun(runId, events));
  };

  const onBatch = async (batch: readonly BatchItem[]): Promise<void> => {
    // flags and rollout are part of no run
    const items = batch
      .map((item) => ({ runId: parseEventSubject(item.subject)?.runId ?? SYSTEM_SCOPE, event: item.event }))
      .filter((item) => item.runId !== SYSTEM_SCOPE);
    for (const { runId, event } of items)
      if (event !== undefined && REOPENING.has(event.type)) finished.delete(runId);
    const fresh = [...new Set(items.map((item) => item.runId))].filter(
      (id) => !runs.has(id) && !finished.has(id),
    );
    for (const [id, state] of await Promise.all(fresh.map(async (id) => [id, await load(id)] as const)))
      runs.set(id, state);
    const started = performance.now();
    const touched = new Map<string, MgeEvent>();
    for (const { runId, event } of items) {
      const state = runs.get(runId);
      if (event === undefined || state === undefined) continue;
      applyEvent(state.view, event);
      touched.set(runId, event);
    }
    const events: Envelope[] = [];
    const work: Envelope[] = [];
    for (const [runId, cause] of touched) {
      const state = runs.get(runId);
      if (state === undefined) continue;
      const decision = decide(state, { source: 'mge/executor', time: deps.clock(), cause });
      events.push(...decision.events);
      work.push(...decision.work);
      const next = applyDecision(state, decision);
      if (next.view.completed === undefined) runs.set(runId, next);
      else {
        runs.delete(runId);
        finished.add(runId);
      }
    }
    stats.decideMs += performance.now() - started;
    stats.batches += 1;
    stats.events += items.length;
    try {
      await deps.bus.store.append(events);
      await deps.bus.store.append(work);
    } catch (error) {
      for (const runId of touched.keys()) {
        runs.delete(runId); // decided but maybe not recorded: re-read from the log when redelivered
        finished.delete(runId);
      }
      throw error;
    }
  };

  return {
    stats,
    start: async () => {
      if (consumer !== undefined) return;
      runs.clear();
      finished.clear();
      consumer = await startBatchConsumer(deps.bus, {
        durable: SCHEDULER_DURABLE,
        stream: streams.events,
        filter: subjects.allEvents,
        onBatch,
        logger,
      });
      logger.info('scheduling');
    },
    stop: async () => {
      const running = consumer;
      consumer = undefined;
      await running?.stop();
      runs.clear();
    },
  };
}
