import type { MgeEvent, StoredEvent } from '@mge/contracts';

/** The L1 verdict of every atom attempt, by `atomId#attempt`: what the fault model decided. */
export function attemptVerdicts(events: readonly StoredEvent[]): Map<string, string> {
  const verdicts = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'AtomValidated') continue;
    const { atomId, attempt, passed } = (event as MgeEvent<'AtomValidated'>).data;
    verdicts.set(`${atomId}#${attempt}`, passed ? 'ok' : 'rejected');
  }
  return verdicts;
}

/** How many times each (type, atom, attempt) was recorded: anything above 1 is a duplicate. */
export function duplicates(events: readonly StoredEvent[]): string[] {
  const seen = new Map<string, number>();
  for (const event of events) {
    const data = event.data as { atomId?: string; attempt?: number };
    if (data.atomId === undefined) continue;
    const key = `${event.type} ${data.atomId}#${data.attempt ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

/**
 * Atoms dispatched more often than they were rejected (+1 for the first attempt): a finished atom
 * regenerated for no reason. Rejections are L1 failures, failed generations and blames by L2–L4.
 */
export function unexplainedRetries(events: readonly StoredEvent[]): string[] {
  const dispatches = new Map<string, number>();
  const rejections = new Map<string, number>();
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const event of events) {
    const data = event.data as { atomId?: string; passed?: boolean; blamedAtoms?: string[] };
    if (event.type === 'AtomDispatched') bump(dispatches, data.atomId!);
    if (event.type === 'AtomGenerationFailed' || (event.type === 'AtomValidated' && data.passed === false))
      bump(rejections, data.atomId!);
    if (data.passed === false) for (const id of data.blamedAtoms ?? []) bump(rejections, id);
  }
  return [...dispatches]
    .filter(([id, n]) => n > 1 + (rejections.get(id) ?? 0))
    .map(([id, n]) => `${id}: ${n} dispatches, ${rejections.get(id) ?? 0} rejections`);
}
