import type { AssembledFile, AtomSpec, SymbolHome } from '@mge/contracts';
import { assembleFile, indexSymbols } from '@mge/contracts';
import type { ProjectSnapshot } from '../../ports.js';

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
