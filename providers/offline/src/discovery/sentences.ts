import { toCamelCase } from '@mge/contracts';
import { ensureEntity, noteUnread, Origin, type Draft } from './draft.js';
import { readClause } from './clauses.js';
import { readCascade } from './cascade.js';
import { readFieldList, splitEnumTail, fieldReader } from './fields.js';
import { readManyToManySentence } from './many-to-many.js';
import { readEachWith, readParenEntities, readWithEntities } from './paren-entities.js';
import { plainSpeech } from './speech.js';
import { readQuantifiedManyToMany } from './quantified.js';
import { hoistParenEntities } from './hoist.js';
import { readThrough } from './through.js';
import { readSpeakerFields } from './speaker.js';
import { isEntityListText, readAppFor, readEntityList, readNounList } from './lists.js';
import { cleanDomain, cutSubordinate, isDomainPhrase, stripGerund } from './preamble.js';
import { entityNameOf, isPluralWord, pluralEntityOf } from './singular.js';
import { templateIn } from './template-lookup.js';
import { hasVerb, readVerbRelation } from './verb-relations.js';
import {
  isPlainPhrase,
  maskParens,
  splitList,
  splitOutsideParens,
  startsWithDeterminer,
  stripDeterminers,
} from './text.js';
import { CLAUSE, NEXT_CLAUSE } from './verbs.js';

// The first sentence may name the domain; `commanded` when it followed "Create an API for".
interface Opening {
  readonly commanded: boolean;
}

// Greetings, thanks and sign-offs: `Hey folks`, `Many thanks`, `That is it for now`, `Nothing too fancy`.
const PLEASANTRY =
  /^(?:(?:many\s+|thanks\s+)?(?:thanks|thank\s+you|cheers|please|thx|ty)(?:\s+(?:so\s+much|a\s+lot|in\s+advance|again))?|(?:hi|hello|hey|howdy)(?:\s+(?:there|all|folks|everyone|team|guys))?|that\s+is\s+(?:it|all)(?:\s+(?:i\s+think|for\s+now))?|nothing\s+(?:too\s+)?fancy|oh|ok(?:ay)?)\b[\s!.]*$/i;
