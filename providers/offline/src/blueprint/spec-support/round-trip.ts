import type { DiscoveryDocument, Entity, EntityField, MasterPlan } from '@mge/contracts';
import { collectionName } from '@mge/contracts';

/** An answer of the running server. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Calls the running server with fetch, sending JSON when a body is given. */
export async function call(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : {
          method,
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        };
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** A valid value for a field, written independently of the generator's own samples. */
function valueFor(field: EntityField, ids: ReadonlyMap<string, string>): unknown {
  if (field.values !== undefined) return field.values[field.values.length - 1];
  switch (field.type) {
    case 'string':
      return `a ${field.name}`;
    case 'number':
      return 0.5;
    case 'integer':
      return 7;
    case 'boolean':
      return false;
    case 'date':
      return '2031-05-06T07:08:09Z';
    case 'email':
      return 'someone@example.org';
    case 'reference':
      return ids.get(field.references!);
  }
}

/** A valid body, or undefined when a required reference names a collection with no record yet. */
export function bodyFor(
  entity: Entity,
  ids: ReadonlyMap<string, string>,
): Record<string, unknown> | undefined {
  const entries = entity.fields.map((f) => [f.name, valueFor(f, ids)] as const);
  if (
    entries.some(
      ([name, value]) => value === undefined && entity.fields.find((f) => f.name === name)!.required,
    )
  )
    return undefined;
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/** A value of the wrong type for a field. */
export const wrongValue = (field: EntityField): unknown =>
  field.type === 'number' || field.type === 'integer' ? 'seven' : field.type === 'boolean' ? 'no' : 12;

/** The entities in plan order, with their collection paths. */
export function collections(doc: DiscoveryDocument, plan: MasterPlan): { entity: Entity; path: string }[] {
  return plan.phases[1]!.milestones.map((m) => {
    const entity = doc.entities.find((e) => e.name === m.entity)!;
    return { entity, path: `/${collectionName(entity.name)}` };
  });
}

/** The field names listed in an error answer's details. */
export const detailFields = (body: unknown): string[] =>
  ((body as { details?: { field: string }[] }).details ?? []).map((d) => d.field);
