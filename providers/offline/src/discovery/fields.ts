import { toCamelCase, type FieldType } from '@mge/contracts';
import {
  addField,
  addReference,
  ask,
  assume,
  ensureEntity,
  entityNamed,
  isEntity,
  noteUnread,
  Origin,
  type Draft,
} from './draft.js';
import { typeOfHint, typeOfName } from './field-types.js';
import { fieldNamesIn, isEnumValue, parseItem, type ParsedItem } from './item.js';
import { noteMany, readElidedMany } from './many-to-many.js';
import { readVerbRelation } from './verb-relations.js';
import { entityNameOf, isPluralWord } from './singular.js';
import { maskParens, quote, splitList } from './text.js';

// Plural words that read as one text value rather than as many related records.
const MASS_NOUNS = new Set(
  'data metadata details settings preferences instructions contents credentials statistics notes terms ingredients tags remarks requests allergies delays'.split(
    ' ',
  ),
);

const REFERENCE_TO =
  /^(?:an?\s+|the\s+)?(?:optional\s+)?(?:reference|link|pointer|foreign\s+key|fk)\s+(?:to|for)\s+(?:an?\s+|the\s+|one\s+|its\s+)?([a-z][a-z ]*?)$/i;

// `many measurements: …`, `many episodes with a title …`, `each having many items (question, …)`.
const MANY = String.raw`(?:many|several|multiple|lots\s+of|any\s+number\s+of)`;
const HAVING_MANY = String.raw`^(?:each\s+)?(?:(?:having|containing|with|has|holding|including)\s+)?${MANY}\s+([a-z][a-z]*(?:\s[a-z]+){0,2}?)`;
const MANY_WITH = new RegExp(
  String.raw`${HAVING_MANY}(?:\s*:\s*|\s*,\s*each\s+(?:with|having|has|holding)\s+|\s+with\s+)(.+)$`,
  'i',
);
const MANY_INSIDE = new RegExp(
  String.raw`(?:,\s*(?:and\s+)?|\s+and\s+)(?=${MANY}\s+[a-z]+(?:\s[a-z]+){0,2}?\s+with\s)`,
  'i',
);
const MANY_PAREN = new RegExp(String.raw`${HAVING_MANY}\s*\(([^()]+)\)$`, 'i');

export function readFieldList(draft: Draft, entity: string, text: string, optional: boolean): void {
  // `has many measurements: characteristic, nominal value and …`: the many records and their fields.
  const manyWith = MANY_WITH.exec(text.trim()) ?? MANY_PAREN.exec(text.trim());
  const many = manyWith?.[1] === undefined ? undefined : entityNameOf(manyWith[1].toLowerCase());
  if (many !== undefined && manyWith?.[1] !== undefined && manyWith[2] !== undefined) {
    return readManyRecords(draft, entity, {
      many,
      phrase: manyWith[1],
      fields: manyWith[2],
      source: manyWith[0],
    });
  }
  // `a title and many episodes with a title …`: the fields before, then the many records and theirs.
  const manyAt = MANY_INSIDE.exec(text);
  if (manyAt !== null && manyAt.index > 0) {
    readFieldList(draft, entity, text.slice(0, manyAt.index), optional);
    return readFieldList(draft, entity, text.slice(manyAt.index + manyAt[0].length), optional);
  }
  const enumTail = splitEnumTail(text);
  const items = mergeModifiers(splitList(enumTail?.head ?? text));
  const last = enumTail === undefined ? undefined : items.pop();
  for (const item of items) readFieldItem(draft, entity, item, optional);
  if (last !== undefined && enumTail !== undefined) {
    readFieldItem(draft, entity, `${last} (${enumTail.values.join(' / ')})`, optional);
  }
}

const MODIFIER_ONLY = /^(?:unique|optional|required|mandatory|nullable|not\s+required|can\s+be\s+empty)$/i;

// `code, unique; EV charging yes/no`: a lone modifier belongs to the item before it.
function mergeModifiers(items: readonly string[]): string[] {
  const merged: string[] = [];
  for (const item of items) {
    const last = merged.length - 1;
    if (MODIFIER_ONLY.test(item.trim()) && last >= 0) merged[last] = `${merged[last] ?? ''} (${item.trim()})`;
    else merged.push(item);
  }
  return merged;
}

