import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import { subscription } from '@mge/kit';
import type { ValidatorDeps } from './ports.js';
import { onAtomGenerated } from './handlers/atom-generated.js';
import { onValidateProject } from './handlers/project-work.js';
import { onValidationWork } from './handlers/validation-work.js';

/** The validator at a glance: L1 on every generated atom, L2–L4 (and V1's project check) as work items. */
export const validatorSubscriptions = (deps: ValidatorDeps, concurrency: number): Subscription[] => [
  subscription({
    durable: 'validator-atoms',
    stream: streams.events,
    filter: subjects.eventOfAnyRun('atom', 'generated'),
    accepts: ['AtomGenerated'],
    handler: onAtomGenerated(deps),
    maxInFlight: 32,
  }),
  subscription({
    durable: 'validator-edits',
    stream: streams.events,
    filter: subjects.eventOfAnyRun('review', 'edited'),
    accepts: ['AtomEdited'],
    handler: onAtomGenerated(deps),
    maxInFlight: 4,
  }),
  subscription({
    durable: 'validator',
    stream: streams.work,
    filter: subjects.serviceWork('validator'),
    accepts: ['ValidateTask', 'ValidateMilestone', 'ValidatePlan'],
    handler: onValidationWork(deps),
    maxInFlight: concurrency,
    ackWaitMs: 30_000,
  }),
  subscription({
    durable: 'validator-v1',
    stream: streams.work,
    filter: subjects.serviceWork('validator', 'v1'),
    accepts: ['ValidateProject'],
    handler: onValidateProject(deps),
    maxInFlight: 2,
    ackWaitMs: 30_000,
  }),
];
