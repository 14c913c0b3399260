import type { DecisionMeta, RunView } from '@mge/run';
import type { MasterPlan, WorkItem } from '@mge/contracts';
import { createMessage, planMilestones, planTasks } from '@mge/contracts';
import { revisionOf, scopeAtoms } from '@mge/run';

const allPassed = (view: RunView, atomIds: readonly string[]): boolean =>
  atomIds.length > 0 && atomIds.every((id) => view.atoms.get(id)?.status === 'passed');

/** Whether a level's latest result passed at the current revision of its scope. */
/** `revise`, remembering each id's answer. */
function once(revise: (id: string) => string): (id: string) => string {
  const known = new Map<string, string>();
  return (id) => {
    const revision = known.get(id) ?? revise(id);
    known.set(id, revision);
    return revision;
  };
}

const passedNow = (result: { passed: boolean; revision: string } | undefined, revision: string): boolean =>
  result?.passed === true && result.revision === revision;

/**
 * For each milestone, the other milestones its atoms depend on, leaving out dependencies that lead
 * back to it (milestones that depend on each other are validated independently).
 */
export function milestoneDependencies(view: RunView): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const atom of view.atoms.values()) {
    const own = atom.spec.milestoneId;
    const set = deps.get(own) ?? new Set<string>();
    deps.set(own, set);
    for (const id of atom.spec.dependsOn) {
      const other = view.atoms.get(id)?.spec.milestoneId;
      if (other !== undefined && other !== own) set.add(other);
    }
  }
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return [...(deps.get(from) ?? [])].some((next) => reaches(next, to, seen));
  };
  const acyclic = new Map<string, Set<string>>();
  for (const [m, set] of deps) acyclic.set(m, new Set([...set].filter((n) => !reaches(n, m))));
  return acyclic;
}

/**
 * The validations the run is ready for and has not had at the current revision of their scope: a
 * task whose atoms all passed L1, a milestone whose tasks all passed L2 and whose prerequisite
 * milestones passed L3 (so a failing test is blamed where the fault is, not downstream), the plan
 * once every milestone passed L3. Work ids carry the revision, so asking twice is harmless.
 */
export function pendingValidations(
  view: RunView,
  plan: MasterPlan,
  milestoneDeps: ReadonlyMap<string, ReadonlySet<string>>,
  meta: DecisionMeta,
): WorkItem[] {
  const runId = view.runId;
  const work: WorkItem[] = [];
  // after a reviewer reopened the run, a scope can be due again at a revision already asked for
  // (its work dropped as the run completed): a new key, so the log does not take it for a repeat
  const reopened = view.reopens === 0 ? [] : [`reopened-${view.reopens}`];
  // a task's revision is asked for again by its milestone: each scope's is summed once per call
  const taskRevision = once((id) => revisionOf(view, scopeAtoms(view, { taskId: id })));
  const milestoneRevision = once((id) => revisionOf(view, scopeAtoms(view, { milestoneId: id })));
  for (const task of planTasks(plan)) {
    const revision = taskRevision(task.id);
    if (
      allPassed(view, scopeAtoms(view, { taskId: task.id })) &&
      view.tasks.get(task.id)?.revision !== revision
    ) {
      const data = { runId, taskId: task.id, revision };
      work.push(
        createMessage('ValidateTask', data, {
          ...meta,
          key: [task.id, revision, ...reopened],
          subject: task.id,
        }),
      );
    }
  }
  const milestonePassed = new Map<string, boolean>();
  const milestones = planMilestones(plan);
  for (const m of milestones)
    milestonePassed.set(m.id, passedNow(view.milestones.get(m.id), milestoneRevision(m.id)));
  for (const m of milestones) {
    const revision = milestoneRevision(m.id);
    const tasksPassed = m.tasks.every((t) => passedNow(view.tasks.get(t.id), taskRevision(t.id)));
    const prerequisitesPassed = [...(milestoneDeps.get(m.id) ?? [])].every((id) => milestonePassed.get(id));
    if (tasksPassed && prerequisitesPassed && view.milestones.get(m.id)?.revision !== revision) {
      const data = { runId, milestoneId: m.id, revision };
      work.push(
        createMessage('ValidateMilestone', data, {
          ...meta,
          key: [m.id, revision, ...reopened],
          subject: m.id,
        }),
      );
    }
  }
  const revision = revisionOf(view, view.atoms.keys());
  if ([...milestonePassed.values()].every(Boolean) && view.planResult?.revision !== revision) {
    work.push(createMessage('ValidatePlan', { runId, revision }, { ...meta, key: [revision, ...reopened] }));
  }
  return work;
}
