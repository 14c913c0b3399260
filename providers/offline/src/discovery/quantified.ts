import { isEntity, resolveEntity, type Draft } from './draft.js';
import { noteManyToMany } from './many-to-many.js';
import { entityNameOf } from './singular.js';
import { maskParens } from './text.js';

const QUANTIFIER =
  /\b(?:many|several|multiple|lots\s+of|loads\s+of|a\s+lot\s+of|a\s+bunch\s+of|plenty\s+of|any\s+number\s+of|more\s+than\s+one|one\s+or\s+more|various)\s+$/i;
// Where one half of the sentence ends and the other, with a subject of its own, begins.
const HALVES = /\s*[,;:]\s*(?:and\s+|while\s+|but\s+|whereas\s+)?|\s+(?:and|while|but|whereas)\s+/gi;
const DETERMINER = /^(?:an?|the|each|every|one|any|some|our|my)\s+/i;

interface Mention {
  readonly entity: string;
  readonly quantified: boolean;
  readonly at: number;
}

// Entities a clause names, longest phrase first: `job postings` before `postings`.
function mentionsIn(draft: Draft, clause: string): Mention[] {
  const words = clause.split(/\s+/);
  const found: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const width of [2, 1]) {
      const phrase = words.slice(i, i + width).join(' ').toLowerCase();
      if (!/^[a-z][a-z -]*$/.test(phrase)) continue;
      const name = entityNameOf(phrase);
      const entity = name === undefined ? undefined : resolveEntity(draft, name);
      if (entity === undefined || !isEntity(draft, entity)) continue;
      found.push({ entity, quantified: QUANTIFIER.test(`${words.slice(0, i).join(' ')} `), at: i });
      i += width - 1;
      break;
    }
  }
  return found;
}

// `a course has several professors` → [Course, Professor]: the clause's subject and what it has many of.
function manyOf(draft: Draft, clause: string): [string, string] | undefined {
  const mentions = mentionsIn(draft, clause.replace(DETERMINER, ''));
  const [subject] = mentions;
  if (subject === undefined || subject.quantified || subject.at > 1) return undefined;
  const owned = mentions.find((m) => m.quantified && m.entity !== subject.entity);
  return owned === undefined ? undefined : [subject.entity, owned.entity];
}

/**
 * `Parts can be used in many repairs and a repair can use several parts`: each side has many of the
 * other, said in two halves of one sentence, so the two are many-to-many.
 */
export function readQuantifiedManyToMany(draft: Draft, sentence: string): boolean {
  const masked = maskParens(sentence);
  const halves: string[] = [];
  let start = 0;
  for (const cut of masked.matchAll(HALVES)) {
    halves.push(sentence.slice(start, cut.index));
    start = cut.index + cut[0].length;
  }
  halves.push(sentence.slice(start));
  const pairs = halves.map((h) => manyOf(draft, h.trim())).filter((p) => p !== undefined);
  const pair = pairs.find(([a, b]) => pairs.some(([c, d]) => c === b && d === a));
  if (pair === undefined) return false;
  noteManyToMany(draft, pair[0], pair[1], sentence);
  return true;
}
