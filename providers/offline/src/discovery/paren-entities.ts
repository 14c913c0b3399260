import { addReference, ensureEntity, Origin, type Draft } from './draft.js';
import { readFieldList } from './fields.js';
import { entityNameOf, pluralEntityOf } from './singular.js';
import { isPlainPhrase, splitList, splitOutsideParens, stripDeterminers } from './text.js';

// `spaces (code, unique; EV charging yes/no) on a level`: a kind of record, its fields, where it belongs.
const ITEM = /^([a-z][a-z' -]*?)\s*\(([^()]*)\)\s*(.*)$/i;
const BELONGS =
  /^(?:[a-z]+\s+)?(?:on|for|at|in|of|to|under|within|inside|per|from|by)\s+(?:an?|one|the|its|their|each|some)\s+([a-z][a-z ]*?)\s*$/i;

interface ParenItem {
  readonly entity: string;
  readonly phrase: string;
  readonly fields: string;
  readonly owner: string | undefined;
}

function parseParenItem(item: string): ParenItem | undefined {
  const [, phrase, fields, tail] = ITEM.exec(item.trim()) ?? [];
  if (phrase === undefined || fields === undefined) return parseBareItem(item);
  const entity = pluralEntityOf(stripDeterminers(phrase).toLowerCase());
  if (entity === undefined) return undefined;
  const ownerWords = (tail ?? '').trim() === '' ? undefined : BELONGS.exec((tail ?? '').trim())?.[1];
  if ((tail ?? '').trim() !== '' && ownerWords === undefined) return undefined;
  const owner = ownerWords === undefined ? undefined : entityNameOf(ownerWords.toLowerCase());
  return { entity, phrase: phrase.trim(), fields: fields.replace(/;/g, ','), owner };
}

// `the performances` beside items with fields: a record the request names without any.
function parseBareItem(item: string): ParenItem | undefined {
  const phrase = stripDeterminers(item.trim()).toLowerCase();
  const entity = isPlainPhrase(phrase, 3) ? pluralEntityOf(phrase) : undefined;
  return entity === undefined ? undefined : { entity, phrase, fields: '', owner: undefined };
}

/**
 * `levels (number), spaces (code, unique; EV charging yes/no) on a level, and parking sessions
 * (entry time, optional exit time, fee) for a space`: entities with their fields in parentheses,
 * each optionally placed under another. False, reading nothing, unless every item has that shape.
 */
export function readParenEntities(draft: Draft, text: string): boolean {
  const items = splitList(text).map(parseParenItem);
  if (items.length === 0 || !items.every((i) => i !== undefined)) return false;
  if (items.every((i) => i.fields === '')) return false;
  for (const item of items) {
    ensureEntity(draft, item.entity, item.fields === '' ? Origin.listed : Origin.described, item.phrase);
    readFieldList(draft, item.entity, item.fields, false);
  }
  for (const item of items) {
    if (item.owner !== undefined) addReference(draft, item.entity, item.owner, true, item.phrase);
  }
  draft.lastSubjects = items.map((i) => i.entity);
  return true;
}

const WITH_ITEM = /^(?:and\s+)?([a-z][a-z' -]*?)\s+with\s+(.+)$/i;
const NEXT_WITH = /(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=[a-z]+(?:\s[a-z]+)?\s+with\s)/gi;

/**
 * `pets with a name and species, vets with a name and a unique licence number, and appointments with
 * a scheduled time, each for one pet and one vet`: entities each with their fields, and where each
 * belongs. False, reading nothing, unless there are two or more items of that shape.
 */
export function readWithEntities(
  draft: Draft,
  text: string,
  readRelation: (subject: string, clause: string) => void,
): boolean {
  const items = splitOutsideParens(text, NEXT_WITH).map((item) => {
    const [, phrase, rest] = WITH_ITEM.exec(item) ?? [];
    const entity = phrase === undefined ? undefined : pluralEntityOf(stripDeterminers(phrase).toLowerCase());
    return entity === undefined || rest === undefined ? undefined : { entity, phrase: phrase ?? '', rest };
  });
  if (items.length < 2 || !items.every((i) => i !== undefined)) return false;
  for (const { entity, phrase, rest } of items) {
    const [fields = '', relation] = rest.split(/\s*,\s*each\s+/i);
    ensureEntity(draft, entity, Origin.described, phrase);
    readFieldList(draft, entity, fields, false);
    if (relation !== undefined) readRelation(entity, `is ${relation.replace(/^is\s+/i, '')}`);
  }
  draft.lastSubjects = items.map((i) => i.entity);
  return true;
}

const EACH_WITH =
  /^(?:(?:we|i)\s+(?:also\s+)?have\s+|there\s+(?:is|are)\s+)?(?:a\s+list\s+of\s+)?([a-z][a-z' -]*?)\s*,\s*each\s+(?:with|having|has|holding)\s+(.+)$/i;

/** `Basically we have teams, each with a name and a captain phone number`: one entity and its fields. */
export function readEachWith(draft: Draft, text: string): boolean {
  const [, phrase, fields] = EACH_WITH.exec(text.trim()) ?? [];
  const entity = phrase === undefined ? undefined : pluralEntityOf(stripDeterminers(phrase).toLowerCase());
  if (entity === undefined || fields === undefined) return false;
  ensureEntity(draft, entity, Origin.described, phrase);
  readFieldList(draft, entity, fields, false);
  draft.lastSubjects = [entity];
  return true;
}
