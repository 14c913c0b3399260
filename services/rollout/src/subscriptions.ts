import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import { subscription } from '@mge/kit';
import type { MonitorDeps } from './handlers/run-completed.js';
import { onRunCompleted } from './handlers/run-completed.js';

/** The rollout monitor at a glance: every completed run, one at a time (the window is one value). */
export const rolloutSubscriptions = (deps: MonitorDeps): Subscription[] => [
  subscription({
    durable: 'rollout-monitor',
    stream: streams.events,
    filter: subjects.eventOfAnyRun('run', 'completed'),
    accepts: ['RunCompleted'],
    handler: onRunCompleted(deps),
    maxInFlight: 1,
  }),
];
