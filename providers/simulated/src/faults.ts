import type { AtomDraft } from '@mge/contracts';

/** What a faulty attempt gets wrong, and the level meant to catch it. */
export type FaultKind = 'syntax' | 'import' | 'type' | 'logic';

/** How likely each kind is, among the kinds an atom's code allows. */
const WEIGHTS: Readonly<Record<FaultKind, number>> = { syntax: 0.3, import: 0.2, type: 0.3, logic: 0.2 };

/** A line opening a function body: `…) {`, `…): T {` or `… => {`. */
const BODY_OPENER = /(\)|=>)\s*(:[^{}=]*)?\{\s*$/;

const bodyLine = (lines: readonly string[]): number => lines.findIndex((l) => BODY_OPENER.test(l));

/**
 * The kinds of fault this atom can carry so that exactly the intended level catches it: syntax (L1)
 * for any TypeScript atom; import and type (L2) where there is a function body to put a statement in;
 * logic (L3/L4) only in a function that a test of its own milestone calls, so a failing test blames it.
 */
export function faultKindsFor(atom: AtomDraft, code: string, testedInMilestone: boolean): FaultKind[] {
  if (atom.kind === 'document') return [];
  const hasBody = bodyLine(code.split('\n')) >= 0;
  const kinds: FaultKind[] = ['syntax'];
  if (hasBody) kinds.push('import', 'type');
  if (hasBody && atom.kind === 'function' && testedInMilestone) kinds.push('logic');
  return kinds;
}

/** Picks one of `kinds` by their weights with a uniform draw `u`. */
export function pickKind(kinds: readonly FaultKind[], u: number): FaultKind {
  const total = kinds.reduce((sum, k) => sum + WEIGHTS[k], 0);
  let at = u * total;
  for (const kind of kinds) {
    at -= WEIGHTS[kind];
    if (at < 0) return kind;
  }
  return kinds[kinds.length - 1]!;
}

/** The code with the fault put in. */
export function injectFault(kind: FaultKind, atom: AtomDraft, code: string): string {
  if (kind === 'syntax') return `${code}\n)`;
  const lines = code.split('\n');
  const at = bodyLine(lines);
  const statement: Record<Exclude<FaultKind, 'syntax'>, string> = {
    // A name nothing provides: the compiler reports it as not found.
    import: `  void ${atom.symbol}Unchecked;`,
    // A value of the wrong type.
    type: `  const mgeFault: number = '${atom.symbol}';`,
    // A wrong condition: the function bails out on every call, which only running it shows.
    logic: `  if (arguments.length >= 0) throw new Error('${atom.symbol} took the wrong branch');`,
  };
  return [...lines.slice(0, at + 1), statement[kind], ...lines.slice(at + 1)].join('\n');
}
