import { SYSTEM_SCOPE } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { isStoredEvent } from '@mge/kit';
import { describe } from './flags.js';

/**
 * Writes a warning for every rollback of V2 recorded from `since` on, while the returned stop
 * function has not been called (the monitor runs in this process and reacts to runs as they end).
 */
export function watchRollbacks(bus: Bus, since: string, write: (line: string) => void): () => Promise<void> {
  const stop = new AbortController();
  const watching = (async () => {
    for await (const event of bus.store.followRun(SYSTEM_SCOPE, { signal: stop.signal })) {
      if (isStoredEvent(event) && event.type === 'RolloutRolledBack' && event.time >= since)
        write(`warning: ${describe(event)}; mge flags set v2.rollout N --reason "…" to resume\n`);
    }
  })().catch(() => undefined); // the watch ends with the connection; nothing to report
  return async () => {
    stop.abort();
    await watching;
  };
}
