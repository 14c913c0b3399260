import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import type { ProjectorDeps } from './handlers/review-events.js';
import { onReviewEvent } from './handlers/review-events.js';

/** The review queue projector at a glance: the review events, and reviewers' edits (one at a time: entries are read, changed, written). */
export const reviewSubscriptions = (deps: ProjectorDeps): Subscription[] => [
  {
    durable: 'review-projector',
    stream: streams.events,
    filter: `mge.ev.*.review.>`,
    accepts: ['ReviewQueued', 'AtomApproved', 'AtomRejected', 'AtomRegenerationRequested'],
    handler: onReviewEvent(deps),
    maxInFlight: 1,
  },
  {
    durable: 'review-projector-edits',
    stream: streams.events,
    filter: subjects.eventOfAnyRun('atom', 'edited'),
    accepts: ['AtomEdited'],
    handler: onReviewEvent(deps),
    maxInFlight: 1,
  },
];
