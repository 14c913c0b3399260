import { MODEL_MAX_DELIVER } from '@mge/kit';
import { streams, subjects } from '@mge/contracts';
import type { Handler, Subscription } from '@mge/kit';
import type { DiscoveryCompletedDeps } from './handlers/discovery-completed.js';
import { onDiscoveryCompleted } from './handlers/discovery-completed.js';

/** The planner at a glance. */
export const plannerSubscriptions = (deps: DiscoveryCompletedDeps, concurrency: number): Subscription[] => [
  {
    durable: 'planner',
    maxDeliver: MODEL_MAX_DELIVER,
    stream: streams.events,
    filter: subjects.eventOfAnyRun('discovery', 'completed'),
    accepts: ['DiscoveryCompleted'],
    handler: onDiscoveryCompleted(deps) as Handler,
    maxInFlight: concurrency,
  },
];
