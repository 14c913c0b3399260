import type { EventType, RunProgress } from '@mge/contracts';

/** What was last published for a run: when (a monotonic reading, ms) and in which phase and status. */
export interface Published {
  readonly atMs: number;
  readonly phase: RunProgress['phase'];
  readonly status: RunProgress['status'];
  readonly seq: number;
}

/** Publish now, later (after `delayMs`), or not at all (nothing new). */
export type Timing = { readonly now: true } | { readonly now: false; readonly delayMs: number } | undefined;

/**
 * When to publish a run's new snapshot: at once on its first, on a phase or status change, or once
 * `intervalMs` has passed since the last; otherwise at the end of the interval (so the last movement
 * is never left unpublished); never for a snapshot no newer than the last.
 */
export function timing(
  last: Published | undefined,
  next: RunProgress,
  nowMs: number,
  intervalMs: number,
): Timing {
  if (last === undefined) return { now: true };
  if (next.seq <= last.seq) return undefined;
  if (next.phase !== last.phase || next.status !== last.status) return { now: true };
  const since = nowMs - last.atMs;
  return since >= intervalMs ? { now: true } : { now: false, delayMs: intervalMs - since };
}

/** Events that start a phase or change a run's status: never held back. */
const PHASE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'RunRequested',
  'DiscoveryCompleted',
  'MasterPlanCreated',
  'TaskListCreated',
  'AtomGraphBuilt',
  'StageFailed',
  'RunCompleted',
  'RunResumed',
  'AtomEdited',
  'AtomRegenerationRequested',
]);

/**
 * How long an event can wait for the next snapshot without the run's view being read now (one that
 * changes no phase, arriving within the interval after the last snapshot); undefined: not at all.
 */
export function waitFor(
  type: EventType,
  last: Published | undefined,
  nowMs: number,
  intervalMs: number,
): number | undefined {
  if (last === undefined || PHASE_EVENTS.has(type)) return undefined;
  const since = nowMs - last.atMs;
  return since < intervalMs ? intervalMs - since : undefined;
}
