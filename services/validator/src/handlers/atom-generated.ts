import type { MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import { pendingValidations } from '../domain/pending.js';
import type { Checker } from '../ports.js';

export interface ValidatorDeps {
  readonly bus: Bus;
  readonly checker: Checker;
  readonly clock: Clock;
}

/** AtomGenerated → AtomValidated (L1); then any task it completed is queued for L2. */
export const onAtomGenerated =
  (deps: ValidatorDeps): Handler<'AtomGenerated'> =>
  async (event) => {
    const { runId, atomId, attempt } = event.data;
    const view = await deps.bus.views.load(runId);
    const atom = view.atoms.get(atomId);
    if (atom?.attempt !== attempt || atom.status !== 'generated') return ack(); // stale or already validated
    const started = performance.now();
    const errors = deps.checker.checkAtom(atom.spec, event.data.code);
    const data = {
      runId,
      atomId,
      attempt,
      level: 1 as const,
      passed: errors.length === 0,
      errors,
      durationMs: elapsed(started),
    };
    const meta = { source: 'mge/validator', time: deps.clock(), cause: event };
    await deps.bus.store.append([
      createMessage('AtomValidated', data, { ...meta, key: [atomId, attempt], subject: atomId }),
    ]);
    if (data.passed) await queuePending(deps, event, runId);
    return ack();
  };

/** Re-reads the run (now holding what was just recorded) and queues the validations it is ready for. */
export async function queuePending(
  deps: ValidatorDeps,
  cause: Pick<MgeEvent, 'id' | 'correlationId'>,
  runId: string,
): Promise<void> {
  const view = await deps.bus.views.load(runId);
  const work = pendingValidations(view, { source: 'mge/validator', time: deps.clock(), cause });
  if (work.length > 0) await deps.bus.store.append(work);
}

export const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;
