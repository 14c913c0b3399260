import nlp from 'compromise';
import {
  addReference,
  ensureEntity,
  entityNamed,
  isEntity,
  Origin,
  resolveEntity,
  type Draft,
} from './draft.js';
import { noteMany, noteManyToMany } from './many-to-many.js';
import { entityNameOf, isPluralWord } from './singular.js';

// Subject, verb (with its particle), an optional preposition, then the object: `students enroll in courses`.
const PATTERN =
  '^(#Determiner|#Value)? [<subject>(#Adjective|#Noun)? #Noun] (#Adverb|#Modal|#Auxiliary|#Copula|also|each)* ' +
  '[<verb>#Verb+] [<preposition>(#Preposition|to|into|onto|on|in|for|from|with|at|of)]? ' +
  '(#Determiner|#Value|many|several|multiple|any|more|than)* ' +
  '[<object>(#Adjective|#Noun)? #Noun]';

// Verbs whose two sides each have many of the other: a student enrolls in many courses, a course has many students.
const MANY_TO_MANY = new Set(
  'enroll enrol attend join follow like favorite favourite subscribe sign register participate volunteer bookmark star take play visit watch collect own share'.split(
    ' ',
  ),
);
// Subjects that are the people using the API, not a kind of record.
const SPEAKERS =
  /^(?:we|i|you|they|it|people|someone|anyone|everyone|admins?|the\s+system|the\s+api|the\s+app)$/i;
const SEVERAL = /\b(?:many|several|multiple|any\s+number\s+of|lots\s+of|more\s+than\s+one)\b/i;

interface Parts {
  readonly subject: string;
  readonly verb: string;
  readonly preposition: string;
  /** The words between the verb and the object (`many`, `one`). */
  readonly between: string;
  readonly object: string;
  readonly rest: string;
}

const lastWord = (phrase: string): string => phrase.toLowerCase().split(/\s+/).pop() ?? '';

function partsOf(said: string): Parts | undefined {
  const sentence = said.replace(/\b(?:lots|loads|a\s+lot|plenty|a\s+bunch|tons)\s+of\b/gi, 'many');
  const doc = nlp(sentence);
  const match = doc.match(PATTERN);
  if (!match.found) return undefined;
  const groups = match.groups() as Record<string, { text: () => string } | undefined>;
  const text = (name: string): string => groups[name]?.text().trim() ?? '';
  const verb = nlp(text('verb')).verbs().toInfinitive().text().toLowerCase() || text('verb').toLowerCase();
  const lower = sentence.toLowerCase();
  const verbEnd = lower.indexOf(text('verb').toLowerCase()) + text('verb').length;
  const objectAt = lower.indexOf(text('object').toLowerCase(), verbEnd);
  const between = objectAt < 0 ? '' : sentence.slice(verbEnd, objectAt);
  const rest = objectAt < 0 ? '' : sentence.slice(objectAt + text('object').length);
  return {
    subject: text('subject'),
    verb,
    preposition: text('preposition').toLowerCase(),
    between,
    object: text('object'),
    rest,
  };
}

