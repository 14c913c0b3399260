import { MODEL_MAX_DELIVER, subscription } from '@mge/kit';
import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import type { DiscoveryCompletedDeps } from './handlers/discovery-completed.js';
import { onDiscoveryCompleted } from './handlers/discovery-completed.js';

/** The planner at a glance. */
export const plannerSubscriptions = (deps: DiscoveryCompletedDeps, concurrency: number): Subscription[] => [
  subscription({
    durable: 'planner',
    maxDeliver: MODEL_MAX_DELIVER,
    stream: streams.events,
    filter: subjects.eventOfAnyRun('discovery', 'completed'),
    accepts: ['DiscoveryCompleted'],
    handler: onDiscoveryCompleted(deps),
    maxInFlight: concurrency,
  }),
];
