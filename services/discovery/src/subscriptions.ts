import { MODEL_MAX_DELIVER, subscription } from '@mge/kit';
import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import type { RunRequestedDeps } from './handlers/run-requested.js';
import { onRunRequested } from './handlers/run-requested.js';

/** The discovery service at a glance. */
export const discoverySubscriptions = (deps: RunRequestedDeps, concurrency: number): Subscription[] => [
  subscription({
    durable: 'discovery',
    maxDeliver: MODEL_MAX_DELIVER,
    stream: streams.events,
    filter: subjects.eventOfAnyRun('run', 'requested'),
    accepts: ['RunRequested'],
    handler: onRunRequested(deps),
    maxInFlight: concurrency,
  }),
];
