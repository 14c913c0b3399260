import type { DecisionMeta, RunView } from '@mge/run';
import { stopsForQuestions } from '@mge/run';
import type { MgeEvent, Task, MasterPlan } from '@mge/contracts';
import { createMessage, planTasks } from '@mge/contracts';

/** Whether a V1 run has its DiscoveryDocument but no task list yet. */
export const needsTaskList = (view: RunView): boolean =>
  view.requested?.mode === 'v1' &&
  view.document !== undefined &&
  view.v1 === undefined &&
  view.completed === undefined &&
  !stopsForQuestions(view);

/** The plan's tasks as one flat list, every task after the tasks it depends on (plan order otherwise). */
export function flattenPlan(plan: MasterPlan): Task[] {
  const tasks = planTasks(plan);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const placed = new Set<string>();
  const ordered: Task[] = [];
  const place = (task: Task, path: ReadonlySet<string>): void => {
    if (placed.has(task.id) || path.has(task.id)) return;
    const next = new Set(path).add(task.id);
    for (const dep of task.dependsOn) {
      const found = byId.get(dep);
      if (found !== undefined) place(found, next);
    }
    placed.add(task.id);
    ordered.push(task);
  };
  for (const task of tasks) place(task, new Set());
  return ordered;
}

/** V1 plans without phases or milestones: the checked plan's tasks, flattened in generation order. */
export const taskListCreated = (view: RunView, plan: MasterPlan, meta: DecisionMeta): MgeEvent[] => [
  createMessage('TaskListCreated', { runId: view.runId, tasks: flattenPlan(plan) }, { ...meta, key: [] }),
];
