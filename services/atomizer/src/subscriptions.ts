import { MODEL_MAX_DELIVER, subscription } from '@mge/kit';
import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import type { MasterPlanCreatedDeps } from './handlers/master-plan-created.js';
import { onMasterPlanCreated } from './handlers/master-plan-created.js';

/** The atomizer at a glance. */
export const atomizerSubscriptions = (deps: MasterPlanCreatedDeps, concurrency: number): Subscription[] => [
  subscription({
    durable: 'atomizer',
    maxDeliver: MODEL_MAX_DELIVER,
    stream: streams.events,
    filter: subjects.eventOfAnyRun('plan', 'created'),
    accepts: ['MasterPlanCreated'],
    handler: onMasterPlanCreated(deps),
    maxInFlight: concurrency,
  }),
];
