import { addReference, ensureEntity, entityNamed, Origin, type Draft } from './draft.js';
import { pluralEntityOf } from './singular.js';

const THROUGH =
  /^(?:(?:each|every|a|an|the|our)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:(?:can|may|will|usually)\s+)?[a-z]+\s+(?:(?:a|an|the|their|one|many|several)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:through|via|by\s+way\s+of|by\s+making)\s+(?:(?:a|an|the|their)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)$/i;

/**
 * `Customers book vehicles through reservations`: the records in the middle name both sides, so a
 * reservation holds a customer and a vehicle.
 */
export function readThrough(draft: Draft, sentence: string): boolean {
  const [, a, b, c] = THROUGH.exec(sentence.trim()) ?? [];
  if (a === undefined || b === undefined || c === undefined) return false;
  const middle = pluralEntityOf(c.toLowerCase());
  const [from, to] = [entityNamed(draft, a), entityNamed(draft, b)];
  if (middle === undefined || from === undefined || to === undefined) return false;
  if (new Set([middle, from, to]).size !== 3) return false;
  ensureEntity(draft, middle, Origin.described, c);
  addReference(draft, middle, from, true, sentence.trim());
  addReference(draft, middle, to, true, sentence.trim());
  draft.lastSubjects = [middle];
  draft.lastTarget = middle;
  return true;
}
