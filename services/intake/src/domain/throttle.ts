import type { RunProgress } from '@mge/contracts';

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
