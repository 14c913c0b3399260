import type { MgeEvent, WorkItem } from '@mge/contracts';
import { applyEvent, foldRun } from '@mge/run';
import { decide } from '../domain/schedule.js';
import { applyDecision, holdSchedule } from '../scheduler/apply-decision.js';
import type { SchedulerWorkload } from './scheduler-workload.js';
import { schedulerWorkload } from './scheduler-workload.js';

/** Work items answered between two decisions: the scheduler's micro-batches are small. */
const WORK_PER_BATCH = 4;

/** What one simulated run cost the scheduler. */
export interface SchedulerRunCost {
  readonly decisions: number;
  readonly events: number;
  readonly decideMs: number;
}

/**
 * Drives the scheduler's synchronous path over one run as the scheduler does: fold each batch of
 * events into the run's state and decide; the events it decided come back in the next batch with
 * the answers to a few of the work items it issued. Times only that path, as `decideMs` does.
 */
export function simulateRun(workload: SchedulerWorkload): SchedulerRunCost {
  let state = holdSchedule(foldRun(workload.runId, workload.opening));
  const pending: WorkItem[] = [];
  let batch: MgeEvent[] = [];
  let cause = workload.opening[workload.opening.length - 1];
  let decisions = 0;
  let events = 0;
  let decideMs = 0;
  while (cause !== undefined) {
    const started = performance.now();
    for (const event of batch) applyEvent(state.view, event);
    const decision = decide(state, { source: 'bench', time: '2026-01-01T00:00:01.000Z', cause });
    state = applyDecision(state, decision);
    decideMs += performance.now() - started;
    decisions += 1;
    events += batch.length;
    if (state.view.completed !== undefined) break;
    pending.push(...decision.work);
    batch = [...decision.events, ...pending.splice(0, WORK_PER_BATCH).flatMap(workload.answer)];
    cause = batch[batch.length - 1];
  }
  if (state.view.completed?.status !== 'succeeded') throw new Error('the simulated run did not succeed');
  return { decisions, events, decideMs };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Runs the workload `rounds` times (after one warm-up) and prints the median cost. */
export function benchScheduler(atoms: number, waves: number, rounds: number): string {
  const workload = schedulerWorkload(atoms, waves, 100);
  simulateRun(workload);
  const costs = Array.from({ length: rounds }, () => simulateRun(workload));
  const ms = median(costs.map((c) => c.decideMs));
  const [first] = costs;
  return [
    `scheduler decider: ${atoms} atoms in ${waves} waves, ${first?.decisions ?? 0} decisions over ${first?.events ?? 0} events`,
    `  decideMs (median of ${rounds}) ${ms.toFixed(1)}`,
    `  schedulerCpuMsPerAtom        ${(ms / atoms).toFixed(3)}`,
  ].join('\n');
}
