import type { AtomDraft, AtomSpec } from '@mge/contracts';
import type { StateErrorCode } from '@mge/kit/errors';
import { IllegalStateError } from '@mge/kit/errors';

/** Why atoms do not form a graph that can run. */
export class AtomGraphError extends IllegalStateError {
  constructor(
    code: StateErrorCode,
    message: string,
    readonly details: readonly string[],
  ) {
    super(code, message);
  }
}

/** Which atom provides each symbol; a symbol provided twice is an error. */
function providers(drafts: readonly AtomDraft[]): Map<string, string> {
  const bySymbol = new Map<string, string>();
  const clashes: string[] = [];
  for (const atom of drafts) {
    if (atom.kind === 'test') continue;
    const other = bySymbol.get(atom.symbol);
    if (other !== undefined) clashes.push(`${atom.symbol} is provided by ${other} and ${atom.id}`);
    bySymbol.set(atom.symbol, atom.id);
  }
  const ids = drafts.map((a) => a.id);
  for (const id of new Set(ids.filter((v, i) => ids.indexOf(v) !== i)))
    clashes.push(`atom id ${id} is used twice`);
  if (clashes.length > 0) throw new AtomGraphError('duplicate', 'atoms clash', clashes);
  return bySymbol;
}

/** Each atom's dependencies: the atoms providing the symbols it needs. */
export function resolveDependencies(drafts: readonly AtomDraft[]): Map<string, string[]> {
  const bySymbol = providers(drafts);
  const missing: string[] = [];
  const deps = new Map<string, string[]>();
  for (const atom of drafts) {
    const found = atom.needs.map(
      (need) => bySymbol.get(need) ?? (missing.push(`${atom.id} needs ${need}`), ''),
    );
    deps.set(atom.id, [...new Set(found.filter((id) => id !== '' && id !== atom.id))].sort());
  }
  if (missing.length > 0)
    throw new AtomGraphError('unresolved', 'atoms need symbols no atom provides', missing);
  return deps;
}

/** Topological levels (Kahn): wave 0 needs nothing; a leftover means a cycle, reported with its atoms. */
export function computeWaves(deps: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const waves = new Map<string, number>();
  let frontier = [...deps.keys()].filter((id) => deps.get(id)!.length === 0);
  const remaining = new Map([...deps].map(([id, d]) => [id, d.length]));
  const dependents = new Map<string, string[]>();
  for (const [id, ds] of deps) for (const d of ds) dependents.set(d, [...(dependents.get(d) ?? []), id]);
  for (let wave = 0; frontier.length > 0; wave++) {
    const next: string[] = [];
    for (const id of frontier) {
      waves.set(id, wave);
      for (const dependent of dependents.get(id) ?? []) {
        const left = remaining.get(dependent)! - 1;
        remaining.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    frontier = next;
  }
  if (waves.size < deps.size) {
    const cycle = findCycle(deps, new Set([...deps.keys()].filter((id) => !waves.has(id))));
    throw new AtomGraphError('cycle', `atoms depend on each other in a cycle: ${cycle.join(' → ')}`, cycle);
  }
  return waves;
}

function findCycle(deps: ReadonlyMap<string, readonly string[]>, stuck: ReadonlySet<string>): string[] {
  // Every stuck atom has a stuck dependency: walking them must revisit an atom.
  const path: string[] = [];
  let current = [...stuck].sort()[0]!;
  while (!path.includes(current)) {
    path.push(current);
    current = deps.get(current)!.find((d) => stuck.has(d))!;
  }
  return [...path.slice(path.indexOf(current)), current];
}

/** The atom graph: drafts plus dependencies and waves, in a stable order. */
export function buildAtomGraph(drafts: readonly AtomDraft[]): {
  atoms: AtomSpec[];
  waves: number;
  edges: number;
} {
  const deps = resolveDependencies(drafts);
  const waves = computeWaves(deps);
  const atoms = drafts.map((draft) => ({
    ...draft,
    dependsOn: deps.get(draft.id)!,
    wave: waves.get(draft.id)!,
  }));
  return {
    atoms,
    waves: Math.max(...waves.values()) + 1,
    edges: atoms.reduce((sum, a) => sum + a.dependsOn.length, 0),
  };
}
