import type { MasterPlan } from '@mge/contracts';
import { planMilestones, planTasks } from '@mge/contracts';

const duplicates = (values: readonly string[]): string[] => [
  ...new Set(values.filter((v, i) => values.indexOf(v) !== i)),
];

/** What makes a well-formed plan beyond its schema: unique ids and files, known dependencies, no task cycle. */
export function checkPlan(plan: MasterPlan): string[] {
  const tasks = planTasks(plan);
  const milestones = planMilestones(plan);
  const taskIds = new Set(tasks.map((t) => t.id));
  const milestoneIds = new Set(milestones.map((m) => m.id));
  const problems = [
    ...duplicates(tasks.map((t) => t.id)).map((id) => `task id ${id} is used twice`),
    ...duplicates(tasks.map((t) => t.file)).map((file) => `file ${file} has two tasks`),
    ...duplicates(milestones.map((m) => m.id)).map((id) => `milestone id ${id} is used twice`),
    ...tasks.flatMap((t) =>
      t.dependsOn.filter((d) => !taskIds.has(d)).map((d) => `task ${t.id} depends on unknown task ${d}`),
    ),
    ...milestones.flatMap((m) =>
      m.dependsOn
        .filter((d) => !milestoneIds.has(d))
        .map((d) => `milestone ${m.id} depends on unknown milestone ${d}`),
    ),
    ...milestones.flatMap((m) =>
      m.tasks
        .filter((t) => t.milestoneId !== m.id)
        .map((t) => `task ${t.id} names milestone ${t.milestoneId} but sits in ${m.id}`),
    ),
  ];
  const cycle = findTaskCycle(tasks);
  return cycle === undefined
    ? problems
    : [...problems, `tasks depend on each other in a cycle: ${cycle.join(' → ')}`];
}

function findTaskCycle(tasks: readonly { id: string; dependsOn: readonly string[] }[]): string[] | undefined {
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const next of deps.get(id) ?? []) {
      const found = visit(next);
      if (found !== undefined) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const t of tasks) {
    const found = visit(t.id);
    if (found !== undefined) return found;
  }
  return undefined;
}
