import type { DiscoveryDocument } from '@mge/contracts';
import { DiscoveryDocument as DiscoverySchema } from '@mge/contracts';

/** Atoms the offline blueprint makes for shared code, and for each entity (measured on the blueprint). */
const BASE_ATOMS = 130;
const ATOMS_PER_ENTITY = 35;
const TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'email'] as const;

const letters = (n: number): string =>
  n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26);

/**
 * A DiscoveryDocument whose project has about `atoms` atoms: as many entities as it takes, each
 * with 1–6 fields of varied types, so the graph has the blueprint's real shape (about 12 levels,
 * uneven widths) at the size asked for.
 */
export function benchDocument(atoms: number): DiscoveryDocument {
  const count = Math.max(1, Math.round((atoms - BASE_ATOMS) / ATOMS_PER_ENTITY));
  const entities = Array.from({ length: count }, (_, i) => ({
    name: `Part${letters(i)}`,
    description: `bench entity ${i + 1}`,
    fields: Array.from({ length: 1 + ((i * 7) % 6) }, (_, j) => ({
      name: `value${letters(j)}`,
      type: TYPES[(i + j) % TYPES.length]!,
      required: j % 2 === 0,
      description: '',
    })),
  }));
  return DiscoverySchema.parse({
    domain: 'bench',
    summary: `A synthetic backend of ${count} entities for the benchmark.`,
    entities,
  });
}
