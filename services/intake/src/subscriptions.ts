import { eventTypes, streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import { subscription } from '@mge/kit';
import type { ProgressPublisher } from './handlers/progress.js';

/** The intake at a glance: besides answering `mge.requests`, it turns every event into run progress. */
export const intakeSubscriptions = (progress: ProgressPublisher): Subscription[] => [
  subscription({
    durable: 'intake-progress',
    stream: streams.events,
    filter: subjects.allEvents,
    accepts: eventTypes,
    handler: progress.handler,
    maxInFlight: 32,
  }),
];
