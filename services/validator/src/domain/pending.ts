import type { DecisionMeta, RunView, WorkItem } from '@mge/contracts';
import { createMessage, planMilestones, planTasks, revisionOf, scopeAtoms } from '@mge/contracts';

const allPassed = (view: RunView, atomIds: readonly string[]): boolean =>
  atomIds.length > 0 && atomIds.every((id) => view.atoms.get(id)?.status === 'passed');

/** Whether a level's latest result passed at the current revision of its scope. */
const passedNow = (result: { passed: boolean; revision: string } | undefined, revision: string): boolean =>
  result?.passed === true && result.revision === revision;

/**
 * The validations the run is ready for and has not had at the current revision of their scope: a
 * task whose atoms all passed L1, a milestone whose tasks all passed L2, the plan once every
 * milestone passed L3. Work ids carry the revision, so asking twice is harmless.
 */
export function pendingValidations(view: RunView, meta: DecisionMeta): WorkItem[] {
  if (view.plan === undefined || view.completed !== undefined) return [];
  const runId = view.runId;
  const work: WorkItem[] = [];
  const milestones = planMilestones(view.plan);
  for (const task of planTasks(view.plan)) {
    const atoms = scopeAtoms(view, { taskId: task.id });
    const revision = revisionOf(view, atoms);
    if (allPassed(view, atoms) && view.tasks.get(task.id)?.revision !== revision) {
      work.push(
        createMessage(
          'ValidateTask',
          { runId, taskId: task.id, revision },
          { ...meta, key: [task.id, revision], subject: task.id },
        ),
      );
    }
  }
  const milestoneReady = milestones.map((m) => {
    const revision = revisionOf(view, scopeAtoms(view, { milestoneId: m.id }));
    const tasksPassed = m.tasks.every((t) =>
      passedNow(view.tasks.get(t.id), revisionOf(view, scopeAtoms(view, { taskId: t.id }))),
    );
    if (tasksPassed && view.milestones.get(m.id)?.revision !== revision) {
      work.push(
        createMessage(
          'ValidateMilestone',
          { runId, milestoneId: m.id, revision },
          { ...meta, key: [m.id, revision], subject: m.id },
        ),
      );
    }
    return passedNow(view.milestones.get(m.id), revision);
  });
  const revision = revisionOf(view, view.atoms.keys());
  if (milestoneReady.every(Boolean) && view.planResult?.revision !== revision) {
    work.push(createMessage('ValidatePlan', { runId, revision }, { ...meta, key: [revision] }));
  }
  return work;
}

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
