/** Words of a name in any casing: `OrderItem`, `order item`, `order_item`, `dueDate` → lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** `order item` → `OrderItem`. */
export const toPascalCase = (name: string): string => words(name).map(cap).join('');

/** `due date` → `dueDate`. */
export function toCamelCase(name: string): string {
  const [first = '', ...rest] = words(name);
  return first + rest.map(cap).join('');
}

/** `OrderItem` → `order-item`. */
export const toKebabCase = (name: string): string => words(name).join('-');

const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
  datum: 'data',
  criterion: 'criteria',
};
const UNCOUNTABLE = new Set([
  'equipment',
  'information',
  'news',
  'series',
  'species',
  'feedback',
  'inventory',
]);

/** English plural of one lower-case word. */
export function pluralizeWord(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (UNCOUNTABLE.has(word)) return word;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:[^f]fe|[lr]f)$/.test(word)) return word.replace(/fe?$/, 'ves');
  return `${word}s`;
}

/** English singular of one lower-case word (the inverse of `pluralizeWord` for common words). */
export function singularizeWord(word: string): string {
  for (const [one, many] of Object.entries(IRREGULAR)) if (many === word) return one;
  if (UNCOUNTABLE.has(word) || /(ss|us|is)$/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ves)$/.test(word) && !/(moves|curves|valves|gloves)$/.test(word)) return word.replace(/ves$/, 'f');
  if (/(ses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The HTTP collection of an entity: `Book` → `books`, `OrderItem` → `order-items`. */
export function collectionName(entity: string): string {
  const w = words(entity);
  const last = w.pop() ?? '';
  return [...w, pluralizeWord(last)].join('-');
}

/** `OrderItem` → `orderItems` (a variable holding many). */
export function pluralCamel(entity: string): string {
  return toCamelCase(collectionName(entity));
}
