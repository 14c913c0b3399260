import type { DiscoveryDocument } from '@mge/contracts';
import { buildBlueprint, type Blueprint } from './blueprint.js';

const MAX_KEYED = 32;
const byObject = new WeakMap<DiscoveryDocument, Blueprint>();
const byContent = new Map<string, Blueprint>();

/**
 * The blueprint of a document, built once: by identity for the same object, by content for an
 * equal document parsed again (the most recent few are kept).
 */
export function blueprintOf(doc: DiscoveryDocument): Blueprint {
  const known = byObject.get(doc);
  if (known !== undefined) return known;
  const key = JSON.stringify(doc);
  let blueprint = byContent.get(key);
  if (blueprint === undefined) {
    blueprint = buildBlueprint(doc);
    if (byContent.size >= MAX_KEYED) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, blueprint);
  }
  byObject.set(doc, blueprint);
  return blueprint;
}