const entityOf = (draft: Draft, phrase: string): string | undefined => {
  const name = entityNameOf(
    phrase
      .toLowerCase()
      .replace(/^(?:same|other|given|particular|single|individual)\s+/, '')
      .replace(/[^a-z\s'-]/g, '')
      .trim(),
  );
  if (name === undefined) return undefined;
  const resolved = resolveEntity(draft, name);
  const plural = isPluralWord(phrase.toLowerCase().split(/\s+/).pop() ?? '');
  return plural || isEntity(draft, resolved) ? resolved : undefined;
};

/** Whether a phrase holds a verb (`customers place orders`), so it cannot be a subject on its own. */
export function hasVerb(phrase: string): boolean {
  return phrase.trim().includes(' ') && nlp(phrase).match('#Noun+ #Verb #Noun').found;
}

// Words after the object that change nothing: `works on many matters at once`.
const TRAILING =
  /^(?:at\s+once|at\s+a\s+time|too|as\s+well|also|over\s+time|(?:each|every|per)\s+[a-z]+)\W*$/i;

const AND_OBJECT =
  /^(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)((?:to\s+)?(?:an?|one|the|exactly\s+one|a\s+single|many|several|multiple)?\s*)([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)(?=$|\s*[,.;]|\s+(?:and|or|with)\b)/i;

// The relation a verb says between its subject and one object.
function relate(draft: Draft, parts: Parts, subject: string, object: string, source: string): void {
  const verb = parts.verb.split(' ')[0] ?? '';
  const several = SEVERAL.test(parts.between) || isPluralWord(lastWord(parts.object));
  if (parts.preposition === 'by') addReference(draft, subject, object, true, source);
  else if (MANY_TO_MANY.has(verb) && isPluralWord(lastWord(parts.subject)) && several) {
    noteManyToMany(draft, subject, object, source);
  } else if (several) {
    // `customers place orders`, `a dog goes on many walks`: each object names its subject.
    addReference(draft, object, subject, true, source);
    noteMany(draft, subject, object, source);
  } else addReference(draft, subject, object, true, source); // `each meeting discusses one book`
}

/**
 * A relation said with a verb: `customers place orders` (an order names its customer), `dogs are
 * walked by walkers` (a dog names its walker), `students enroll in courses` (many-to-many). The rest
 * of the sentence may give the object's fields: `customers place orders with a date and a total`.
 */
export function readVerbRelation(
  draft: Draft,
  sentence: string,
  readFields: (entity: string, text: string) => void,
): boolean {
  const parts = partsOf(sentence);
  if (parts === undefined) return false;
  if (SPEAKERS.test(parts.subject)) return readSpokenAbout(draft, parts, sentence, readFields);
  // `a booking reserves one room and has a guest name`: a subject described here is a record too.
  const described = OWN_AFTER.test(parts.rest.replace(/^[\s,]+/, ''));
  const subject =
    entityOf(draft, parts.subject) ?? (described ? entityNamed(draft, parts.subject) : undefined);
  const object = entityOf(draft, parts.object);
  if (subject === undefined || object === undefined || subject === object) return false;
  const about = aboutOf(draft, parts.rest.replace(/^[\s,]+/, ''));
  let rest = about?.rest ?? parts.rest.replace(/^[\s,]+/, '');
  // `each run uses one telescope and one camera`: more objects of the same verb.
  const objects = [{ entity: object, phrase: parts.object, between: parts.between }];
  for (let more = AND_OBJECT.exec(rest); more !== null; more = AND_OBJECT.exec(rest)) {
    const next = entityOf(draft, more[2] ?? '');
    if (next === undefined || next === subject) return false;
    objects.push({ entity: next, phrase: more[2] ?? '', between: more[1] ?? '' });
    rest = rest.slice(more[0].length).replace(/^[\s,]+/, '');
  }
  const fields = FIELDS_AFTER.exec(rest)?.[1];
  // `a booking reserves one room and has a guest name`: the subject's own fields after the relation.
  const own = OWN_AFTER.exec(rest)?.[1];
  if (rest !== '' && fields === undefined && own === undefined && !TRAILING.test(rest)) return false;
  const source = sentence.trim();
  ensureEntity(draft, subject, Origin.referenced, parts.subject);
  for (const { entity, phrase, between } of objects) {
    ensureEntity(draft, entity, Origin.referenced, phrase);
    relate(draft, { ...parts, between, object: phrase }, subject, entity, source);
  }
  if (about !== undefined && about.entity !== object) addReference(draft, object, about.entity, true, source);
  if (fields !== undefined) {
    ensureEntity(draft, object, Origin.described);
    readFields(object, fields);
  }
  if (own !== undefined) readFields(subject, own);
  draft.lastSubjects = [subject];
  return true;
}

const OWN_AFTER = /^(?:,\s*)?and\s+(?:also\s+)?(?:has|have|holds?|keeps?|carries|records?)\s+(.+)$/i;

const FIELDS_AFTER = /^(?:(?:with|that\s+(?:have|has)|which\s+(?:have|has)|having)\s+|:\s*)(.+)$/i;
const ABOUT =
  /^(?:on|of|for|to|against|about|in|at|under)\s+(?:one\s+of\s+)?(?:(?:an?|the|one|each|every|their|its|our)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)(?=$|\s*[:,]|\s+with\b)/i;

// `… reviews of the movies: a score …`: the record the object is about, and what is said after it.
function aboutOf(draft: Draft, rest: string): { entity: string; rest: string } | undefined {
  const found = ABOUT.exec(rest);
  const entity = found?.[1] === undefined ? undefined : entityOf(draft, found[1]);
  return found === null || entity === undefined
    ? undefined
    : { entity, rest: rest.slice(found[0].length).trim() };
}

// `people can leave comments on an episode with a name and a message`: no author record, but the
// comments are about an episode.
function readSpokenAbout(
  draft: Draft,
  parts: Parts,
  sentence: string,
  readFields: (entity: string, text: string) => void,
): boolean {
  const object = isPluralWord(lastWord(parts.object)) ? entityOf(draft, parts.object) : undefined;
  const about = aboutOf(draft, parts.rest.replace(/^[\s,]+/, ''));
  if (object === undefined || about === undefined || about.entity === object) return false;
  const fields = FIELDS_AFTER.exec(about.rest)?.[1];
  if (fields === undefined) return false;
  ensureEntity(draft, object, Origin.described, parts.object);
  addReference(draft, object, about.entity, true, sentence.trim());
  readFields(object, fields);
  draft.lastSubjects = [object];
  return true;
}
