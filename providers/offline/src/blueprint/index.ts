import type { AtomDraft, DiscoveryDocument, MasterPlan } from '@mge/contracts';
import { planTasks } from '@mge/contracts';
import { blueprintOf } from './cache.js';

/** The plan of the generated project: setup (shared code), core (one milestone per entity), polish (integration). */
export function planProject(doc: DiscoveryDocument): MasterPlan {
  return structuredClone(blueprintOf(doc).plan);
}

/** The atoms of one task: one top-level declaration each, with the project symbols and Node bindings it uses. */
export function atomizeTask(doc: DiscoveryDocument, plan: MasterPlan, taskId: string): AtomDraft[] {
  const task = planTasks(plan).find((t) => t.id === taskId);
  if (task === undefined) throw new Error(`the plan has no task ${taskId}`);
  const drafts = blueprintOf(doc).atomsByTask.get(taskId);
  if (drafts === undefined) throw new Error(`the offline model has no task ${taskId} for this document`);
  return drafts.map((d) => ({
    ...d,
    milestoneId: task.milestoneId,
    file: task.file,
    needs: [...d.needs],
    uses: d.uses.map((u) => ({ ...u })),
  }));
}

/** The code of one atom, from its template: a pure function of the document and the atom (attempts do not matter). */
export function generateAtom(
  doc: DiscoveryDocument,
  atom: Pick<AtomDraft, 'id' | 'taskId' | 'symbol' | 'file'>,
  _options: { attempt: number; temperature: number; feedback: readonly string[] },
): { code: string } {
  const blueprint = blueprintOf(doc);
  const code =
    blueprint.codeByAtom.get(atom.id) ??
    (() => {
      const draft = blueprint.atomsByTask.get(atom.taskId)?.find((d) => d.symbol === atom.symbol);
      return draft === undefined ? undefined : blueprint.codeByAtom.get(draft.id);
    })();
  if (code === undefined)
    throw new Error(`the offline model has no atom ${atom.id} (${atom.symbol} in ${atom.file})`);
  return { code };
}
