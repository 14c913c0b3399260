import type { DiscoveryDocument } from '@mge/contracts';
import type { CorpusEntry } from './corpus.js';

/** What is measured: entity names, field names, typed fields, required-ness, relations, enums, unique fields. */
export const Category = Object.freeze({
  entities: 'entities',
  fields: 'fields',
  types: 'types',
  required: 'required',
  relations: 'relations',
  enums: 'enums',
  unique: 'unique',
} as const);
export type Category = (typeof Category)[keyof typeof Category];
export const CATEGORIES: readonly Category[] = Object.values(Category);

/** True positives, false positives and false negatives of one category. */
export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** How one request was read: counts per category, and what was missed or added. */
export interface EntryScore {
  readonly id: string;
  readonly counts: Readonly<Record<Category, Counts>>;
  readonly missing: Readonly<Record<Category, readonly string[]>>;
  readonly extra: Readonly<Record<Category, readonly string[]>>;
}

type Keys = Readonly<Record<Category, ReadonlySet<string>>>;

const m2mKey = (a: string, b: string): string => [a, b].sort().join('<->');

interface KeyedField {
  readonly entity: string;
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly values?: readonly string[] | undefined;
  readonly unique?: boolean | undefined;
}

// The keys every field-level category is measured by.
function fieldKeys(
  fields: readonly KeyedField[],
): Pick<Keys, 'fields' | 'types' | 'required' | 'enums' | 'unique'> {
  const key = (f: KeyedField): string => `${f.entity}.${f.name}`;
  return {
    fields: new Set(fields.map(key)),
    types: new Set(fields.map((f) => `${key(f)}:${f.type}`)),
    required: new Set(fields.map((f) => `${key(f)}:${f.required ? 'required' : 'optional'}`)),
    enums: new Set(
      fields.flatMap((f) => (f.values === undefined ? [] : [`${key(f)}=${[...f.values].sort().join('|')}`])),
    ),
    unique: new Set(fields.filter((f) => f.unique === true).map(key)),
  };
}

function expectedKeys(entry: CorpusEntry): Keys {
  const fields = entry.entities.flatMap((e) => e.fields.map((f) => ({ ...f, entity: e.name })));
  return {
    entities: new Set(entry.entities.map((e) => e.name)),
    ...fieldKeys(fields),
    relations: new Set(
      entry.relations.map((r) => (r.kind === 'many-to-many' ? m2mKey(r.from, r.to) : `${r.from}->${r.to}`)),
    ),
  };
}

/** An entity as discovery read it. */
export type Entity = DiscoveryDocument['entities'][number];
const targetsOf = (e: Entity): Set<string> =>
  new Set(e.fields.flatMap((f) => (f.references === undefined ? [] : [f.references])));

// An expected many-to-many pair is read when some other entity references both sides: that entity
// is the join, and its two references are the relation rather than two of their own. An entity the
// labels list for itself (a time entry naming a consultant and an engagement) is the join only when
// no other entity is.
function joinsOf(entry: CorpusEntry, entities: readonly Entity[]): Map<string, string> {
  const labelled = new Set(entry.entities.map((e) => e.name));
  const candidates = [...entities].sort(
    (a, b) => Number(labelled.has(a.name)) - Number(labelled.has(b.name)),
  );
  const joins = new Map<string, string>();
  for (const r of entry.relations.filter((x) => x.kind === 'many-to-many')) {
    const join = candidates.find((e) => {
      const targets = targetsOf(e);
      return e.name !== r.from && e.name !== r.to && targets.has(r.from) && targets.has(r.to);
    });
    if (join !== undefined) joins.set(m2mKey(r.from, r.to), join.name);
  }
  return joins;
}

function predictedKeys(entry: CorpusEntry, read: readonly Entity[]): Keys {
  const described = new Map(entry.entities.map((e) => [e.name, e.fields.length > 0]));
  const joins = joinsOf(entry, read);
  const joinNames = new Set([...joins.values()].filter((name) => !described.has(name)));
  const entities = read.filter((e) => !joinNames.has(e.name));
  // Fields of an entity the request gave none are defaults, and not counted.
  const fields = entities
    .filter((e) => described.get(e.name) !== false)
    .flatMap((e) => e.fields.filter((f) => f.type !== 'reference').map((f) => ({ ...f, entity: e.name })));
  const joined = new Set(
    [...joins].flatMap(([pair, join]) => pair.split('<->').map((side) => `${join}->${side}`)),
  );
  const references = read.flatMap((e) =>
    [...targetsOf(e)].map((t) => `${e.name}->${t}`).filter((key) => !joined.has(key)),
  );
  return {
    entities: new Set(entities.map((e) => e.name)),
    ...fieldKeys(fields),
    relations: new Set([...references, ...joins.keys()]),
  };
}

const perCategory = <T>(make: (c: Category) => T): Record<Category, T> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, make(c)])) as Record<Category, T>;

/** Scores the entities read from an entry's request (none when it could not be read) against its labels. */
export function scoreEntry(entry: CorpusEntry, read: readonly Entity[]): EntryScore {
  const expected = expectedKeys(entry);
  const predicted = predictedKeys(entry, read);
  const missing = perCategory((c) => [...expected[c]].filter((k) => !predicted[c].has(k)));
  const extra = perCategory((c) => [...predicted[c]].filter((k) => !expected[c].has(k)));
  const counts = perCategory((c) => ({
    tp: expected[c].size - missing[c].length,
    fp: extra[c].length,
    fn: missing[c].length,
  }));
  return { id: entry.id, counts, missing, extra };
}
