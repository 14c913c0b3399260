import type { Bus, Clock, Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import { decidePlan, needsPlan } from '../domain/planning.js';
import { needsTaskList } from '../domain/task-list.js';
import type { PlannerModel } from '../ports.js';

export interface DiscoveryCompletedDeps {
  readonly bus: Bus;
  readonly model: PlannerModel;
  readonly clock: Clock;
}

/** DiscoveryCompleted → MasterPlanCreated, or TaskListCreated for V1 (or StageFailed + RunCompleted for a plan that is not valid). */
export const onDiscoveryCompleted =
  (deps: DiscoveryCompletedDeps): Handler<'DiscoveryCompleted'> =>
  async (event) => {
    const view = await deps.bus.views.load(event.data.runId);
    if (!needsPlan(view) && !needsTaskList(view)) return ack();
    const answer = await deps.model.plan(event.data.document);
    await deps.bus.store.append(
      decidePlan(view, answer, { source: 'mge/planner', time: deps.clock(), cause: event }),
    );
    return ack();
  };