// `…, and a status: open, in progress or closed` → the list before, and the last item's enum values.
export function splitEnumTail(text: string): { head: string; values: string[] } | undefined {
  const at = maskParens(text).indexOf(':');
  if (at <= 0) return undefined;
  const values = splitList(text.slice(at + 1)).map((v) =>
    v
      .replace(/^(?:either|one\s+of)\s+/i, '')
      .trim()
      .toLowerCase(),
  );
  const plain = values.every(isEnumValue);
  if (values.length < 2 || !plain || new Set(values).size !== values.length) return undefined;
  return { head: text.slice(0, at).trim(), values };
}

/** Reads a field list for an entity: what the verb readers call when a sentence gives fields. */
export const fieldReader =
  (draft: Draft) =>
  (entity: string, text: string): void => {
    readFieldList(draft, entity, text, false);
  };

function readFieldItem(draft: Draft, entity: string, item: string, optional: boolean): void {
  if (readElidedMany(draft, entity, item)) return;
  if (MANY_PAREN.test(item.trim())) return readFieldList(draft, entity, item, optional);
  if (readOwnedWithFields(draft, entity, item)) return;
  // `a reference to a customer`: the entity's reference, said as a field.
  const [, named] = REFERENCE_TO.exec(item.trim()) ?? [];
  const referenced = named === undefined ? undefined : entityNameOf(named.toLowerCase());
  if (referenced !== undefined) return addReference(draft, entity, referenced, !optional, item.trim());
  // `an author writes many books`: a relation said inside a list.
  const relation =
    item.trim().split(/\s+/).length >= 3 && !/^(?:optional|unique|required)\b/i.test(item.trim());
  if (relation && readVerbRelation(draft, item, fieldReader(draft))) return;
  const parsed = parseItem(item);
  if (parsed === undefined) return noteUnread(draft, item);
  if (parsed.many || isManyRecords(draft, parsed)) return readHasMany(draft, entity, parsed);
  const target = referencedEntity(draft, entity, parsed);
  if (target !== undefined) return readReference(draft, entity, target, parsed, optional);
  const name = toCamelCase(parsed.words.join(' '));
  if (name === 'id') return assume(draft, `${entity}.id is made by the server; ${quote(item)} adds no field`);
  const type = parsed.values === undefined ? typeOf(draft, `${entity}.${name}`, parsed) : 'string';
  const required = type === 'boolean' ? parsed.required : !(optional || parsed.optional);
  const field = {
    name,
    type,
    required,
    description: '',
    source: item.trim(),
    ...(parsed.values === undefined ? {} : { values: parsed.values }),
    ...(parsed.unique && type !== 'boolean' && parsed.values === undefined ? { unique: true } : {}),
  };
  if (!addField(draft, entity, field)) {
    assume(draft, `${entity}.${name} was given twice; the first one is kept`);
  }
}

// A bare plural (`tags`) names many records, unless it is a known value word (`pages`, `notes`).
function isManyRecords(draft: Draft, parsed: ParsedItem): boolean {
  const last = parsed.words[parsed.words.length - 1] ?? '';
  if (!parsed.bare || parsed.hints.length > 0 || parsed.words.length > 2 || !isPluralWord(last)) return false;
  const target = entityNameOf(parsed.words.join(' '));
  if (target !== undefined && isEntity(draft, target)) return true;
  return !MASS_NOUNS.has(last) && typeOfName(parsed.words) === undefined;
}

