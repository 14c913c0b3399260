import type { Confidence, MgeEvent, ReviewItem } from '@mge/contracts';

/** Where an atom under review stands. */
export type ReviewStatus =
  | 'pending' // waiting for a reviewer
  | 'approved' // accepted as it is
  | 'rejected' // turned down: waits for an edit or a regeneration
  | 'revalidating' // edited or regenerated: the reopened run is validating it
  | 'fixed'; // edited or regenerated, and the run completed without it failing

/** One entry of the review queue (the projection's value). */
export interface ReviewEntry {
  readonly runId: string;
  readonly atomId: string;
  readonly reason: ReviewItem['reason'];
  readonly confidence: Confidence;
  readonly status: ReviewStatus;
  /** The latest reviewer action: who, what and when. */
  readonly last:
    | { readonly action: string; readonly by: string; readonly note: string; readonly time: string }
    | undefined;
}

type ReviewEvent = MgeEvent<
  'ReviewQueued' | 'AtomApproved' | 'AtomRejected' | 'AtomEdited' | 'AtomRegenerationRequested'
>;

/**
 * The queue entries an event changes, given the run's current entries: a ReviewQueued adds its items
 * (an atom a reviewer fixed that fails again comes back pending; one that does not is fixed); a
 * reviewer's action changes its atom's entry. Applying an event twice gives what applying it once gave.
 */
export function evolveQueue(entries: ReadonlyMap<string, ReviewEntry>, event: ReviewEvent): ReviewEntry[] {
  if (event.type === 'ReviewQueued') {
    const queued = new Map(event.data.items.map((i) => [i.atomId, i]));
    const changed: ReviewEntry[] = [];
    for (const entry of entries.values()) {
      const again = queued.get(entry.atomId);
      if (again?.reason === 'failed' && entry.status !== 'pending')
        changed.push({ ...entry, ...again, status: 'pending' }); // failed (again), whatever was decided before
      else if (entry.status === 'revalidating')
        changed.push({ ...entry, confidence: again?.confidence ?? entry.confidence, status: 'fixed' });
    }
    for (const item of event.data.items) {
      if (entries.has(item.atomId)) continue;
      changed.push({ runId: event.data.runId, ...item, status: 'pending', last: undefined });
    }
    return changed;
  }
  const entry = entries.get(event.data.atomId);
  if (entry === undefined) return [];
  const act = (action: string, status: ReviewStatus, note: string): ReviewEntry[] => [
    { ...entry, status, last: { action, by: event.data.by, note, time: event.time } },
  ];
  switch (event.type) {
    case 'AtomApproved':
      return act('approve', 'approved', event.data.note);
    case 'AtomRejected':
      return act('reject', 'rejected', event.data.reason);
    case 'AtomEdited':
      return act('edit', 'revalidating', `attempt ${event.data.attempt} written by hand`);
    case 'AtomRegenerationRequested':
      return act('regenerate', 'revalidating', event.data.note);
  }
}
