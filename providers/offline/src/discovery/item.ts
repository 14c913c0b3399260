import { words as splitWords } from '@mge/contracts';
import { typeOfHint } from './field-types.js';
import { isPlainPhrase, splitList, stripDeterminers } from './text.js';

// One item of a field list, taken apart: `an optional due date (date)`.
export interface ParsedItem {
  readonly words: readonly string[];
  readonly hints: readonly string[];
  readonly optional: boolean;
  readonly required: boolean;
  readonly many: boolean;
  readonly bare: boolean;
  readonly flag: boolean;
  readonly unique: boolean;
  /** The values of an enum: `(low, medium, high)`, `(todo/doing/done)`. */
  readonly values: string[] | undefined;
}

const MANY =
  /^(?:(?:a|an)\s+)?(?:many|several|multiple|lots of|a lot of|zero or more|one or more|more than one|list of|set of)\s+/i;
const TYPE_SUFFIX =
  /\s+(?:of\s+type|as(?:\s+an?)?)\s+([a-z][a-z/ -]*)$|\s*:\s*([a-z][a-z/ -]*)$|\s+(yes\/no|true\/false|y\/n)$/i;
const LEADING = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'my',
  'our',
  'your',
  'one',
  'optional',
  'required',
  'just',
  'only',
  'any',
  'some',
]);
const MODIFIERS = new Set(['optional', 'optionally', 'required', 'mandatory', 'nullable', 'unique']);
const FILLERS = new Set(['field', 'column', 'attribute', 'property']);
// Words that start a clause of their own, so the item is not one field name.
const CLAUSE_WORDS = new Set([
  'with',
  'that',
  'which',
  'who',
  'where',
  'have',
  'to',
  'by',
  'are',
  'and',
  'or',
]);
const WORD = /^[a-z][a-z0-9]*$|^[0-9][a-z0-9]*$/;
const isNameWord = (word: string, i: number): boolean =>
  WORD.test(word) && !CLAUSE_WORDS.has(word) && !(i > 0 && (word === 'is' || word === 'has'));

function takeHints(item: string): { rest: string; hints: string[] } {
  const hints = [...item.matchAll(/\(([^()]*)\)?/g)].flatMap((m) => (m[1] ?? '').split(/\s*[,;]\s*/));
  let rest = item.replace(/\([^()]*\)?/g, ' ').replace(/[()]/g, ' ');
  const suffix = TYPE_SUFFIX.exec(rest);
  const named = suffix?.[1] ?? suffix?.[2] ?? suffix?.[3];
  if (suffix !== null && named !== undefined && typeOfHint(named) !== undefined) {
    hints.push(named);
    rest = rest.slice(0, suffix.index);
  }
  return { rest: rest.trim(), hints: hints.map((h) => h.trim()).filter((h) => h.length > 0) };
}

function modifiersOf(
  words: readonly string[],
  hints: readonly string[],
): { optional: boolean; required: boolean } {
  const all = [...words, ...hints.map((h) => h.toLowerCase())];
  const optional = all.some(
    (w) => w === 'optional' || w === 'optionally' || w === 'nullable' || w === 'not required',
  );
  const required = !optional && all.some((w) => w === 'required' || w === 'mandatory');
  return { optional, required };
}

// Name words without articles, modifiers, fillers and a trailing "flag".
function nameWords(words: readonly string[]): { name: string[]; flag: boolean } {
  let name = words.filter((w, i) => !MODIFIERS.has(w) && !(i === 0 && LEADING.has(w)));
  while (name.length > 1 && LEADING.has(name[0] ?? '')) name = name.slice(1);
  if (name.length > 1 && FILLERS.has(name[name.length - 1] ?? '')) name = name.slice(0, -1);
  if (name.length > 1 && name[name.length - 1] === 'address' && name[name.length - 2] === 'email')
    name = name.slice(0, -1);
  const flag = name.length > 1 && name[name.length - 1] === 'flag';
  return { name: flag ? name.slice(0, -1) : name, flag };
}

const VALUE = /^[a-z0-9][a-z0-9 '&+-]*$/i;

/** Whether a word or phrase can be an enum's value: plain characters, up to three words. */
export const isEnumValue = (value: string): boolean => VALUE.test(value) && value.split(' ').length <= 3;

// Hints that list an enum's values rather than a type: two or more plain words or phrases.
function enumValues(hints: readonly string[]): string[] | undefined {
  const spread = hints
    .map((h) => h.replace(/^(?:one\s+of|either|values?)\s*:?\s*/i, ''))
    .flatMap((h) => h.split(/\s*(?:\/|\|)\s*|\s+or\s+/i))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0);
  if (spread.length < 2 || new Set(spread).size !== spread.length) return undefined;
  if (hints.length === 1 && typeOfHint(hints[0] ?? '') !== undefined) return undefined; // `yes/no` is a type
  const plain = spread.every((v) => isEnumValue(v) && typeOfHint(v) === undefined);
  return plain ? spread : undefined;
}

