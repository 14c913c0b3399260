import type { FieldType } from '@mge/contracts';

// Type hints as written in a request: "(number)", "of type integer", "as a date".
const HINTS: Readonly<Record<string, FieldType>> = {
  number: 'number',
  numeric: 'number',
  decimal: 'number',
  float: 'number',
  double: 'number',
  money: 'number',
  currency: 'number',
  real: 'number',
  integer: 'integer',
  int: 'integer',
  'whole number': 'integer',
  count: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  flag: 'boolean',
  'yes/no': 'boolean',
  'true/false': 'boolean',
  date: 'date',
  datetime: 'date',
  'date-time': 'date',
  'date time': 'date',
  timestamp: 'date',
  email: 'email',
  'email address': 'email',
  text: 'string',
  string: 'string',
  str: 'string',
  varchar: 'string',
};

// The type a hint names ("an integer" → integer), or undefined.
export function typeOfHint(hint: string): FieldType | undefined {
  const key = hint
    .toLowerCase()
    .trim()
    .replace(/^(?:an?|type)\s+/, '');
  if (Object.hasOwn(HINTS, key)) return HINTS[key];
  const options = key.split(/\s*(?:\/|\bor\b)\s*/).filter((o) => o.length > 0);
  const types = new Set(options.map((o) => (Object.hasOwn(HINTS, o) ? HINTS[o] : undefined)));
  const [only] = types;
  return types.size === 1 ? only : undefined;
}

const NUMBER_WORDS = new Set(
  'price amount cost total salary rate balance fee fees tax discount weight height width length depth budget revenue score latitude longitude lat lng percentage percent distance temperature wage subtotal income value premium reading allocation ph abv ibu mrr arr adr og fg size volume litres liters millilitres kilos kilograms grams kilometres kilometers miles metres meters'.split(
    ' ',
  ),
);
const INTEGER_WORDS = new Set(
  'stock quantity qty count year age pages rating capacity seats level rank servings credits points votes likes views floor minutes hours days duration vintage goals assists rebounds steps reps calories bedrooms bathrooms beds docks stars'.split(
    ' ',
  ),
);
const DATE_WORDS = new Set('date deadline due birthday birthdate dob timestamp expiry'.split(' '));
const BOOLEAN_WORDS = new Set(
  'flag done active available completed complete published enabled disabled verified archived deleted paid approved visible hidden public private featured pinned locked confirmed cancelled canceled returned resolved closed shipped delivered blocked banned starred subscribed read'.split(
    ' ',
  ),
);
const DURATION_WORDS = new Set(
  'cooking prep preparation travel run running wait waiting response lead cycle play screen down up'.split(
    ' ',
  ),
);
const BOOLEAN_PREFIXES = new Set(['is', 'has', 'can', 'should', 'allow', 'allows', 'was', 'needs']);

// The type a field's name suggests (`dueDate` → date), or undefined when it suggests none.
export function typeOfName(nameWords: readonly string[]): FieldType | undefined {
  const per = nameWords.indexOf('per');
  if (per > 0) return typeOfName(nameWords.slice(0, per)); // `price per night` is a price
  const first = nameWords[0] ?? '';
  const last = nameWords[nameWords.length - 1] ?? '';
  const several = nameWords.length > 1;
  if (several && BOOLEAN_PREFIXES.has(first)) return 'boolean';
  if (BOOLEAN_WORDS.has(last)) return 'boolean';
  if ((several && (last === 'at' || last === 'on')) || DATE_WORDS.has(last)) return 'date';
  if (several && (first === 'date' || last === 'from' || last === 'until' || last === 'since')) return 'date';
  if (several && first === 'last' && /ed$/.test(last)) return 'date'; // `last watered`
  if (several && (first === 'year' || first === 'quantity' || first === 'number')) return 'integer';
  if (several && (first === 'percent' || first === 'percentage')) return 'number';
  // `start time`, `scheduled time`: a moment; `cooking time`, `run time`: a duration.
  if (several && last === 'time' && !DURATION_WORDS.has(first)) return 'date';
  if (NUMBER_WORDS.has(last)) return 'number';
  if (INTEGER_WORDS.has(last) || (first === 'number' && nameWords[1] === 'of')) return 'integer';
  if (nameWords.includes('email')) return 'email';
  if (last === 'number') return 'string';
  return undefined;
}
