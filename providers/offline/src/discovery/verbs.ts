// The verbs a clause is built from, as regex sources shared by the clause readers.

const MODAL = String.raw`(?:(?:that|which|who|can|could|should|must|will|would|may|might|was|were|gets?|got|also|each|always|usually|typically|optionally|obviously|just|only|simply|both|all|then|do|does|need\s+to|needs\s+to|have\s+to|has\s+to)\s+)*`;
const FIELD_VERB = String.raw`(?:(?:is|are)\s+(?:just|only|simply|basically)|have|has|contains?|includes?|stores?|holds?|needs?|keeps?|tracks?|records?|carr(?:y|ies)(?!\s+out\b)|consists?\s+of|comes?\s+(?:in\s+)?with|arrives?\s+with)`;
const PARTICIPLE = String.raw`(?:[a-z]+ed|made|given|written|run|held|taken|done|kept|sent|built|won|paid|drawn|shown|set|bought|sold|found|led|seen)`;
const BELONG_VERB = String.raw`(?:belongs?\s+to|comes?\s+from|(?:sits?|lives?|happens?|takes?\s+place|stays?)\s+(?:in|on|at|inside|within)|(?:starts?|ends?|departs?|leaves?|arrives?|finishes?)\s+(?:from|at|in)|(?:rolls?\s+up|feeds?|goes|go)\s+(?:into|to)|references?|refers?\s+to|points?\s+to|${PARTICIPLE}(?:\s+(?:up|out|off|down|back|over))?\s+(?:by|to|for|in|into|on|at|from|against|under|within|with|during|per))`;
const LINK_VERB = String.raw`(?:links?|connects?|joins?|associates?|relates?)`;
const BE = String.raw`(?:is|are|be)`;
const PREPOSITION = String.raw`(?:to|by|of|for|in|into|under|within|from|on|onto|at|against|about|through|via|inside|during|across|with|per)`;

const VERB = `(?:with|${FIELD_VERB}|${BELONG_VERB}|${LINK_VERB}|${BE})`;
const SUBJECT = String.raw`((?!(?:optional|unique|required|mandatory)\b)[a-z][a-z0-9'-]*(?:\s+[a-z][a-z0-9'-]*){0,4}?)`;
const LEADING = String.raw`(?:(?:each|every|a|an|the|all|one|some|any|our|my|many|several|multiple)\s+)?`;

// `each task can belong to a project` → subject `task`, predicate `can belong to a project`.
export const CLAUSE = new RegExp(String.raw`^${LEADING}${SUBJECT}\s+(${MODAL}${VERB}\b.*)$`, 'i');

// Where a predicate moves on to its next verb: `…, and belong to a project`.
export const NEXT_VERB = new RegExp(
  String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=${MODAL}(?:${FIELD_VERB}|${BELONG_VERB}|${LINK_VERB}|${BE})\s+\S)|\s*,\s*(?=with\s+\S)`,
  'gi',
);

const NOUN = String.raw`(?!(?:a|an|the|each|every|all|some|any|one|my|our|and|also|or|has|have|is|are|be|belongs?|links?|can|should|must|may|will|each|with)\b)[a-z][a-z'-]*`;

// Where a sentence starts a new clause with a subject of its own: `…, tasks have a title`.
export const NEXT_CLAUSE = new RegExp(
  String.raw`\s*,\s*(?:and\s+)?(?:so|then|but|where)\s+(?=\S)|\s*,\s*(?:and\s+)?(?=(?:for\s+(?:each|every)|we|i|each\s+one|every\s+one)\s)|(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=${LEADING}${NOUN}(?:\s+${NOUN})?\s+${MODAL}(?:${FIELD_VERB}|${BELONG_VERB}|${LINK_VERB}|${BE}\s+(?:[a-z]+\s+)?${PREPOSITION})\s+\S)`,
  'gi',
);

export const FIELD_CHUNK = new RegExp(String.raw`^(${MODAL})(?:with|${FIELD_VERB})\s+(.+)$`, 'i');
export const LINK_CHUNK = new RegExp(
  String.raw`^(${MODAL})(?:${LINK_VERB}|${BE}\s+(?:(?:an?\s+)?(?:link|join|connection)\s+)?between)\s+(.+)$`,
  'i',
);
// `is a batch made from a recipe`: what it is, said on the way, changes nothing.
export const BELONG_CHUNK = new RegExp(
  String.raw`^(${MODAL})(${BELONG_VERB}|${BE}\s+(?:an?\s+[a-z]+\s+)?(?:[a-z]+\s+)?(?:(?:up|out|off|down|back|over)\s+)?${PREPOSITION})\s+(.+)$`,
  'i',
);
export const STATE_CHUNK = new RegExp(
  String.raw`^(${MODAL})${BE}\s+(?:either\s+)?([a-z]+)(?:\s+or\s+not)?$`,
  'i',
);

const OPTIONAL_MODAL = /\b(?:can|could|may|might|optionally)\b/i;

// `can belong to a project`: the relation or fields are optional.
export const isOptionalModal = (modal: string | undefined): boolean => OPTIONAL_MODAL.test(modal ?? '');
