import {
  addField,
  addReference,
  assume,
  ensureEntity,
  entityNamed,
  isEntity,
  resolveEntity,
  noteUnread,
  Origin,
  type Draft,
} from './draft.js';
import { readFieldList, fieldReader } from './fields.js';
import { noteMany, noteManyToMany } from './many-to-many.js';
import { hasVerb, readVerbRelation } from './verb-relations.js';
import { typeOfName } from './field-types.js';
import { isEntityListText, readNounList } from './lists.js';
import { isDomainPhrase, cleanDomain } from './preamble.js';
import { entityNameOf, isPluralWord } from './singular.js';
import {
  isPlainPhrase,
  splitList,
  splitOutsideParens,
  startsWithDeterminer,
  stripDeterminers,
} from './text.js';
import {
  BELONG_CHUNK,
  CLAUSE,
  FIELD_CHUNK,
  isOptionalModal,
  LINK_CHUNK,
  NEXT_VERB,
  STATE_CHUNK,
} from './verbs.js';

const RELATIVES = new Set(['which', 'who']);
const PRONOUNS = new Set([
  'they',
  'it',
  'these',
  'those',
  'this',
  'each',
  'one',
  'each one',
  'every one',
  'both',
]);
const GENERIC =
  /^(?:we|i|you|api|app|application|system|backend|service|database|platform|website|site|server)$/;

type Subjects = { readonly kind: 'entities'; readonly names: readonly string[] } | { readonly kind: 'list' };

function subjectsOf(draft: Draft, subject: string, predicate: string): Subjects | undefined {
  const lower = stripDeterminers(subject).toLowerCase() || subject.trim().toLowerCase();
  if (RELATIVES.has(lower) && draft.lastTarget !== undefined) {
    return { kind: 'entities', names: [draft.lastTarget] };
  }
  if (PRONOUNS.has(lower) && draft.lastSubjects.length > 0) {
    return { kind: 'entities', names: draft.lastSubjects };
  }
  if (PRONOUNS.has(lower) || GENERIC.test(lower)) return { kind: 'list' };
  const items = FIELD_CHUNK.exec(predicate)?.[2];
  if (isDomainPhrase(lower) && items !== undefined && isEntityListText(items)) {
    draft.domain ??= cleanDomain(lower);
    return { kind: 'list' };
  }
  const names = splitList(lower).map((s) => (isPlainPhrase(s, 3) ? entityNamed(draft, s) : undefined));
  return names.every((n) => n !== undefined) ? { kind: 'entities', names } : undefined;
}

// A sentence with a subject and verbs; false when it is not one.
// `service record is done by`: a noun that could be a verb (`record`, `log`), then the real verb.
const NOUN_THEN_VERB =
  /^((?:records?|logs?|notes?|tracks?|stores?|holds?|keeps?|entry|entries)\s+)(?=(?:is|are|has|have|can|could|must|should|will|was|were|belongs?|may|rolls?|feeds?|goes|go|comes?|links?|points?)\b)/i;

export function readClause(draft: Draft, sentence: string): boolean {
  const match = CLAUSE.exec(sentence);
  const [, said, told] = match ?? [];
  if (said === undefined || told === undefined) return false;
  const noun = NOUN_THEN_VERB.exec(told)?.[1] ?? '';
  const subject = `${said}${noun === '' ? '' : ` ${noun.trim()}`}`;
  const predicate = told.slice(noun.length);
  if (hasVerb(subject)) return false;
  const subjects = subjectsOf(draft, subject, predicate);
  if (subjects === undefined) return false;
  if (subjects.kind === 'list') {
    const items = FIELD_CHUNK.exec(predicate)?.[2];
    return items !== undefined && readNounList(draft, items);
  }
  for (const name of subjects.names) ensureEntity(draft, name, Origin.described, subject.trim());
  for (const chunk of splitOutsideParens(predicate, NEXT_VERB)) {
    const said = `${subject} ${chunk}`;
    if (!readChunk(draft, subjects.names, chunk) && !readVerbRelation(draft, said, fieldReader(draft)))
      noteUnread(draft, said);
  }
  draft.lastSubjects = subjects.names;
  return true;
}

function readChunk(draft: Draft, subjects: readonly string[], chunk: string): boolean {
  const fields = FIELD_CHUNK.exec(chunk);
  if (fields?.[2] !== undefined) {
    const optional = isOptionalModal(fields[1]);
    for (const s of subjects) readFieldList(draft, s, fields[2], optional);
    return true;
  }
  const link = LINK_CHUNK.exec(chunk);
  if (link?.[2] !== undefined) {
    const items = link[2].split(/\s*,\s*|\s+(?:to|and|with|or)\s+/i);
    return readTargets(draft, subjects, items, link[1], true, chunk);
  }
  // `Locations are bins with a code and a zone`: a kind of thing, then its fields.
  const kind = KIND_WITH.exec(chunk);
  if (kind?.[1] !== undefined) {
    for (const s of subjects) readFieldList(draft, s, kind[1], false);
    return true;
  }
  const belong = BELONG_CHUNK.exec(chunk);
  if (belong?.[3] !== undefined) {
    const loose = !/^(?:belongs?|references?|refers?|points?)\b/i.test(belong[2] ?? '');
    // `raised against an inspection lot with a defect code and …`: the rest are the subject's fields.
    // `owned by a player profile that just has a gamertag`: those are the profile's fields.
    const [said = '', theirs] = belong[3].split(
      /\s+(?:that|which|who)\s+(?:just\s+|only\s+)?(?:has|have)\s+/i,
    );
    const [targets = '', fields] = said.split(/\s+with\s+(?=an?\s|the\s|its\s|their\s)|\s*:\s+/i);
    const items = targetItems(targets);
    const read = readTargets(draft, subjects, items, belong[1], !loose, chunk);
    if (read && fields !== undefined) for (const s of subjects) readFieldList(draft, s, fields, false);
    const target = items.length === 1 ? draft.lastTarget : undefined;
    if (read && theirs !== undefined && target !== undefined) readFieldList(draft, target, theirs, false);
    return read;
  }
  const state = STATE_CHUNK.exec(chunk);
  return state?.[2] !== undefined && readState(draft, subjects, state[2].toLowerCase());
}

