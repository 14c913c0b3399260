import { MODEL_MAX_DELIVER, subscription } from '@mge/kit';
import { streams, subjects } from '@mge/contracts';
import type { Subscription } from '@mge/kit';
import type { GenerateAtomDeps } from './ports.js';
import { onGenerateAtom } from './handlers/generate-atom.js';
import { onGenerateFile } from './handlers/generate-file.js';

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
  subscription({
    durable: 'executor',
    maxDeliver: MODEL_MAX_DELIVER,
    stream: streams.work,
    filter: subjects.serviceWork('executor'),
    accepts: ['GenerateAtom'],
    handler: onGenerateAtom(deps),
    maxInFlight: limits.perProcess,
    maxAckPending: limits.fleet,
    ackWaitMs: 15_000,
  }),
  subscription({
    // V1 writes one file at a time per run; its own lane, so it never waits behind V2's atoms
    durable: 'executor-v1',
    maxDeliver: MODEL_MAX_DELIVER,
    stream: streams.work,
    filter: subjects.serviceWork('executor', 'v1'),
    accepts: ['GenerateFile'],
    handler: onGenerateFile(deps),
    maxInFlight: 4,
    ackWaitMs: 30_000,
  }),
];
