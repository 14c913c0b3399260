import type { EventType } from '@mge/contracts';
import { eventCatalog, streams, subjects } from '@mge/contracts';
import type { Handler, Subscription } from '@mge/kit';
import type { GenerateAtomDeps } from './handlers/generate-atom.js';
import { onGenerateAtom } from './handlers/generate-atom.js';
import { onRunProgress } from './handlers/run-progress.js';

/** The events after which the executor looks again at what can run. */
const PROGRESS: readonly EventType[] = [
  'AtomGraphBuilt',
  'AtomValidated',
  'AtomGenerationFailed',
  'TaskValidated',
  'MilestoneValidated',
  'MasterPlanValidated',
];

const durableOf = (type: EventType) => `executor-${eventCatalog[type].aggregate}-${eventCatalog[type].name}`;

/** The executor at a glance: one scheduling consumer per progress event (one filter each), one work consumer. */
export const executorSubscriptions = (deps: GenerateAtomDeps, concurrency: number): Subscription[] => [
  ...PROGRESS.map((type) => ({
    durable: durableOf(type),
    stream: streams.events,
    filter: subjects.eventOfAnyRun(eventCatalog[type].aggregate, eventCatalog[type].name),
    accepts: [type],
    handler: onRunProgress(deps),
    maxInFlight: 32,
  })),
  {
    durable: 'executor',
    stream: streams.work,
    filter: subjects.serviceWork('executor'),
    accepts: ['GenerateAtom'],
    handler: onGenerateAtom(deps) as Handler,
    maxInFlight: concurrency,
    ackWaitMs: 60_000,
  },
];
