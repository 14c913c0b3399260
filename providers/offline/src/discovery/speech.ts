// What a chatty sentence says once the speaker is taken out of it: `Oh, and I would like to keep track
// of owners (name, email)` → `owners (name, email)`.

const INTERJECTION =
  /^(?:(?:oh|also|then|basically|plus|finally|secondly|thirdly|and|so|but|anyway|ok|okay|right|well|lastly|next)\b\s*,?\s*)+/i;
const RECORD = String.raw`(?:keep\s+track\s+of|keep\s+tabs\s+on|track|store|record|log|catalog(?:ue)?|keep|save|manage|note(?:\s+down)?|list|add|hold|set|create|make|define)`;
// `When an animal comes in we record a visit …`: the occasion, then the speaker.
const OCCASION = /^(?:when|whenever|each\s+time|every\s+time|once)\s+[^,]+?,?\s+(?=(?:we|i|they)\s)/i;
const WISH = new RegExp(
  String.raw`^(?:if\s+)?(?:i|we|they)\s+(?:(?:would|could|can|also|just|really|then|only|will|do)\s+)*(?:(?:like|want|need|love|have|hope)\s+to\s+)?(?:be\s+able\s+to\s+)?(?:also\s+)?${RECORD}\s+`,
  'i',
);
// Said without a subject: `keep track of branches (…)`, `need to store the weapons`.
const BARE_WISH = new RegExp(
  String.raw`^(?:(?:need|want|like)\s+to\s+(?:also\s+)?${RECORD}|keep\s+track\s+of|keep\s+tabs\s+on|store|catalog(?:ue)?)\s+`,
  'i',
);
const OWNED = /^(?:all\s+)?(?:the|our|my)\s+(?=[a-z])/i;
const ASK = new RegExp(
  String.raw`^(?:could|can|would)\s+you\s+(?:(?:also|please|maybe)\s+)*(?:set\s+up\s+something\s+(?:where|so)\s+(?:we|i)\s+(?:can\s+)?)?${RECORD}\s+`,
  'i',
);
// `I would love a backend where each vehicle is assigned to a branch`: what follows `where` is the request.
const APP_WHERE =
  /^(?:(?:i|we)\s+(?:would\s+|'d\s+)?(?:love|like|want|need)\s+)?(?:an?|the|one)\s+(?:[a-z-]+\s+){0,3}?(?:backend|app|application|system|api|tool|database|service|platform)\s+(?:where|in\s+which|so\s+that)\s+/i;
const CLOSING = /\s*,?\s*(?:that\s+would\s+be\s+[a-z]+|if\s+possible|please|too|as\s+well)$/i;

// `Dentists and hygienists are both stored as practitioners with a name`: what is stored is the practitioner.
const STORED_AS =
  /^.+?\s+(?:are|is)\s+(?:both\s+|all\s+)?(?:stored|kept|recorded|modell?ed|tracked|saved)\s+as\s+(?=[a-z]+(?:\s[a-z]+)?\s+with\s)/i;

// `I want to link each problem to the device it is about` → `each problem belongs to the device …`.
const LINK_EACH =
  /^(?:i|we)\s+(?:would\s+)?(?:want|need|like|love)\s+to\s+(?:link|connect|attach|tie)\s+(each|every|an?)\s+([a-z]+(?:\s[a-z]+)?)\s+to\s+/i;

/** The sentence without its interjections and the speaker's wish to record something; as is otherwise. */
export function plainSpeech(sentence: string): string {
  const opened = sentence
    .replace(INTERJECTION, '')
    .replace(OCCASION, '')
    .replace(STORED_AS, '')
    .replace(LINK_EACH, '$1 $2 belongs to ');
  const stripped = opened.replace(APP_WHERE, '').replace(WISH, '').replace(ASK, '').replace(BARE_WISH, '');
  return stripped === opened ? opened : stripped.replace(CLOSING, '').replace(OWNED, '');
}