const KIND_WITH = /^(?:is|are)\s+(?:an?\s+)?(?![a-z]+ed\b)[a-z]+\s+with\s+(.+)$/i;

const LEADING_PREPOSITION = /^(?:to|by|for|in|into|of|on|onto|at|against|about|with|from|under|within)\s+/i;

// `a donor and to a campaign`, `a critic about a movie`: one item per entity named.
function targetItems(text: string): string[] {
  const plain = text.replace(/\s*\([^()]*\)/g, ''); // `a gate (gates - details to follow later)`
  const trimmed = plain.replace(
    /\s+(?:at\s+a\s+time|at\s+once|over\s+time|too|as\s+well|(?:that\s+)?(?:it|they)\s+(?:is|are)\s+(?:about|for|from|in|on))$/i,
    '',
  );
  return splitList(trimmed)
    .flatMap((item) =>
      item.split(
        /\s+(?:to|by|for|in|of|on|at|against|about|with|from)\s+(?=(?:an?|the|one|each|its|their)\s)/i,
      ),
    )
    .map((item) => item.replace(LEADING_PREPOSITION, '').trim())
    .filter((item) => item.length > 0);
}

const SEVERAL =
  /^(?:(?:an?|the)\s+)?(?:many|several|multiple|lots\s+of|a\s+lot\s+of|any\s+number\s+of|one\s+or\s+more|zero\s+or\s+more|more\s+than\s+one|various|different)\s+/i;
const SINGLE =
  /^(?:(?:exactly|only|just|at\s+most|at\s+least)\s+)?(?:(?:one\s+of\s+(?:our|the|their|its|my|your)|one|a\s+single|single)\s+)?/i;

// The entity a relation item names; with `bare` false, `in stock` is not read as a Stock entity.
function targetOf(draft: Draft, item: string, bare: boolean): string | undefined {
  // `one team's roster`: the team, unless a roster is a record of its own.
  const [, owner, owned] = /^(.+?)'s\s+([a-z ]+)$/i.exec(item.trim()) ?? [];
  if (owner !== undefined && owned !== undefined && !isEntity(draft, entityNameOf(owned) ?? '')) {
    return targetOf(draft, owner, bare);
  }
  const cleaned = item.replace(SINGLE, '').trim();
  const phrase = stripDeterminers(cleaned).toLowerCase();
  if (!isPlainPhrase(phrase, 3)) return undefined;
  const name = entityNameOf(phrase);
  if (name === undefined) return undefined;
  const marked =
    startsWithDeterminer(cleaned) || cleaned !== item.trim() || isPluralWord(phrase.split(' ').pop() ?? '');
  const resolved = resolveEntity(draft, name);
  return bare || marked || isEntity(draft, resolved) ? resolved : undefined;
}

function readTargets(
  draft: Draft,
  subjects: readonly string[],
  items: readonly string[],
  modal: string | undefined,
  bare: boolean,
  source: string,
): boolean {
  const kept = items.filter((i) => i.trim().length > 0);
  const targets = kept.map((i) => targetOf(draft, i.replace(SEVERAL, ''), bare));
  if (targets.length === 0 || !targets.every((t) => t !== undefined)) return false;
  kept.forEach((item, i) => {
    const target = targets[i]!;
    for (const s of subjects) {
      // `songs can be on many playlists`: each side has many of the other.
      if (SEVERAL.test(item)) noteManyToMany(draft, s, target, source.trim());
      else addReference(draft, s, target, !isOptionalModal(modal), source.trim());
      // `Playlists are made of tracks`: each has many, which with the other way round is many-to-many.
      if (!SEVERAL.test(item) && isPluralWord(item.trim().split(/\s+/).pop() ?? '')) {
        noteMany(draft, s, target, source.trim());
      }
    }
  });
  return true;
}

// `tasks can be completed` → an optional boolean field `completed`.
function readState(draft: Draft, subjects: readonly string[], word: string): boolean {
  if (word === 'required' || (typeOfName([word]) !== 'boolean' && !/[a-z]ed$/.test(word))) return false;
  for (const s of subjects) {
    addField(draft, s, { name: word, type: 'boolean', required: false, description: '' });
    assume(draft, `${s}.${word} is a boolean (read from "${word}")`);
  }
  return true;
}
