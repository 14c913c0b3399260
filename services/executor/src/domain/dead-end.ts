import type { LevelView, RunView } from '@mge/run';
import { revisionOf, scopeAtoms } from '@mge/run';

/**
 * A validation that failed at the current revision of its scope without blaming any atom that could
 * be regenerated: nothing will change it, so the run cannot finish. Returns why, or undefined.
 */
export function findDeadEnd(view: RunView): string | undefined {
  const current = (result: LevelView, atoms: string[]) =>
    !result.passed && result.revision === revisionOf(view, atoms);
  const unattributed = (result: LevelView) => result.blamedAtoms.length === 0;
  for (const [taskId, result] of view.tasks) {
    if (current(result, scopeAtoms(view, { taskId })) && unattributed(result))
      return `task ${taskId} failed L2 with no atom to blame`;
  }
  for (const [milestoneId, result] of view.milestones) {
    if (current(result, scopeAtoms(view, { milestoneId })) && unattributed(result)) {
      return `milestone ${milestoneId} failed L3 with no atom to blame`;
    }
  }
  const plan = view.planResult;
  if (plan !== undefined && current(plan, scopeAtoms(view, 'plan')) && unattributed(plan)) {
    return `the project failed L4 with no atom to blame: ${plan.errors[0]?.message ?? ''}`;
  }
  return undefined;
}
