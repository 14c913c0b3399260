import type { MgeEvent } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import { schedule } from '../domain/schedule.js';

export interface RunProgressDeps {
  readonly bus: Bus;
  readonly clock: Clock;
}

/**
 * Any event that can change what is runnable (atoms built, an atom validated or not generated, a level
 * validated): fold the run, decide, record the decisions, then hand out the work.
 */
export const onRunProgress =
  (deps: RunProgressDeps): Handler =>
  async (message) => {
    const event = message as MgeEvent;
    await deps.bus.views.withRun(event.data.runId, async (view) => {
      const { events, work } = schedule(view, { source: 'mge/executor', time: deps.clock(), cause: event });
      await deps.bus.store.append([...events, ...work]);
    });
    return ack();
  };
