import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import { subscription } from '@mge/kit';
import type { ProjectorDeps } from './handlers/review-events.js';
import { onReviewEvent } from './handlers/review-events.js';

/**
 * The review queue projector at a glance: every review event, in log order, one at a time per process
 * (replicas sharing the durable write with compare-and-set).
 */
export const reviewSubscriptions = (deps: ProjectorDeps): Subscription[] => [
  subscription({
    durable: 'review-projector',
    stream: streams.events,
    filter: subjects.eventOfAnyRun('review', '>'),
    accepts: ['ReviewQueued', 'AtomApproved', 'AtomRejected', 'AtomEdited', 'AtomRegenerationRequested'],
    handler: onReviewEvent(deps),
    maxInFlight: 1,
  }),
];
