import type { AtomDraft, DiscoveryDocument, MasterPlan, SymbolHome } from '@mge/contracts';
import { assembleFile, indexSymbols, planTasks } from '@mge/contracts';
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

const homesCache = new WeakMap<object, Map<string, SymbolHome>>();

/** Where every symbol of the document's project lives. */
function projectHomes(doc: DiscoveryDocument): Map<string, SymbolHome> {
  const blueprint = blueprintOf(doc);
  let homes = homesCache.get(blueprint);
  if (homes === undefined) {
    const plan = blueprint.plan;
    homes = indexSymbols(planTasks(plan).flatMap((t) => atomizeTask(doc, plan, t.id)));
    homesCache.set(blueprint, homes);
  }
  return homes;
}

/**
 * A task's whole file written in one go, imports included (V1): its declarations from their
 * templates, each passed through `rewrite` (where a simulated model puts its faults).
 */
export function generateFile(
  doc: DiscoveryDocument,
  taskId: string,
  rewrite: (atom: AtomDraft, code: string) => string = (_atom, code) => code,
): { file: string; code: string; atoms: AtomDraft[] } {
  const plan = blueprintOf(doc).plan;
  const atoms = atomizeTask(doc, plan, taskId);
  const file = planTasks(plan).find((t) => t.id === taskId)!.file;
  const sources = atoms.map((spec) => ({
    spec,
    code: rewrite(spec, generateAtom(doc, spec, noOptions).code),
  }));
  return { file, code: assembleFile(file, sources, projectHomes(doc)).text, atoms };
}

const noOptions = { attempt: 1, temperature: 0, feedback: [] };
