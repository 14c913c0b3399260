import type { AssembledFile, AtomSpec, SymbolHome, Task } from '@mge/contracts';
import { assembleFile, indexSymbols } from '@mge/contracts';
import type { ProjectSnapshot, WholeFile } from '../../ports.js';

/** The project's files put together from the snapshot's atoms, and where each symbol lives. */
export interface AssembledProject {
  readonly files: Map<string, AssembledFile>;
  readonly homes: Map<string, SymbolHome>;
  readonly atomsByFile: Map<string, AtomSpec[]>;
}

export function assembleProject(snapshot: ProjectSnapshot): AssembledProject {
  const homes = indexSymbols(snapshot.atoms.map((a) => a.spec));
  const byFile = new Map<string, { spec: AtomSpec; code: string }[]>();
  for (const atom of snapshot.atoms)
    byFile.set(atom.spec.file, [...(byFile.get(atom.spec.file) ?? []), atom]);
  const files = new Map([...byFile].map(([file, atoms]) => [file, assembleFile(file, atoms, homes)]));
  const atomsByFile = new Map([...byFile].map(([file, atoms]) => [file, atoms.map((a) => a.spec)]));
  return { files, homes, atomsByFile };
}

/**
 * A project of whole files (V1): each file is one unit named by its task id, and the symbols a task
 * exports live in its file, so diagnostics and failing tests point at tasks.
 */
export function wholeFileProject(files: readonly WholeFile[]): AssembledProject {
  const written = files.filter((f): f is WholeFile & { code: string } => f.code !== undefined);
  const text = (code: string) => (code.endsWith('\n') ? code : `${code}\n`);
  const homes = new Map<string, SymbolHome>();
  for (const { task } of written)
    if (task.kind === 'source')
      for (const symbol of task.exports)
        homes.set(symbol, { file: task.file, kind: 'function', atomId: task.id });
  const unit = (task: Task): AtomSpec => ({
    id: task.id,
    taskId: task.id,
    milestoneId: task.milestoneId,
    file: task.file,
    symbol: task.file,
    kind: task.kind === 'test' ? 'test' : 'document',
    description: task.description,
    needs: [],
    uses: [],
    order: 0,
    estimatedLines: Math.max(1, task.estimatedLines),
    dependsOn: [],
    wave: 0,
  });
  return {
    files: new Map(
      written.map(({ task, code }) => {
        const body = text(code);
        const ranges = [{ atomIds: [task.id], start: 1, end: body.split('\n').length - 1 }];
        return [task.file, { file: task.file, text: body, ranges }];
      }),
    ),
    homes,
    atomsByFile: new Map(written.map(({ task }) => [task.file, [unit(task)]])),
  };
}

/** The files a set of files imports from, directly or not, including themselves. */
export function importClosure(project: AssembledProject, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || !project.files.has(file)) continue;
    seen.add(file);
    for (const atom of project.atomsByFile.get(file) ?? []) {
      for (const need of atom.needs) {
        const home = project.homes.get(need);
        if (home !== undefined && !seen.has(home.file)) stack.push(home.file);
      }
    }
  }
  return seen;
}

export const isTypeScript = (file: string): boolean => file.endsWith('.ts');
