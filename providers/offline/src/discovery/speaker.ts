import { ensureEntity, Origin, type Draft } from './draft.js';
import { readFieldList } from './fields.js';
import { entityNameOf, pluralEntityOf } from './singular.js';
import { CLAUSE } from './verbs.js';

const KEEP = String.raw`(?:keep|store|track|record|log|save|need|want|hold|capture|list|enter|note|manage|register|catalog(?:ue)?)`;
const WHO = String.raw`(?:we|i|you|they|users?|staff|people|the\s+app|the\s+system|the\s+api)`;
const MODAL = String.raw`(?:(?:would|will|should|must|can|could|also|just|only|really|(?:want|need|have)\s+to|like\s+to|'d|would\s+like\s+to)\s+)*`;

// `For lawyers we keep a name and a bar number`.
const FOR_THEM = new RegExp(
  String.raw`^(?:and\s+)?(?:for|on)\s+(each\s+|every\s+|an?\s+|the\s+)?([a-z][a-z ]*?)\s*,?\s+${WHO}\s+${MODAL}${KEEP}\s+(.+)$`,
  'i',
);
// `We would log movies with the title, director and year`.
const THEM_WITH = new RegExp(
  String.raw`^(?:so\s+|and\s+)?${WHO}\s+${MODAL}(?:${KEEP}|have|run|host|offer|sell|organi[sz]e|hold|get|receive|schedule)\s+(?:(?:all|our|my|the|their|any|some)\s+)?([a-z][a-z ]*?)(?:\s+(?:with|including|along\s+with|together\s+with)\s+|\s+[-\u2013\u2014]\s+|\s*:\s*)(.+)$`,
  'i',
);

/** Fields said by the people who use the API: `for lawyers we keep a name`, `we log movies with a title`. */
export function readSpeakerFields(draft: Draft, sentence: string): boolean {
  const forThem = FOR_THEM.exec(sentence);
  const [, one, phrase, fields] = forThem ?? ['', undefined, ...(THEM_WITH.exec(sentence) ?? []).slice(1)];
  if (phrase === undefined || fields === undefined) return false;
  // `We sell sponsorships: a sponsor has a name` goes on in a clause of its own.
  if (/^(?:an?|each|every|it|they)\s/i.test(fields) && CLAUSE.test(fields)) return false;
  const words = phrase.toLowerCase().trim();
  // `for each photo we need …` names one record; `we log movies with …` names them all.
  const entity = /^(?:each|every|an?)\s/i.test(one ?? '') ? entityNameOf(words) : pluralEntityOf(words);
  if (entity === undefined) return false;
  ensureEntity(draft, entity, Origin.described, phrase.trim());
  readFieldList(draft, entity, fields, false);
  draft.lastSubjects = [entity];
  return true;
}