// `Split transactions are out of scope for v1`: nothing to store.
const OUT_OF_SCOPE = /\b(?:out\s+of\s+scope|not\s+needed(?:\s+yet)?|no\s+need\s+(?:for|to))\b/i;
const WHERE = /\s+(?:where|in\s+which|whereby|such\s+that)\s+/i;
const FIELDS_OF = /^(?:the\s+)?(?:fields|attributes|properties|columns)\s+(?:for|of|on)\s+/i;
const OPTIONALITY =
  /^(?:the\s+|an?\s+)?([a-z][a-z' ]*?)\s+(?:field\s+)?(?:is|are)\s+(optional|not\s+required|required|mandatory)$/i;
const THERE_ARE = /^there\s+(?:are|is|will\s+be|should\s+be)\s+(.+)$/i;

export function readSentence(draft: Draft, said: string, opening: Opening | undefined): void {
  const hoisted = hoistParenEntities(draft, said);
  if (PLEASANTRY.test(hoisted) || OUT_OF_SCOPE.test(hoisted)) return;
  if (readCascade(draft, hoisted) || readSpeakerFields(draft, hoisted)) return;
  const sentence = plainSpeech(hoisted);
  if (sentence !== hoisted && (readParenEntities(draft, sentence) || readEachWith(draft, sentence))) return;
  if (readManyToManySentence(draft, sentence) || readQuantifiedManyToMany(draft, sentence)) return;
  if (readAppFor(draft, sentence)) return;
  if (readColon(draft, sentence)) return;
  readClauses(draft, sentence, opening);
}

// `…, tasks have a title` starts a clause of its own.
function readClauses(draft: Draft, sentence: string, opening: Opening | undefined): void {
  splitOutsideParens(sentence, NEXT_CLAUSE).forEach((c, i) =>
    i === 0 ? readOne(draft, c, opening) : readOne(draft, plainSpeech(c), undefined),
  );
}

// `Create an API for a hotel with rooms …`: the hotel is the domain as well as an entity.
const OPENING_SUBJECT = /^(?:a|an|my|our)\s+([a-z]+(?:\s[a-z]+)?)\s+with\s/i;

function readOne(draft: Draft, sentence: string, opening: Opening | undefined): void {
  if (opening !== undefined && readWhere(draft, sentence, opening)) return;
  const subject = opening?.commanded === true ? OPENING_SUBJECT.exec(sentence)?.[1] : undefined;
  if (subject !== undefined) draft.domain ??= cleanDomain(subject);
  if (readOptionality(draft, sentence) || readThereAre(draft, sentence) || readClause(draft, sentence)) {
    return;
  }
  if (readThrough(draft, sentence) || readVerbRelation(draft, sentence, fieldReader(draft))) return;
  if (opening !== undefined) return readOpening(draft, sentence, opening);
  // `Procurement backend.` later on names what the request is about, as an opening would.
  if (isPlainPhrase(sentence, 5) && isDomainPhrase(sentence)) return void nameDomain(draft, sentence);
  if (!readNounList(draft, sentence)) noteUnread(draft, sentence);
}

// `A task tracker: projects have …` names the domain; `Books: title, author` lists fields.
function readColon(draft: Draft, sentence: string): boolean {
  const at = maskParens(sentence).indexOf(':');
  if (at < 0) return false;
  const before = sentence.slice(0, at).trim().replace(FIELDS_OF, '');
  const rest = sentence.slice(at + 1).trim();
  if (!isPlainPhrase(before, 5) || rest.length === 0) return false;
  const relate = (entity: string, clause: string): void => {
    readClauses(
      draft,
      `each ${entity.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${clause}`,
      undefined,
    );
  };
  // `Booking: covers (int)` is one field of a booking; `Parking: levels (number), spaces (code)` lists records.
  const listsRecords = splitList(rest).length > 1 || !/^[A-Z]/.test(before);
  if ((listsRecords && readParenEntities(draft, rest)) || readWithEntities(draft, rest, relate)) {
    if (isDomainPhrase(before) || startsWithDeterminer(before)) nameDomain(draft, before);
    return true;
  }
  if (readDefinedThen(draft, before, rest)) return true;
  // `Each lot has many measurements: characteristic, …` is a clause; its reader takes the list.
  if (CLAUSE.test(before) && /\b(?:many|several|multiple)\s+[a-z]+(?:\s[a-z]+)?$/i.test(before)) return false;
  // `University enrollment: students (name) enroll in courses (code)`: a heading, then a relation.
  const hoisted = hoistParenEntities(draft, rest);
  if (hoisted !== rest && readVerbRelation(draft, hoisted, fieldReader(draft)))
    return nameDomain(draft, before);
  const last = before.toLowerCase().split(' ').pop() ?? '';
  if (readEnumLine(draft, before, rest)) return true;
  // `Recipes: title, …` or `Booking: customer name` lists that entity's fields, even where the word
  // also names a known domain.
  const named =
    isPluralWord(last) || (/^[A-Z]/.test(before) && before.split(' ').length <= 2 && !CLAUSE.test(rest));
  const pluralOwner =
    before.split(' ').length <= 3 &&
    named &&
    !isAppWord(last) &&
    !hasVerb(before) &&
    !startsWithDeterminer(before);
  if (
    !pluralOwner &&
    (isDomainPhrase(before) || startsWithDeterminer(before) || CLAUSE.test(rest) || isEntityListText(rest))
  ) {
    nameDomain(draft, before);
    readClauses(draft, rest, undefined);
    return true;
  }
  const entity = entityNameOf(stripDeterminers(before));
  if (entity === undefined || before.split(' ').length > 3) return false;
  draft.lastSubjects = [entity];
  // `care log entries: each one is for one plant` or `sponsorships: a sponsor has a name` are clauses,
  // which name the records they are about.
  if (/^(?:each|every|an?|it|they)\s/i.test(rest) && CLAUSE.test(rest)) {
    readClauses(draft, rest, undefined);
    return true;
  }
  ensureEntity(draft, entity, Origin.described, before);
  readFieldList(draft, entity, rest, false);
  return true;
}

// `Products are anything we sell: each has a name …`: the clause after the colon is about the products.
function readDefinedThen(draft: Draft, before: string, rest: string): boolean {
  const [, plural] = /^([a-z]+)\s+(?:are|is)\s/i.exec(before) ?? [];
  const entity = plural === undefined ? undefined : pluralEntityOf(plural.toLowerCase());
  if (entity === undefined || !/^(?:each|they|every\s+one)\s/i.test(rest) || !CLAUSE.test(rest)) return false;
  ensureEntity(draft, entity, Origin.described, plural);
  draft.lastSubjects = [entity];
  readClauses(draft, rest, undefined);
  return true;
}

const isAppWord = (word: string): boolean =>
  /^(?:apps|applications|systems|apis|backends|services|sites|websites|platforms|tools|features|requirements|entities|models|tables|resources|notes|details|fields|relations|relationships)$/i.test(
    word,
  );

// `status: open, in progress or closed` after an entity was named: an enum field of that entity.
function readEnumLine(draft: Draft, before: string, rest: string): boolean {
  const [subject] = draft.lastSubjects;
  const words = stripDeterminers(before).toLowerCase().split(' ');
  if (draft.lastSubjects.length !== 1 || subject === undefined || words.length > 2) return false;
  if (isPluralWord(words[words.length - 1] ?? '') || !/\bor\b|\//i.test(rest)) return false;
  const tail = splitEnumTail(`${before}: ${rest}`);
  if (tail === undefined) return false;
  readFieldList(draft, subject, `${before}: ${rest}`, false);
  return true;
}

// `a blog where posts have a title` → the domain, then the clause.
function readWhere(draft: Draft, sentence: string, opening: Opening): boolean {
  const cut = WHERE.exec(sentence);
  if (cut === null) return false;
  const head = sentence.slice(0, cut.index);
  if (!readOpeningHead(draft, head, opening)) noteUnread(draft, head);
  readClauses(draft, sentence.slice(cut.index + cut[0].length), undefined);
  return true;
}

function readOpening(draft: Draft, sentence: string, opening: Opening): void {
  const { head, tail } = cutSubordinate(sentence);
  if (!readOpeningHead(draft, head, opening)) {
    draft.template ??= templateIn(sentence);
    return noteUnread(draft, sentence);
  }
  if (tail.length > 0 && !readVerbRelation(draft, tail, fieldReader(draft))) noteUnread(draft, tail);
}

// The opening phrase: a known domain, a list of entities, or a domain of its own.
function readOpeningHead(draft: Draft, head: string, opening: Opening): boolean {
  const phrase = cleanDomain(head);
  if (templateIn(phrase) !== undefined) return nameDomain(draft, phrase);
  const listed = opening.commanded && !startsWithDeterminer(head) && readEntityList(draft, stripGerund(head));
  if (listed || (!opening.commanded && readNounList(draft, head))) {
    if (isPlainPhrase(phrase, 5)) draft.domain ??= phrase;
    return true;
  }
  if (
    !isPlainPhrase(phrase, 5) ||
    !(opening.commanded || startsWithDeterminer(head) || isDomainPhrase(phrase) || isTitle(head))
  ) {
    return false;
  }
  draft.domain ??= phrase;
  return true;
}

// `Wedding planner`, `IT asset register`: a short heading that names what the request is about.
const isTitle = (head: string): boolean => /^[A-Z]/.test(head) && isPlainPhrase(head, 5) && !hasVerb(head);

function nameDomain(draft: Draft, phrase: string): true {
  const domain = cleanDomain(phrase);
  draft.domain ??= domain;
  draft.template ??= templateIn(domain);
  return true;
}

// `The description is optional` / `a task's due date is required`.
function readOptionality(draft: Draft, sentence: string): boolean {
  const [, subject, state] = OPTIONALITY.exec(sentence) ?? [];
  if (subject === undefined || state === undefined) return false;
  const parts = subject.toLowerCase().split(/'s?\s+/);
  const owner = parts.length > 1 ? entityNameOf(parts[0] ?? '') : undefined;
  const field = toCamelCase(parts[parts.length - 1] ?? '');
  const candidates = [...draft.entities.values()]
    .filter((e) => owner === undefined || e.name === owner)
    .reverse();
  const found = candidates.flatMap((e) => e.fields).find((f) => f.name === field);
  if (found === undefined) return false;
  found.required = !/optional|not/i.test(state);
  return true;
}

function readThereAre(draft: Draft, sentence: string): boolean {
  const items = THERE_ARE.exec(sentence)?.[1];
  return items !== undefined && readEntityList(draft, items);
}
