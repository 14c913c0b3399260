import type { RunView } from '@mge/run';
import type { MgeEvent, ValidationError, WorkItem } from '@mge/contracts';
import { applyEvent, draftRunView } from '@mge/run';

/** One run as its scheduler holds it: the fold of its events, and the work already handed out. */
export interface RunSchedule {
  readonly view: RunView;
  /** Ids of work items issued since this schedule was built; empty after a (re)load, so lost work is re-issued. */
  readonly issued: ReadonlySet<string>;
  /** Whether the work of atoms already dispatched when the schedule was built has been issued again. */
  readonly reissued: boolean;
  /** Milestone prerequisites, computed once the atoms are known. */
  readonly milestoneDeps: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

/**
 * What the scheduler decided: events to record first, then work to hand out, and what the schedule
 * learned (the schedule itself is left as it was: the scheduler folds the decision into its own).
 */
export interface Decision {
  readonly events: readonly MgeEvent[];
  readonly work: readonly WorkItem[];
  readonly reissued: boolean;
  readonly milestoneDeps: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

export const createRunSchedule = (view: RunView): RunSchedule => ({
  view,
  issued: new Set(),
  reissued: false,
  milestoneDeps: undefined,
});

/** Nothing to do. */
export const nothingDecided = ({ reissued, milestoneDeps }: RunSchedule): Decision => ({
  events: [],
  work: [],
  reissued,
  milestoneDeps,
});

/**
 * A decision being made. Its view is a private draft of the schedule's, into which each decided event
 * is folded as it is made, so later choices see the earlier ones; the schedule itself is only read.
 */
export interface Draft {
  readonly view: RunView;
  readonly issuedBefore: ReadonlySet<string>;
  readonly issued: Set<string>;
  readonly events: MgeEvent[];
  readonly work: WorkItem[];
}

export const startDraft = (state: RunSchedule): Draft => ({
  view: draftRunView(state.view),
  issuedBefore: state.issued,
  issued: new Set(),
  events: [],
  work: [],
});

/** Decides an event: recorded, and folded into the draft's view. */
export function record(draft: Draft, event: MgeEvent): void {
  applyEvent(draft.view, event);
  draft.events.push(event);
}

/** Decides a work item, unless it was already issued. */
export function issue(draft: Draft, work: WorkItem): void {
  if (draft.issuedBefore.has(work.id) || draft.issued.has(work.id)) return;
  draft.issued.add(work.id);
  draft.work.push(work);
}

/** The decision a draft came to, with what else the schedule learned. */
export const decided = (
  draft: Draft,
  state: RunSchedule,
  learned: Partial<Pick<Decision, 'reissued' | 'milestoneDeps'>> = {},
): Decision => ({ ...nothingDecided(state), ...learned, events: draft.events, work: draft.work });

/** Errors fed back into the next attempt: the first five, one line each. */
export const feedbackOf = (errors: readonly ValidationError[]): string[] =>
  errors
    .slice(0, 5)
    .map((e) => `L${e.level} ${e.code}${e.line === undefined ? '' : ` at line ${e.line}`}: ${e.message}`);

/**
 * The temperature of an attempt: the run's schedule, a reviewer's extra attempts at its last. Undefined
 * only for a request without temperatures, which RunRequested's schema refuses.
 */
export const temperatureOf = (temperatures: readonly number[], attempt: number): number | undefined =>
  temperatures[Math.min(attempt, temperatures.length) - 1];
