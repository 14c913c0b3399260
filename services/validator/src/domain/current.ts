import type { RunView } from '@mge/run';
import { revisionOf, scopeAtoms } from '@mge/run';

/** Whether a validation asked for at `revision` is still the one to do (its scope has not moved on, no result yet). */
export function isCurrent(
  view: RunView,
  scope: { taskId: string } | { milestoneId: string } | 'plan',
  revision: string,
): boolean {
  const atoms = scopeAtoms(view, scope);
  if (revisionOf(view, atoms) !== revision || view.completed !== undefined) return false;
  const result =
    scope === 'plan'
      ? view.planResult
      : 'taskId' in scope
        ? view.tasks.get(scope.taskId)
        : view.milestones.get(scope.milestoneId);
  return result?.revision !== revision;
}
