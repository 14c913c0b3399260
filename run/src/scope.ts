import type { RunView } from './view.js';

/** The revision of a set of atoms: the sum of their attempts, which grows with every new attempt. */
export function revisionOf(view: RunView, atomIds: Iterable<string>): string {
  let sum = 0;
  for (const id of atomIds) sum += view.atoms.get(id)?.attempt ?? 0;
  return `a${sum}`;
}

/** The atoms a validation scope covers: a task, a milestone, or the whole plan. */
export function scopeAtoms(
  view: RunView,
  scope: { taskId: string } | { milestoneId: string } | 'plan',
): string[] {
  if (scope === 'plan') return [...view.atoms.keys()];
  if ('taskId' in scope) return view.taskAtoms.get(scope.taskId) ?? [];
  return view.milestoneAtoms.get(scope.milestoneId) ?? [];
}
