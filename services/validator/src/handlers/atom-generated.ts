import { createMessage, planTasks } from '@mge/contracts';
import type { Handler } from '@mge/kit';
import { ack, elapsedMs } from '@mge/kit';
import type { ValidatorDeps } from '../ports.js';

/**
 * AtomGenerated (or a reviewer's AtomEdited) → AtomValidated (L1). L1 needs only the attempt's code and the atom's spec (fixed for
 * the run), so nothing is folded; checking an attempt twice records the same event id, stored once.
 */
export const onAtomGenerated =
  (deps: ValidatorDeps): Handler<'AtomGenerated' | 'AtomEdited'> =>
  async (event) => {
    const { runId, atomId, attempt } = event.data;
    const spec = (await deps.bus.facts.atoms(runId)).get(atomId);
    if (spec === undefined) return ack(); // not an atom of this run: nothing to judge
    const started = performance.now();
    // Where the plan puts the atom's task decides what it may use, not the file the atom names.
    const task = planTasks(await deps.bus.facts.plan(runId)).find((t) => t.id === spec.taskId);
    const errors = deps.checker.checkAtom(spec, event.data.code, { planFile: task?.file });
    const data = {
      runId,
      atomId,
      attempt,
      level: 1 as const,
      passed: errors.length === 0,
      errors,
      durationMs: elapsedMs(started),
    };
    const meta = { source: 'mge/validator', time: deps.clock(), cause: event };
    await deps.bus.store.append([
      createMessage('AtomValidated', data, { ...meta, key: [atomId, attempt], subject: atomId }),
    ]);
    return ack();
  };
