import { ensureEntity, Origin, type Draft } from './draft.js';
import { readFieldList } from './fields.js';
import { fieldNamesIn } from './item.js';
import { entityNameOf, isPluralWord } from './singular.js';

// `… raised by a requester (name, department)`: a record named where a relation points, with its fields.
const AFTER_RELATION =
  /\b((?:by|to|from|at|in|into|on|of|for|against|under|per|within|inside|through|toward|towards)\s+(?:(?:an?|the|one|each|some|its|their|his|her)\s+)?)([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)\s*\(([^()]*)\)/gi;
// `Mechanics (name, phone) carry out repair jobs`: the subject of a clause, with its fields.
const AS_SUBJECT =
  /^((?:an?\s+|the\s+|each\s+|every\s+)?)([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)\s*\(([^()]*)\)\s*(?=,\s*each\s|(?!(?:,|;|:|and\b|or\b|on\b|for\b|at\b|in\b|of\b|with\b|to\b|per\b|$))\S)/i;

// Describes the record a parenthesis gives fields to; false when the parenthesis is not a field list.
function hoist(draft: Draft, phrase: string, content: string): boolean {
  if (/\b(?:the|an?|our|my|their|its|your)\b/i.test(phrase)) return false; // `store the artists`
  const fields = fieldNamesIn(content);
  const entity = fields === undefined ? undefined : entityNameOf(phrase.toLowerCase());
  if (entity === undefined || fields === undefined) return false;
  ensureEntity(draft, entity, Origin.described, phrase);
  readFieldList(draft, entity, fields, false);
  return true;
}

/**
 * Records given their fields in parentheses inside a relation, `a requester (name, department)`, are
 * described, and the sentence is read on without the parentheses: `raised by a requester`.
 */
export function hoistParenEntities(draft: Draft, sentence: string): string {
  // Without an article only a plural is a record: `enroll in courses (code, title)`, not `in kg (…)`.
  const inner = sentence.replace(AFTER_RELATION, (all, lead: string, phrase: string, content: string) =>
    (/\s(?:an?|the|one|each|some|its|their|his|her)\s+$/i.test(lead) ||
      isPluralWord(phrase.split(' ').pop() ?? '')) &&
    hoist(draft, phrase, content)
      ? `${lead}${phrase}`
      : all,
  );
  const subject = AS_SUBJECT.exec(inner);
  if (subject === null) return inner;
  const [all, lead = '', phrase = '', content = ''] = subject;
  if (!hoist(draft, phrase, content)) return inner;
  // `Workshops (title, capacity), each run by a facilitator` → `Workshops are run by a facilitator`.
  const rest = inner
    .slice(all.length)
    .trim()
    .replace(/^,\s*each\s+(?=[a-z]+\s+(?:by|to|in|at|on|for|from)\s)/i, 'are ');
  // `Parcels (weight) shipped to recipients` → `Parcels are shipped to recipients`.
  const passive = /^[a-z]+ed\s+(?:to|by|for|in|into|at|on|from|with|under)\s/i.test(rest)
    ? `are ${rest}`
    : rest;
  return `${lead}${phrase} ${passive}`;
}
