import { singularizeWord, toPascalCase, words } from '@mge/contracts';

// Singular nouns that end in "s" and must not lose it; other words in -us or -is are plurals of
// words in -u or -i (`menus`, `skus`, `kpis`, `taxis`).
const ENDS_IN_S = new Set(
  'alias atlas bias canvas gas lens plus chaos news status campus virus bonus census focus corpus bus radius genus thesis basis axis analysis crisis diagnosis hypothesis synopsis tennis chassis iris species series apparatus cactus stimulus syllabus octopus prospectus consensus nexus abacus hiatus fungus onus lotus circus walrus rhombus sinus minus surplus citrus exodus impetus chorus opus terminus stylus oasis emphasis parenthesis ellipsis prognosis metamorphosis trellis mantis premises'.split(
    ' ',
  ),
);

// Plurals the contracts helper gets wrong (courses → cours, archives → archif, movies → movy).
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(kni|wi|li)ves$/, '$1fe'],
  [/(ea|oa|ie)ves$/, '$1f'],
  [/^(val)ves$/, '$1ve'],
  [/lves$/, 'lf'],
  [/ves$/, 've'],
  [/sses$/, 'ss'],
  [/(alias|canvas|atlas|gas|lens|bus|status|campus|virus|bonus|census|focus|bias)es$/, '$1'],
  [/(analy|cri|diagno|the|hypothe|synop|paren)ses$/, '$1sis'],
  [/ses$/, 'se'],
  [/(quiz)zes$/, '$1'],
  [/zzes$/, 'zz'],
  [/zes$/, 'ze'],
  [/^(ca|ni)ches$/, '$1che'],
  [/^([a-z]{2,}(?:i|(?<!o)u))s$/, '$1'],
  [/(her|potat|tomat|ech|vet)oes$/, '$1o'],
  [/(mov|cook|rook|zomb|calor|self|brown|smooth|goal|gen|prair|aunt)ies$/, '$1ie'],
];

// Singular of one lower-case English word.
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  if (ENDS_IN_S.has(lower)) return lower;
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(lower)) return lower.replace(pattern, replacement);
  }
  return singularizeWord(lower);
}

// Whether a lower-case word reads as a plural (`tags`, not `status`).
export const isPluralWord = (word: string): boolean => singularize(word) !== word.toLowerCase();

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
// `a Product entity`, `order records`: the trailing word only says it is an entity.
const KIND_WORDS = new Set([
  'entity',
  'entities',
  'model',
  'models',
  'resource',
  'resources',
  'table',
  'tables',
  'collection',
  'collections',
]);

// Words that never name a kind of record: pronouns, fillers, modals, politeness.
const NOT_NAMES = new Set(
  'i we you he she it they me us them my our your their its this that these those which who whom what whose just also then so basically really actually maybe could would should will can might must shall like thank thanks please hi hello hey okay ok both either neither same other another such some any every each all need want etc always never sometimes often usually'.split(
    ' ',
  ),
);

// `parking sessions` → `ParkingSession`: the entity a plural phrase of up to three lower-case words
// names; undefined for a singular or longer phrase.
export function pluralEntityOf(words: string): string | undefined {
  const parts = words.split(' ');
  if (parts.length > 3 || !isPluralWord(parts[parts.length - 1] ?? '')) return undefined;
  return entityNameOf(words);
}

// `order items` → `OrderItem`; undefined when the phrase cannot name an entity.
export function entityNameOf(phrase: string): string | undefined {
  // `artefact on display`, `bottles in racks`: the record is the head before the preposition.
  const head = phrase
    .replace(/^(?:a\s+)?(?:few|couple\s+of|handful\s+of)\s+/i, '')
    .replace(/^(\S+(?:\s+\S+)?)\s+(?:on|in|at|with|from|by|for)\s+.*$/i, '$1');
  const parts = words(head.replace(/'s\b/gi, ''));
  if (parts.some((p) => NOT_NAMES.has(p))) return undefined;
  if (parts.length > 1 && KIND_WORDS.has(parts[parts.length - 1] ?? '')) parts.pop();
  const last = parts.pop();
  if (last === undefined) return undefined;
  const name = toPascalCase([...parts, singularize(last)].join(' '));
  return PASCAL.test(name) ? name : undefined;
}
