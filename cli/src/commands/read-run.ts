import type { StoredEvent } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { UsageError } from '../errors.js';

/** A run's events, or a usage error naming the run when the log has none. */
export async function readKnownRun(
  bus: Bus,
  runId: string,
  where: string,
): Promise<{ events: StoredEvent[]; invalid: number }> {
  const { events, invalid } = await bus.store.readRun(runId);
  if (events.length === 0 && invalid.length === 0)
    throw new UsageError(`no run ${runId} in the event log at ${where}; see mge runs`);
  return { events, invalid: invalid.length };
}
