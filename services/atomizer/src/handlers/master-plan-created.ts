import { planTasks } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import { decideAtoms, needsAtoms } from '../domain/atomizing.js';
import type { AtomizerModel } from '../ports.js';

export interface MasterPlanCreatedDeps {
  readonly bus: Bus;
  readonly model: AtomizerModel;
  readonly clock: Clock;
}

/** MasterPlanCreated → AtomGraphBuilt (or StageFailed + RunCompleted, e.g. for a cycle). */
export const onMasterPlanCreated =
  (deps: MasterPlanCreatedDeps): Handler<'MasterPlanCreated'> =>
  async (event, ctx) => {
    const view = await deps.bus.views.load(event.data.runId);
    if (!needsAtoms(view) || view.document === undefined) return ack();
    const answers = new Map<string, unknown>();
    for (const task of planTasks(event.data.plan)) {
      answers.set(task.id, await deps.model.atomize(view.document, event.data.plan, task.id));
      ctx.working();
    }
    await deps.bus.store.append(
      decideAtoms(view, answers, { source: 'mge/atomizer', time: deps.clock(), cause: event }),
    );
    return ack();
  };
