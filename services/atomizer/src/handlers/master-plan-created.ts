import { planTasks } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack, UpstreamError } from '@mge/kit';
import { decideAtoms, modelFailed, needsAtoms } from '../domain/atomizing.js';
import type { AtomizerModel } from '../ports.js';

export interface MasterPlanCreatedDeps {
  readonly bus: Bus;
  readonly model: AtomizerModel;
  readonly clock: Clock;
}

/**
 * MasterPlanCreated → AtomGraphBuilt (or StageFailed + RunCompleted, e.g. for a cycle or a model that
 * refused). A retryable provider error retries the message; tasks already answered come from the
 * response cache or, re-asked, from the model.
 */
export const onMasterPlanCreated =
  (deps: MasterPlanCreatedDeps): Handler<'MasterPlanCreated'> =>
  async (event, ctx) => {
    const view = await deps.bus.views.load(event.data.runId);
    const run = view.requested;
    if (!needsAtoms(view) || view.document === undefined || run === undefined) return ack();
    const meta = { source: 'mge/atomizer', time: deps.clock(), cause: event };
    const answers = new Map<string, unknown>();
    try {
      for (const task of planTasks(event.data.plan)) {
        answers.set(task.id, await deps.model.atomize(view.document, event.data.plan, task.id, run));
        ctx.working();
      }
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.retryable) throw error;
      await deps.bus.store.append(modelFailed(view, error.message, meta));
      return ack();
    }
    await deps.bus.store.append(decideAtoms(view, answers, meta));
    return ack();
  };
