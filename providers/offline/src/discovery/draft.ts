import { toCamelCase, type FieldType } from '@mge/contracts';
import type { Template } from './templates.js';
import { entityNameOf } from './singular.js';
import { quote } from './text.js';

// How an entity came to be: described with fields, only named in a list, or only referenced.
export const Origin = Object.freeze({
  described: 'described',
  listed: 'listed',
  referenced: 'referenced',
  defaulted: 'defaulted',
} as const);
export type Origin = (typeof Origin)[keyof typeof Origin];

// `A has many B` as read, with the words it came from; both ways round makes a many-to-many relation.
export interface ManyOf {
  readonly owner: string;
  readonly many: string;
  readonly source: string;
}

export interface FieldDraft {
  readonly name: string;
  readonly type: FieldType;
  required: boolean;
  readonly references?: string;
  values?: string[];
  unique?: boolean;
  onDelete?: 'restrict' | 'cascade';
  readonly description: string;
  /** The words of the request the field was read from. */
  readonly source?: string;
}

export interface EntityDraft {
  readonly name: string;
  origin: Origin;
  readonly fields: FieldDraft[];
  /** The words of the request that first named the entity. */
  source?: string;
}

// What has been read so far; the readers add to it; fillDefaults and buildDocument finish it.
export interface Draft {
  domain: string | undefined;
  template: Template | undefined;
  lastSubjects: readonly string[];
  /** The entity a relation last pointed at, which `which` and `who` refer to: `… a reporter, who has a name`. */
  lastTarget: string | undefined;
  readonly known: ReadonlySet<string>;
  readonly entities: Map<string, EntityDraft>;
  readonly assumptions: string[];
  readonly openQuestions: string[];
  /** `A has many B` pairs, so a pair read both ways round becomes many-to-many. */
  readonly many: ManyOf[];
  /** Cascading deletes asked for: deleting a `parent` deletes the `child` records naming it. */
  readonly cascades: { readonly parent: string; readonly child: string; readonly source: string }[];
}

export function createDraft(known: ReadonlySet<string>): Draft {
  return {
    domain: undefined,
    template: undefined,
    lastSubjects: [],
    lastTarget: undefined,
    known,
    entities: new Map(),
    assumptions: [],
    openQuestions: [],
    many: [],
    cascades: [],
  };
}

const RANK: Readonly<Record<Origin, number>> = { referenced: 0, listed: 1, defaulted: 2, described: 3 };

export function ensureEntity(draft: Draft, name: string, origin: Origin, source?: string): EntityDraft {
  const found = draft.entities.get(name);
  if (found !== undefined) {
    if (RANK[origin] > RANK[found.origin]) found.origin = origin;
    if (found.source === undefined && source !== undefined) found.source = source;
    return found;
  }
  const created: EntityDraft = { name, origin, fields: [], ...(source === undefined ? {} : { source }) };
  draft.entities.set(name, created);
  return created;
}

// Adds the field unless the entity has one of that name already; reports whether it did.
export function addField(draft: Draft, entity: string, field: FieldDraft): boolean {
  const target = ensureEntity(draft, entity, Origin.referenced);
  if (target.fields.some((f) => f.name === field.name)) return false;
  target.fields.push(field);
  return true;
}

// `from` gets a `<to>Id` field; `to` is created (to be filled with defaults) when unknown.
export function addReference(
  draft: Draft,
  from: string,
  to: string,
  required: boolean,
  source?: string,
): void {
  ensureEntity(draft, to, Origin.referenced, source);
  draft.lastTarget = to;
  const name = `${toCamelCase(to)}Id`;
  const description = `the ${to} this ${from} belongs to`;
  addField(draft, from, {
    name,
    type: 'reference',
    required,
    references: to,
    description,
    ...(source === undefined ? {} : { source }),
  });
}

export const isEntity = (draft: Draft, name: string): boolean =>
  draft.known.has(name) || draft.entities.has(name);

/**
 * The entity a name means: itself when known, else the one known entity whose name ends with it
 * (`Line` → `TimesheetLine` once timesheet lines were described); the name itself when none or several do.
 */
export function resolveEntity(draft: Draft, name: string): string {
  if (isEntity(draft, name)) return name;
  const described = [
    ...draft.known,
    ...[...draft.entities.values()].filter((e) => e.origin !== Origin.referenced).map((e) => e.name),
  ];
  const ending = (names: readonly string[]): string[] =>
    [...new Set(names)].filter((known) => known.endsWith(name) && known !== name);
  const longer = ending(described);
  if (longer.length === 1) return longer[0] ?? name;
  // `each slot` after `many inventory slots` were only mentioned.
  const mentioned = longer.length === 0 ? ending([...draft.entities.keys()]) : [];
  return mentioned.length === 1 ? (mentioned[0] ?? name) : name;
}

/** The entity a phrase names (`job postings` → `JobPosting`), resolved against those already read. */
export function entityNamed(draft: Draft, phrase: string): string | undefined {
  const name = entityNameOf(phrase.toLowerCase());
  return name === undefined ? undefined : resolveEntity(draft, name);
}

export function assume(draft: Draft, text: string): void {
  if (!draft.assumptions.includes(text)) draft.assumptions.push(text);
}

export function ask(draft: Draft, text: string): void {
  if (!draft.openQuestions.includes(text)) draft.openQuestions.push(text);
}

export function noteUnread(draft: Draft, text: string): void {
  ask(draft, `What does ${quote(text)} mean? It could not be read and was left out.`);
}