const OWNED_WITH_FIELDS = /^(?:(?:some|its|their)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s*\(([^()]+)\)$/i;

// `comments (a body and a posted-at timestamp)`: many records of their own, with their fields.
function readOwnedWithFields(draft: Draft, entity: string, item: string): boolean {
  const [, phrase, content] = OWNED_WITH_FIELDS.exec(item.trim()) ?? [];
  const last = phrase?.toLowerCase().split(' ').pop() ?? '';
  const fields = content === undefined ? undefined : fieldNamesIn(content);
  if (phrase === undefined || fields === undefined || !isPluralWord(last) || MASS_NOUNS.has(last))
    return false;
  const many = entityNamed(draft, phrase);
  if (many === undefined) return false;
  readManyRecords(draft, entity, { many, phrase, fields, source: item.trim() });
  return true;
}

interface ManyRecords {
  readonly many: string;
  readonly phrase: string;
  readonly fields: string;
  readonly source: string;
}

// `owner` has many `many` records, each naming it, with the fields the request gives them.
function readManyRecords(draft: Draft, owner: string, { many, phrase, fields, source }: ManyRecords): void {
  ensureEntity(draft, many, Origin.described, phrase);
  addReference(draft, many, owner, true, source);
  noteMany(draft, owner, many, source);
  readFieldList(draft, many, fields, false);
}

function readHasMany(draft: Draft, entity: string, parsed: ParsedItem): void {
  const target = entityNamed(draft, parsed.words.join(' ')); // `many lines` of a timesheet
  if (target === undefined) return noteUnread(draft, parsed.words.join(' '));
  if (!parsed.many && !isEntity(draft, target)) {
    assume(
      draft,
      `"${parsed.words.join(' ')}" is read as many ${target} records, each with a ${entityId(entity)}`,
    );
  }
  addReference(draft, target, entity, true, parsed.words.join(' '));
  noteMany(draft, entity, target, parsed.words.join(' '));
}

// The entity a field item points to: a hint naming one (`(user)`), or a name that is one (`a member`).
function referencedEntity(draft: Draft, entity: string, parsed: ParsedItem): string | undefined {
  const fromHint = parsed.hints
    .map((h) => entityNameOf(h))
    .find((n) => n !== undefined && isEntity(draft, n));
  if (fromHint !== undefined) return fromHint;
  if (parsed.hints.length > 0) return undefined;
  const words = parsed.words[parsed.words.length - 1] === 'id' ? parsed.words.slice(0, -1) : parsed.words;
  const named = entityNameOf(words.join(' '));
  return named !== undefined && named !== entity && isEntity(draft, named) ? named : undefined;
}

function readReference(
  draft: Draft,
  entity: string,
  target: string,
  parsed: ParsedItem,
  optional: boolean,
): void {
  const required = !(optional || parsed.optional);
  const phrase = parsed.words.join(' ');
  const own = toCamelCase(phrase.replace(/ id$/, ''));
  if (parsed.hints.length === 0 || own === toCamelCase(target)) {
    addReference(draft, entity, target, required, phrase);
    return assume(draft, `${entity}.${entityId(target)} refers to ${target} ("${phrase}" names an entity)`);
  }
  const name = `${own}Id`;
  const description = `the ${target} that is this ${entity}'s ${phrase}`;
  addField(draft, entity, {
    name,
    type: 'reference',
    required,
    references: target,
    description,
    source: phrase,
  });
}

function typeOf(draft: Draft, field: string, parsed: ParsedItem): FieldType {
  const hints = parsed.hints;
  const hinted = hints.map(typeOfHint).find((t) => t !== undefined);
  const type = hinted ?? (parsed.flag ? 'boolean' : typeOfName(parsed.words)) ?? 'string';
  const unknown = hints.filter((h) => typeOfHint(h) === undefined);
  if (unknown.length > 0) {
    const shown = quote(`(${unknown.join(', ')})`);
    ask(
      draft,
      `What does ${shown} on ${field} mean? It is not a known type; ${field} is ${article(type)} for now.`,
    );
  } else if (hinted === undefined) {
    assume(draft, `${field} is ${article(type)} (${reasonFor(parsed)})`);
  }
  return type;
}

function reasonFor(parsed: ParsedItem): string {
  if (parsed.flag) return 'it is called a flag';
  return typeOfName(parsed.words) === undefined ? 'no type given' : 'guessed from its name';
}

const article = (type: FieldType): string =>
  type === 'integer' || type === 'email' ? `an ${type}` : `a ${type}`;

const entityId = (entity: string): string => `${toCamelCase(entity)}Id`;
