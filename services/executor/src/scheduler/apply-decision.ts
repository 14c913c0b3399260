import type { RunView } from '@mge/run';
import { applyEvent } from '@mge/run';
import type { Decision, RunSchedule } from '../domain/schedule-state.js';
import { createRunSchedule } from '../domain/schedule-state.js';

/** A run's schedule as the scheduler holds it: its own, so it is updated in place. */
export interface HeldSchedule extends RunSchedule {
  readonly issued: Set<string>;
}

/**
 * Folds a decision into the scheduler's schedule of the run: its events into the view (in place, as
 * every fold of a run is: a copy per decision would cost more than deciding), its work into `issued`.
 */
export function applyDecision(state: HeldSchedule, decision: Decision): HeldSchedule {
  for (const event of decision.events) applyEvent(state.view, event);
  for (const work of decision.work) state.issued.add(work.id);
  return { ...state, reissued: decision.reissued, milestoneDeps: decision.milestoneDeps };
}

/** The schedule of a run just read from the log: nothing issued yet. */
export const holdSchedule = (view: RunView): HeldSchedule => ({
  ...createRunSchedule(view),
  issued: new Set(),
});