const UNIT =
  /\s+(?:in|as)\s+(?:kg|kgs|kilos?|kilograms?|grams?|g|litres?|liters?|l|ml|millilitres?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|hectares?|acres?|metres?|meters?|m|cm|mm|km|miles?|gb|mb|tb|pounds?|lbs?|euros?|dollars?|gbp|usd|eur|percent|%|seconds?|secs?|pence|cents?|pixels?|px|celsius|degrees?|bytes?|kb|mph|km\/h|inches|feet|ft|stars?|points?)$/i;
// What follows the name and only qualifies it: `between 0 and 100`, `out of ten`, `afterwards`.
const QUALIFIER =
  /(?:\s+(?:(?:between|from|out\s+of)\s+\S.*|afterwards|if\s+any|if\s+known|(?:like|e\.?g\.?|such\s+as)\s+\S.*|for\s+(?:the|a|an|each|every)\s+[a-z]+)|(?<=s)\s+(?:attached|included))$/i;
const WHETHER =
  /^whether\s+(?:(?:it|they|he|she)\s+(?:is|are|was|were|has|have|had|got|gets|get)\s+(?:been\s+)?|(?:it|they)\s+)?(?:on\s+|in\s+)?/i;
// `whether the deposit is paid` → `deposit paid`.
const WHETHER_THE =
  /^whether\s+(?:the|its|their)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+/i;
// `has an amount` inside a list: the field is the amount.
const HAS = /^(?:has|have|having)\s+(?=(?:an?|the|its|their)\s)/i;

// Undefined when the item does not read as a field name of up to four words.
export function parseItem(raw: string): ParsedItem | undefined {
  const whether = WHETHER.test(raw.trim()) && /^whether\b/i.test(raw.trim());
  const item = raw.trim().replace(WHETHER_THE, '$1 ').replace(WHETHER, '').replace(HAS, '');
  const said = takeHints(item);
  // `a score from 1 to 5`, `out of 10`: a whole number in a range.
  const ranged = /\b(?:from\s+\d+\s+to\s+\d+|out\s+of\s+\d+)\b/i.test(said.rest) && said.hints.length === 0;
  const taken = ranged ? { ...said, hints: ['integer'] } : said;
  // `whether it is featured on the homepage` → `featured`.
  const spoken = whether
    ? taken.rest.replace(/\s+(?:on|in|at|for|to|by|with|from|during)\s+.*$/i, '')
    : taken.rest;
  const rest = spoken.replace(UNIT, '').replace(QUALIFIER, '');
  const unique = /\bunique\b/i.test(item);
  const modifiers = taken.hints.filter((h) => !/^unique$/i.test(h));
  const values = enumValues(modifiers.filter((h) => !isModifier(h)));
  const hints = values === undefined ? modifiers : modifiers.filter((h) => isModifier(h));
  const many = MANY.test(rest);
  const text = rest.replace(MANY, '').replace(/'s\b/gi, '').replace(/'/g, '');
  if (!/^[A-Za-z0-9 -]*$/.test(text)) return undefined;
  const words = splitWords(text);
  // `a posted-at timestamp`: the name already says it is a moment.
  const stamped = /\b(?:at|on)\s+(?:timestamp|date|time)$/i.test(text) ? words.slice(0, -1) : words;
  const named = nameWords(stamped);
  // `mandatory yes/no`: a flag named by what would otherwise modify it.
  const lone =
    named.name.length === 0 && words.length === 1 && hints.some((h) => typeOfHint(h) === 'boolean');
  const { name, flag } = lone ? { name: [...words], flag: false } : named;
  if (name.length === 0 || name.length > 4 || !name.every(isNameWord)) return undefined;
  if (/^[0-9]/.test(name[0] ?? '')) return undefined;
  const bare = !LEADING.has(words[0] ?? '') && !many;
  return {
    words: name,
    hints: hints.filter((h) => !isModifier(h)),
    ...modifiersOf(lone ? [] : words, hints),
    many,
    bare,
    flag: flag || whether,
    unique,
    values,
  };
}

const isModifier = (hint: string): boolean =>
  /^(?:optional|required|mandatory|nullable|not required)$/i.test(hint);

const JUST = /^(?:just|only)\s+/i;
const EACH = /\s+(?:each|apiece)$/i;
const NOT_A_FIELD =
  /^(?:string|text|integer|int|number|decimal|float|date|datetime|time|timestamp|boolean|bool|unique|optional|required|mandatory|enum|money|currency|yes|no)$/i;

/** `name, department` or `just a name`: names of fields, not an enum, a type or a unit; undefined otherwise. */
export function fieldNamesIn(content: string): string | undefined {
  const text = content.trim();
  if (/\bor\b|\/|\be\.?g\b|\bsuch\s+as\b|\blike\b|\d/i.test(text)) return undefined;
  const items = splitList(text.replace(JUST, '').replace(EACH, ''));
  if (items.length < (JUST.test(text) ? 1 : 2)) return undefined;
  const plain = items.every((item) => {
    const words = stripDeterminers(item.replace(/^(?:an?\s+)?(?:optional|unique)\s+/i, ''));
    return isPlainPhrase(words, 4) && !NOT_A_FIELD.test(words);
  });
  return plain ? text.replace(JUST, '').replace(EACH, '') : undefined;
}
