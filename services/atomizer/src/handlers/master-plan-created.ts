import { modelFailure } from '@mge/run';
import { planTasks } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack, callModel, mapLimit } from '@mge/kit';
import { decideAtoms, needsAtoms } from '../domain/atomizing.js';
import type { AtomizerModel } from '../ports.js';

/** Tasks of one plan split at once (each is one model call). */
const TASKS_AT_ONCE = 4;

export interface MasterPlanCreatedDeps {
  readonly bus: Bus;
  readonly model: AtomizerModel;
  readonly clock: Clock;
}

/**
 * MasterPlanCreated → AtomGraphBuilt (or StageFailed + RunCompleted, e.g. for a cycle or a model that
 * refused). A retryable provider error retries the message; tasks already answered get the same
 * answers again, unbilled (the provider keeps what each run paid for).
 */
export const onMasterPlanCreated =
  (deps: MasterPlanCreatedDeps): Handler<'MasterPlanCreated'> =>
  async (event, ctx) => {
    const view = await deps.bus.views.load(event.data.runId);
    const run = view.requested;
    if (!needsAtoms(view) || view.document === undefined || run === undefined) return ack();
    const meta = { source: 'mge/atomizer', time: deps.clock(), cause: event };
    const { document } = view;
    const tasks = planTasks(event.data.plan);
    const atomize = async () => {
      const drafts = await mapLimit(tasks, TASKS_AT_ONCE, async (task) => {
        const answer = await deps.model.atomize(document, event.data.plan, task.id, run);
        ctx.working();
        return answer;
      });
      return new Map<string, unknown>(tasks.map((task, i) => [task.id, drafts[i]]));
    };
    const call = await callModel(atomize, 'stage', ctx);
    if (call.kind === 'retry') return call.outcome;
    await deps.bus.store.append(
      call.kind === 'answered'
        ? decideAtoms(view, call.answer, meta)
        : modelFailure(view, 'atomizer', call.reason, meta),
    );
    return ack();
  };
