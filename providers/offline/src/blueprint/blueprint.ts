import type { AtomDraft, DiscoveryDocument, MasterPlan, Milestone, PhaseId, Task } from '@mge/contracts';
import { toKebabCase } from '@mge/contracts';
import { bindingsFor } from './externals.js';
import { buildMilestones } from './milestones.js';
import type { AtomTemplate, EntityModel, FileTemplate, MilestoneTemplate } from './model.js';
import { referencedNames } from './scan.js';

/** Everything the offline model answers for one document: the plan, each task's atoms and each atom's code. */
export interface Blueprint {
  readonly plan: MasterPlan;
  readonly entities: readonly EntityModel[];
  readonly atomsByTask: ReadonlyMap<string, readonly AtomDraft[]>;
  readonly codeByAtom: ReadonlyMap<string, string>;
}

interface Home {
  readonly taskId: string;
  readonly milestoneId: string;
  readonly atomId: string;
}

const PHASES: readonly { id: PhaseId; name: string }[] = [
  { id: 'setup', name: 'Setup' },
  { id: 'core', name: 'Core' },
  { id: 'polish', name: 'Polish' },
];

const atomIdOf = (taskId: string, atom: AtomTemplate): string =>
  `${taskId}:${atom.slug ?? toKebabCase(atom.symbol)}`;

const lineCount = (code: string): number => code.split('\n').length;

/** Where each project symbol is declared; a symbol declared twice is a template error. */
function indexHomes(milestones: readonly MilestoneTemplate[]): Map<string, Home> {
  const homes = new Map<string, Home>();
  for (const milestone of milestones)
    for (const file of milestone.files)
      for (const atom of file.atoms) {
        if (atom.kind === 'test' || atom.kind === 'document') continue;
        if (homes.has(atom.symbol)) throw new Error(`symbol ${atom.symbol} is declared twice`);
        homes.set(atom.symbol, {
          taskId: file.taskId,
          milestoneId: milestone.id,
          atomId: atomIdOf(file.taskId, atom),
        });
      }
  return homes;
}

/** One file's atoms as drafts: needs are the project symbols the code names, uses the Node bindings. */
function draftsOf(
  milestone: MilestoneTemplate,
  file: FileTemplate,
  homes: ReadonlyMap<string, Home>,
): AtomDraft[] {
  const bindings = bindingsFor(file.file);
  return file.atoms.map((atom, order) => {
    const names = atom.kind === 'document' ? new Set<string>() : referencedNames(atom.code);
    names.delete(atom.symbol);
    return {
      id: atomIdOf(file.taskId, atom),
      taskId: file.taskId,
      milestoneId: milestone.id,
      file: file.file,
      symbol: atom.symbol,
      kind: atom.kind,
      description: atom.description,
      needs: [...names].filter((name) => homes.has(name)),
      uses: [...names].flatMap((name) => {
        const binding = bindings.get(name);
        return binding === undefined ? [] : [binding];
      }),
      order,
      estimatedLines: lineCount(atom.code),
    };
  });
}

function taskOf(
  milestoneId: string,
  file: FileTemplate,
  drafts: readonly AtomDraft[],
  homes: ReadonlyMap<string, Home>,
): Task {
  const dependsOn = new Set(drafts.flatMap((d) => d.needs.map((need) => homes.get(need)!.taskId)));
  dependsOn.delete(file.taskId);
  const imports = new Set(
    drafts.flatMap((d) => [
      ...d.needs.filter((n) => homes.get(n)!.taskId !== file.taskId),
      ...d.uses.map((u) => u.module),
    ]),
  );
  const body = drafts.reduce((sum, d) => sum + d.estimatedLines + 1, 0);
  return {
    id: file.taskId,
    milestoneId,
    file: file.file,
    kind: file.kind,
    description: file.description,
    exports: drafts.filter((d) => d.kind !== 'test' && d.kind !== 'document').map((d) => d.symbol),
    dependsOn: [...dependsOn].sort(),
    estimatedLines:
      drafts.length === 1 && drafts[0]!.kind === 'document' ? drafts[0]!.estimatedLines : body + imports.size,
  };
}

/** Builds the blueprint of a document: milestones, drafts with their edges, tasks and the plan. */
export function buildBlueprint(doc: DiscoveryDocument): Blueprint {
  const { milestones, entities } = buildMilestones(doc);
  const homes = indexHomes(milestones);
  const atomsByTask = new Map<string, AtomDraft[]>();
  const codeByAtom = new Map<string, string>();
  const taskMilestone = new Map(milestones.flatMap((m) => m.files.map((f) => [f.taskId, m.id] as const)));
  const planned: Milestone[] = milestones.map((milestone) => {
    const tasks = milestone.files.map((file) => {
      const drafts = draftsOf(milestone, file, homes);
      atomsByTask.set(file.taskId, drafts);
      for (const draft of drafts)
        if (codeByAtom.has(draft.id)) throw new Error(`atom id ${draft.id} is used twice`);
      file.atoms.forEach((atom, i) => codeByAtom.set(drafts[i]!.id, atom.code));
      return taskOf(milestone.id, file, drafts, homes);
    });
    const dependsOn = new Set(tasks.flatMap((t) => t.dependsOn.map((id) => taskMilestone.get(id)!)));
    dependsOn.delete(milestone.id);
    return {
      id: milestone.id,
      phase: milestone.phase,
      name: milestone.name,
      kind: milestone.kind,
      ...(milestone.entity === undefined ? {} : { entity: milestone.entity }),
      description: milestone.description,
      dependsOn: milestones.map((m) => m.id).filter((id) => dependsOn.has(id)),
      tasks,
    };
  });
  const phases = PHASES.map((p) => ({ ...p, milestones: planned.filter((m) => m.phase === p.id) }));
  return { plan: { phases }, entities, atomsByTask, codeByAtom };
}
