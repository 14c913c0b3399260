import type { MgeEvent } from '@mge/contracts';
import type { Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import { evolveQueue } from '../domain/queue.js';
import type { ReviewStore } from '../ports.js';

export interface ProjectorDeps {
  readonly store: ReviewStore;
}

type ReviewEvent = MgeEvent<
  'ReviewQueued' | 'AtomApproved' | 'AtomRejected' | 'AtomEdited' | 'AtomRegenerationRequested'
>;

/** A review event → the queue entries it changes, written to the store. */
export const onReviewEvent =
  (deps: ProjectorDeps): Handler<ReviewEvent['type']> =>
  async (event) => {
    const changed = evolveQueue(await deps.store.entriesOf(event.data.runId), event);
    await deps.store.put(changed);
    return ack();
  };
