import type { Bus, Clock, Handler } from '@mge/kit';
import { modelFailure } from '@mge/run';
import { ack, callModel } from '@mge/kit';
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
    const run = view.requested;
    const call = await callModel(() => deps.model.plan(event.data.document, run), 'stage', ctx);
    if (call.kind === 'retry') return call.outcome;
    await deps.bus.store.append(
      call.kind === 'answered'
        ? decidePlan(view, call.answer, meta)
        : modelFailure(view, 'planner', call.reason, meta),
    );
    return ack();
  };
