import type { AtomDraft, AtomKind } from './atoms.js';

/** One atom's code in a file, as the assembler needs it. */
export interface AtomSource {
  readonly spec: Pick<AtomDraft, 'id' | 'file' | 'symbol' | 'kind' | 'needs' | 'uses' | 'order'>;
  readonly code: string;
}

/** Where a project symbol is declared. */
export interface SymbolHome {
  readonly file: string;
  readonly kind: AtomKind;
  readonly atomId: string;
}

/** A file put together from its atoms, with the lines each atom (and each import) occupies. */
export interface AssembledFile {
  readonly file: string;
  readonly text: string;
  /** 1-based inclusive line ranges, each owned by the atoms listed. */
  readonly ranges: readonly {
    readonly atomIds: readonly string[];
    readonly start: number;
    readonly end: number;
  }[];
}

const TYPE_KINDS: ReadonlySet<AtomKind> = new Set(['type', 'interface']);

/** The import specifier from one project file to another: `src/a/b.ts` → `src/c.ts` is `../c.js`. */
export function relativeSpecifier(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.replace(/\.ts$/, '.js').split('/');
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common])
    common += 1;
  const up = fromDir.length - common;
  const rest = target.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** Maps every symbol provided by an atom to where it lives. */
export function indexSymbols(atoms: Iterable<AtomSource['spec']>): Map<string, SymbolHome> {
  const homes = new Map<string, SymbolHome>();
  for (const atom of atoms)
    if (atom.kind !== 'test') homes.set(atom.symbol, { file: atom.file, kind: atom.kind, atomId: atom.id });
  return homes;
}

interface ImportLine {
  readonly text: string;
  readonly atomIds: string[];
}

function importLines(
  file: string,
  atoms: readonly AtomSource[],
  homes: ReadonlyMap<string, SymbolHome>,
): ImportLine[] {
  const groups = new Map<string, { names: Set<string>; atomIds: Set<string> }>();
  const add = (key: string, name: string, atomId: string): void => {
    const group = groups.get(key) ?? { names: new Set<string>(), atomIds: new Set<string>() };
    group.names.add(name);
    group.atomIds.add(atomId);
    groups.set(key, group);
  };
  for (const { spec } of atoms) {
    for (const use of spec.uses) add(`${use.typeOnly ? 'type ' : ''}${use.module}`, use.name, spec.id);
    for (const need of spec.needs) {
      const home = homes.get(need);
      if (home === undefined || home.file === file) continue;
      add(`${TYPE_KINDS.has(home.kind) ? 'type ' : ''}${relativeSpecifier(file, home.file)}`, need, spec.id);
    }
  }
  const keys = [...groups.keys()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return keys.map((key) => {
    const group = groups.get(key)!;
    const typeOnly = key.startsWith('type ');
    const from = typeOnly ? key.slice(5) : key;
    const names = [...group.names].sort().join(', ');
    return {
      text: `import ${typeOnly ? 'type ' : ''}{ ${names} } from '${from}';`,
      atomIds: [...group.atomIds],
    };
  });
}

// node: modules first, then project files; value imports before type imports of the same module.
const sortKey = (key: string): string => {
  const typeOnly = key.startsWith('type ');
  const from = typeOnly ? key.slice(5) : key;
  return `${from.startsWith('node:') ? 0 : 1}${from}${typeOnly ? 1 : 0}`;
};

/**
 * Puts a file together: the imports its atoms need (derived from `needs` and `uses`, never written
 * by a model), then each atom in order, separated by a blank line. A `document` atom is the whole file.
 */
export function assembleFile(
  file: string,
  atoms: readonly AtomSource[],
  homes: ReadonlyMap<string, SymbolHome>,
): AssembledFile {
  const ordered = [...atoms].sort((a, b) => a.spec.order - b.spec.order);
  if (ordered.length === 1 && ordered[0]!.spec.kind === 'document') {
    const only = ordered[0]!;
    const text = only.code.endsWith('\n') ? only.code : `${only.code}\n`;
    return { file, text, ranges: [{ atomIds: [only.spec.id], start: 1, end: text.split('\n').length - 1 }] };
  }
  const lines: string[] = [];
  const ranges: { atomIds: string[]; start: number; end: number }[] = [];
  for (const line of importLines(file, ordered, homes)) {
    lines.push(line.text);
    ranges.push({ atomIds: line.atomIds, start: lines.length, end: lines.length });
  }
  for (const atom of ordered) {
    if (lines.length > 0) lines.push('');
    const code = atom.code.replace(/\s+$/, '').split('\n');
    const start = lines.length + 1;
    lines.push(...code);
    ranges.push({ atomIds: [atom.spec.id], start, end: lines.length });
  }
  return { file, text: `${lines.join('\n')}\n`, ranges };
}

/** The atoms whose lines hold a 1-based line of an assembled file. */
export function atomsAtLine(assembled: AssembledFile, line: number): readonly string[] {
  return assembled.ranges.find((r) => line >= r.start && line <= r.end)?.atomIds ?? [];
}
