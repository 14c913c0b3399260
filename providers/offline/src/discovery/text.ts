import { flattenLayout } from './layout.js';
import { CLAUSE } from './verbs.js';

// Plain-text helpers: normalising the request and cutting it into sentences and lists.

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'some',
  'its',
  'their',
  'his',
  'her',
  'each',
  'every',
  'all',
  'any',
  'our',
  'my',
  'your',
  'one',
]);

// Same spelling for the same word, one space between words, no list bullets.
export function normalizeRequest(request: string): string {
  const words = request
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\be-mails?\b/gi, (m) => (m.toLowerCase().endsWith('s') ? 'emails' : 'email'))
    .replace(/\bto-do(s?)\b/gi, 'todo$1')
    .replace(/\bbetween\s+(\d+)\s+and\s+(\d+)/gi, 'from $1 to $2')
    // `…, each parcel with many tracking events` says what each parcel has.
    .replace(
      /,\s*each\s+([a-z]+(?:\s[a-z]+)?)\s+with\s+(?=(?:many|several|multiple|lots)\s)/gi,
      '; each $1 has ',
    )
    .replace(/\b(with|and|of|track|store|keep|record)\s+there\s+(?=[a-z])/gi, '$1 their ')
    .replace(/\b([a-z]+)\s+and\s+([a-z]+)\s+(date|time)s\b/gi, '$1 $3 and $2 $3')
    .replace(/\bits\s+(?=(?:for|of|on|in|at|by|from)\s+(?:an?|one|the)\b)/gi, 'it is ')
    .replace(/\b(i|we|you|they)'d\b/gi, '$1 would')
    .replace(/\b(i|we|you|they)'ll\b/gi, '$1 will')
    .replace(/\b(we|you|they)'re\b/gi, '$1 are')
    .replace(/\bi'm\b/gi, 'I am')
    .replace(/\b(it|that|there|what)'s\b/gi, '$1 is')
    .replace(
      /,?\s*(?:which|that|and|wh?ich)\s+(?:is|are|must\s+be|should\s+be|has\s+to\s+be|needs\s+to\s+be)\s+(unique|optional|required)\b\s*(,?)/gi,
      ' ($1)$2 ',
    )
    // `a status of draft, sent or received` lists the values as `a status: …` does.
    .replace(
      /\b(status|type|kind|state|stage|category|tier|role|priority|severity|source|mode|format|channel|method|frequency|side|position|grade|level)\s+(?:of|is\s+one\s+of|which\s+is|that\s+is|either)\s+(?=[a-z-]+(?:\s+[a-z-]+)?\s*(?:,|\s+or\s+))/gi,
      '$1: ',
    );
  return flattenLayout(words)
    .replace(/`/g, "'")
    .replace(/^[ \t]*(?:[-*\u2022]|\d+[.)])[ \t]+/gm, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n+ */g, '\n')
    .trim();
}

// What is inside parentheses, hidden behind underscores, so separators there are not seen.
export function maskParens(text: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth++;
    out += depth > 0 && ch !== '(' && ch !== ')' ? '_' : ch;
    if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

// Cuts the text at every match of `separator` (a global regex) that is not inside parentheses.
export function splitOutsideParens(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of maskParens(text).matchAll(separator)) {
    if (match[0].length === 0) continue;
    parts.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const SENTENCE_END = /\s*(?:[;!?\n]+|\.+(?=\s|$))\s*/g;

// `… a producer - each wine has …` ends a sentence at the dash; `the dogs - name, breed` lists after it.
const DASH = /\s+[-\u2013\u2014]\s+(?=(\S+))/g;
const CLAUSE_START = /^(?:each|every|a|an|the|one|i|we|they|it|both|this|that|these|those)$/i;
const cutAtDashes = (text: string): string =>
  text.replace(DASH, (dash: string, next: string, at: number, all: string) => {
    const rest = all.slice(at + dash.length).split(/[.;!?\n]/)[0] ?? '';
    if (CLAUSE_START.test(next) || CLAUSE.test(rest) || rest.includes(':')) return '; ';
    return rest.includes(',') ? ': ' : ' - ';
  });

export const splitSentences = (text: string): string[] =>
  splitOutsideParens(cutAtDashes(text), SENTENCE_END).map((s) => s.replace(/^["']|["'.,:]+$/g, '').trim());

const LIST_SEPARATOR = /\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|as well as|plus|&)\s+/gi;

// `a title, an author and a price` → three items.
export const splitList = (text: string): string[] => splitOutsideParens(text, LIST_SEPARATOR);

export function stripDeterminers(phrase: string): string {
  const parts = phrase.trim().split(/\s+/);
  while (parts.length > 0 && DETERMINERS.has((parts[0] ?? '').toLowerCase())) parts.shift();
  return parts.join(' ');
}

export const startsWithDeterminer = (phrase: string): boolean =>
  DETERMINERS.has((phrase.trim().split(/\s+/)[0] ?? '').toLowerCase());

const PLAIN = /^[a-z][a-z0-9'-]*(?: [a-z][a-z0-9'-]*)*$/i;

// Letters, digits, hyphens and apostrophes only, and at most `maxWords` words.
export const isPlainPhrase = (phrase: string, maxWords: number): boolean =>
  PLAIN.test(phrase) && phrase.split(' ').length <= maxWords;

// `an Order`, `a User`: a leading "u" sounds like "you" in most names.
export const withArticle = (word: string): string =>
  /^(?:[aeio]|u(?!s|ni))/i.test(word) ? `an ${word}` : `a ${word}`;

// A short excerpt of the request to quote in a question.
export const quote = (text: string): string => `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
