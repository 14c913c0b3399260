import { entityNamed, isEntity, type Draft } from './draft.js';
import { noteMany, noteManyToMany } from './many-to-many.js';
import { maskParens } from './text.js';

const QUANTIFIER =
  /\b(?:many|several|multiple|lots\s+of|loads\s+of|a\s+lot\s+of|a\s+bunch\s+of|plenty\s+of|any\s+number\s+of|more\s+than\s+one|one\s+or\s+more|various)\s+$/i;
// Where one half of the sentence ends and the other, with a subject of its own, begins.
const HALVES = /\s*[,;:]\s*(?:and\s+|while\s+|but\s+|whereas\s+)?|\s+(?:and|while|but|whereas)\s+/gi;

const LEAD =
  /^(?:(?:and|but|also|obviously|then|so|of\s+course|while|whereas)\s+)*(?:(?:an?|the|each|every|one|any|some|our|my)\s+)?(?:(?:same|other|given|single)\s+)?/i;
const SHARED = /\b(?:are|is)\s+shared\s+(?:between|by|across|among)\s+$/i;

// The entities a phrase of one or two words may name: `job postings` → JobPosting and Posting.
function namesAt(draft: Draft, words: readonly string[], at: number): string[] {
  return [2, 1].flatMap((width) => {
    const phrase = words
      .slice(at, at + width)
      .join(' ')
      .toLowerCase();
    const name = /^[a-z][a-z -]*$/.test(phrase) ? entityNamed(draft, phrase) : undefined;
    return name === undefined || at + width > words.length ? [] : [name];
  });
}

interface Many {
  readonly owners: readonly string[];
  readonly owned: readonly string[];
}

// `a course has several professors`: what the clause's subject may be, and what it has many of.
function manyOf(draft: Draft, clause: string, previous: Many | undefined): Many {
  const words = clause.replace(LEAD, '').split(/\s+/);
  const owned = words.flatMap((_, i) => {
    const before = `${words.slice(0, i).join(' ')} `;
    return QUANTIFIER.test(before) || SHARED.test(before) ? namesAt(draft, words, i) : [];
  });
  // `a watchlist has a name and can include any number of movies`: the subject of the half before.
  const owners = /^(?:can|could|may|might|will|has|have|is|are)\b/i.test(words[0] ?? '')
    ? (previous?.owners ?? [])
    : namesAt(draft, words, 0);
  return { owners, owned };
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
  const found: Many[] = [];
  for (const half of halves) found.push(manyOf(draft, half.trim(), found.at(-1)));
  // Each side has many of the other, said both ways round.
  const pair = found
    .flatMap((m) => m.owners.flatMap((a) => m.owned.map((b) => [a, b] as const)))
    .find(([a, b]) => a !== b && found.some((m) => m.owners.includes(b) && m.owned.includes(a)));
  if (pair !== undefined) {
    noteManyToMany(draft, pair[0], pair[1], sentence);
    return true;
  }
  // One way round only (`the same track can show up in many playlists`): noted, so a sentence saying
  // the other way makes the two many-to-many; the sentence is read on by the other readers.
  let completes = false;
  for (const { owners, owned } of found) {
    const [owner] = owners.filter((o) => isEntity(draft, o));
    for (const other of owned.filter((o) => isEntity(draft, o) && o !== owner)) {
      if (owner === undefined) continue;
      noteMany(draft, owner, other, sentence);
      completes ||= draft.many.some((m) => m.owner === other && m.many === owner);
    }
  }
  // Read, when it completes a pair another sentence began.
  return completes;
}
