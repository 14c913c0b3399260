import { toCamelCase } from '@mge/contracts';
import { addField, assume, ensureEntity, isEntity, Origin, type Draft } from './draft.js';
import { entityNameOf } from './singular.js';

/** Records that `owner` has many `many` (the reference `many.<owner>Id` is added by the reader). */
export function noteMany(draft: Draft, owner: string, many: string, source: string): void {
  if (!draft.many.some((m) => m.owner === owner && m.many === many)) draft.many.push({ owner, many, source });
}

/** Records a many-to-many relation both ways round, with no references of its own yet. */
export function noteManyToMany(draft: Draft, a: string, b: string, source: string): void {
  ensureEntity(draft, a, Origin.referenced, source);
  ensureEntity(draft, b, Origin.referenced, source);
  noteMany(draft, a, b, source);
  noteMany(draft, b, a, source);
}

const MARKER = /\bmany[\s-]+to[\s-]+many\b|\bm\s*:\s*n\b|\bn\s*:\s*m\b|\bboth\s+ways\b/i;

/** `Doctors and patients: many to many`, `employees work on projects (many-to-many)`. */
export function readManyToManySentence(draft: Draft, sentence: string): boolean {
  if (!MARKER.test(sentence)) return false;
  const names = sentence
    .replace(MARKER, ' ')
    .split(/[^A-Za-z'-]+/)
    .filter((w) => w.length > 2)
    .map((w) => entityNameOf(w.toLowerCase()))
    .filter((n): n is string => n !== undefined && isEntity(draft, n));
  const [a, b] = [...new Set(names)];
  if (a === undefined || b === undefined) return false;
  noteManyToMany(draft, a, b, sentence);
  return true;
}

const ELLIPSIS =
  /^(?:(?:and|but|while)\s+)?(?:an?|each|every|one|any)\s+([a-z]+)\s+(?:(?:can|may|could)\s+(?:also\s+)?(?:have|be\s+(?:in|on|part\s+of)|belong\s+to|appear\s+(?:in|on))\s+)?(?:(?:many|several|multiple|lots\s+of|any\s+number\s+of)\s+)([a-z]+)(?:\s+too|\s+as\s+well)?$/i;

/** `… and a tag many recipes`: the other half of a many-to-many relation, said of `entity`. */
export function readElidedMany(draft: Draft, entity: string, item: string): boolean {
  const [, one, many] = ELLIPSIS.exec(item.trim()) ?? [];
  const owner = one === undefined ? undefined : entityNameOf(one.toLowerCase());
  const owned = many === undefined ? undefined : entityNameOf(many.toLowerCase());
  if (owner === undefined || owned !== entity || !isEntity(draft, owner)) return false;
  noteMany(draft, owner, entity, item.trim());
  return true;
}

const idOf = (entity: string): string => `${toCamelCase(entity)}Id`;

/**
 * Every pair read both ways round (`A has many B` and `B has many A`) becomes a join entity with a
 * reference to each side, in place of the two references the readers added.
 */
export function joinManyToMany(draft: Draft): void {
  for (const { owner: a, many: b, source } of [...draft.many]) {
    if (a >= b || !draft.many.some((m) => m.owner === b && m.many === a)) continue;
    for (const [holder, target] of [
      [b, a],
      [a, b],
    ] as const) {
      const fields = draft.entities.get(holder)?.fields;
      const at = fields?.findIndex((f) => f.references === target && f.name === idOf(target)) ?? -1;
      if (fields !== undefined && at >= 0) fields.splice(at, 1);
    }
    const join = `${a}${b}`;
    ensureEntity(draft, join, Origin.described, source);
    for (const side of [a, b]) {
      addField(draft, join, {
        name: idOf(side),
        type: 'reference',
        required: true,
        references: side,
        description: `the ${side} of this pair`,
        source,
      });
    }
    assume(draft, `${a} and ${b} are many-to-many: each ${join} links one ${a} to one ${b}`);
  }
}
