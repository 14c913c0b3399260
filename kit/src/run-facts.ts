import type { JetStreamManager } from '@nats-io/jetstream';
import type { AtomSpec, DiscoveryDocument, MasterPlan, RunRequested } from '@mge/contracts';
import { eventCatalog, streams, subjects } from '@mge/contracts';
import { InfrastructureError, ValidationFailure } from './errors.js';
import { parseWire } from './nats/wire.js';

/** What a run fixed once and for all, read by direct lookups instead of folding the run. */
export interface RunFacts {
  request(runId: string): Promise<RunRequested>;
  document(runId: string): Promise<DiscoveryDocument>;
  /** The run's atoms by id. */
  atoms(runId: string): Promise<ReadonlyMap<string, AtomSpec>>;
  /** The run's MasterPlan. */
  plan(runId: string): Promise<MasterPlan>;
}

type FactType = 'RunRequested' | 'DiscoveryCompleted' | 'AtomGraphBuilt' | 'MasterPlanCreated';

/**
 * Reads the one event that fixes a fact (its subject holds one message per run) and keeps the
 * results of the `capacity` most recently used runs (four facts each).
 */
export function createRunFacts(jsm: JetStreamManager, capacity = 64): RunFacts {
  const cache = new Map<string, Promise<unknown>>();

  const read = async (runId: string, type: FactType): Promise<unknown> => {
    const { aggregate, name } = eventCatalog[type];
    const subject = subjects.event(runId, aggregate, name);
    const stored = await jsm.streams
      .getMessage(streams.events, { last_by_subj: subject })
      .catch((error: unknown) => {
        if (/no message found/i.test((error as Error).message)) return null;
        throw new InfrastructureError(`cannot read ${subject}: ${(error as Error).message}`, {
          cause: error,
        });
      });
    if (stored === null) throw new ValidationFailure(`run ${runId} has no ${type} event`);
    const parsed = parseWire(stored.header, stored.data);
    if (!parsed.ok || parsed.message.type !== type)
      throw new ValidationFailure(`the ${type} event of run ${runId} does not parse`);
    return parsed.message.data;
  };

  const fact = <T>(runId: string, type: FactType, shape: (data: never) => T): Promise<T> => {
    const key = `${runId}/${type}`;
    let found = cache.get(key);
    if (found !== undefined) cache.delete(key); // re-inserted below: most recently used last
    if (found === undefined) {
      found = read(runId, type).then((data) => shape(data as never));
      found.catch(() => cache.delete(key)); // a failed read is tried again next time
      if (cache.size >= capacity * 4) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, found);
    return found as Promise<T>;
  };

  return {
    request: (runId) => fact(runId, 'RunRequested', (data: RunRequested) => data),
    document: (runId) =>
      fact(runId, 'DiscoveryCompleted', (data: { document: DiscoveryDocument }) => data.document),
    atoms: (runId) =>
      fact(
        runId,
        'AtomGraphBuilt',
        (data: { atoms: AtomSpec[] }) => new Map(data.atoms.map((a) => [a.id, a])),
      ),
    plan: (runId) => fact(runId, 'MasterPlanCreated', (data: { plan: MasterPlan }) => data.plan),
  };
}
