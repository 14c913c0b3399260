import type { Bus, Clock, Handler } from '@mge/kit';
import { modelFailure } from '@mge/run';
import { ack, endsTheStep } from '@mge/kit';
import { decidePlan, needsPlan } from '../domain/planning.js';
import { needsTaskList } from '../domain/task-list.js';
import type { PlannerModel } from '../ports.js';

export interface DiscoveryCompletedDeps {
  readonly bus: Bus;
  readonly model: PlannerModel;
  readonly clock: Clock;
}

/**
 * DiscoveryCompleted → MasterPlanCreated, or TaskListCreated for V1 (or StageFailed + RunCompleted
 * for a plan that is not valid, or a model that refused). A retryable provider error retries the message.
 */
export const onDiscoveryCompleted =
  (deps: DiscoveryCompletedDeps): Handler<'DiscoveryCompleted'> =>
  async (event, ctx) => {
    const view = await deps.bus.views.load(event.data.runId);
    if (view.requested === undefined || (!needsPlan(view) && !needsTaskList(view))) return ack();
    const meta = { source: 'mge/planner', time: deps.clock(), cause: event };
    try {
      const answer = await deps.model.plan(event.data.document, view.requested);
      await deps.bus.store.append(decidePlan(view, answer, meta));
    } catch (error) {
      if (!endsTheStep(error, ctx.deliveryCount)) throw error;
      await deps.bus.store.append(modelFailure(view, 'planner', error.message, meta));
    }
    return ack();
  };
