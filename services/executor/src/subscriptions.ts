import { streams, subjects } from '@mge/contracts';
import type { Handler, Subscription } from '@mge/kit';
import type { GenerateAtomDeps } from './handlers/generate-atom.js';
import { onGenerateAtom } from './handlers/generate-atom.js';

/** Bounds on atom generations in flight: in this process, and across every executor sharing the consumer. */
export interface ExecutorLimits {
  readonly perProcess: number;
  readonly fleet: number;
}

/**
 * The executor's workers at a glance: one work consumer, shared by every replica. (The scheduler,
 * which reads every event, runs in the one replica holding its lease: see service.ts.)
 */
export const executorSubscriptions = (deps: GenerateAtomDeps, limits: ExecutorLimits): Subscription[] => [
  {
    durable: 'executor',
    stream: streams.work,
    filter: subjects.serviceWork('executor'),
    accepts: ['GenerateAtom'],
    handler: onGenerateAtom(deps) as Handler,
    maxInFlight: limits.perProcess,
    maxAckPending: limits.fleet,
    ackWaitMs: 15_000,
  },
];
