import { expect } from '@jest/globals';
import type { DiscoveryDocument, Entity, EntityField } from '@mge/contracts';
import { collectionName } from '@mge/contracts';

type Json = Record<string, unknown>;

/** A valid value of a field; references take the id of a record created before. */
function validValue(field: EntityField, ids: ReadonlyMap<string, string>, n: number): unknown {
  switch (field.type) {
    case 'string':
      return `${field.name} ${n}`;
    case 'number':
      return 12.5 + n;
    case 'integer':
      return 3 + n;
    case 'boolean':
      return n % 2 === 0;
    case 'date':
      return '2026-12-24';
    case 'email':
      return `person${n}@example.com`;
    case 'reference':
      return ids.get(field.references!);
  }
}

/** A value of the wrong type for a field. */
const wrongValue = (field: EntityField): unknown =>
  field.type === 'string' || field.type === 'email' || field.type === 'date' || field.type === 'reference'
    ? 42
    : 'not a number';

const body = (entity: Entity, ids: ReadonlyMap<string, string>, n: number): Json =>
  Object.fromEntries(entity.fields.map((f) => [f.name, validValue(f, ids, n)]));

async function call(
  url: string,
  method: string,
  payload?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Entities in an order where every referenced entity comes first. */
function referenceOrder(doc: DiscoveryDocument): Entity[] {
  const done: Entity[] = [];
  const pending = [...doc.entities];
  while (pending.length > 0) {
    const index = pending.findIndex((e) =>
      e.fields.every((f) => f.references === undefined || done.some((d) => d.name === f.references)),
    );
    done.push(...pending.splice(Math.max(index, 0), 1));
  }
  return done;
}

/**
 * A CRUD round trip on every collection of a generated server: create, list, get, patch, delete,
 * plus 400 for a wrong type, 400 for a missing reference, 400 for an unknown field, and 404s.
 */
export async function crudRoundTrip(base: string, doc: DiscoveryDocument): Promise<void> {
  const ids = new Map<string, string>();
  for (const entity of referenceOrder(doc)) {
    const url = `${base}/${collectionName(entity.name)}`;
    const created = await call(url, 'POST', body(entity, ids, 1));
    expect({ entity: entity.name, status: created.status }).toEqual({ entity: entity.name, status: 201 });
    const record = created.json as Json;
    expect(typeof record['id']).toBe('string');
    const id = record['id'] as string;
    ids.set(entity.name, id);
    expect((await call(url, 'GET')).json).toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
    expect(await call(`${url}/${id}`, 'GET')).toMatchObject({ status: 200, json: { id } });
    const changed = body(entity, ids, 2);
    const patchField = entity.fields.find((f) => f.type !== 'reference')!;
    expect(
      await call(`${url}/${id}`, 'PATCH', { [patchField.name]: changed[patchField.name] }),
    ).toMatchObject({
      status: 200,
      json: { id, [patchField.name]: changed[patchField.name] },
    });
    for (const field of entity.fields) {
      const wrong = await call(url, 'POST', { ...body(entity, ids, 3), [field.name]: wrongValue(field) });
      expect({ field: field.name, status: wrong.status }).toEqual({ field: field.name, status: 400 });
      expect(JSON.stringify(wrong.json)).toContain(field.name);
    }
    for (const field of entity.fields.filter((f) => f.type === 'reference')) {
      const missing = await call(url, 'POST', { ...body(entity, ids, 4), [field.name]: 'no-such-id' });
      expect({ field: field.name, status: missing.status }).toEqual({ field: field.name, status: 400 });
    }
    expect((await call(url, 'POST', { ...body(entity, ids, 5), notAField: 1 })).status).toBe(400);
    expect((await call(`${url}/no-such-id`, 'GET')).status).toBe(404);
    expect((await call(`${url}/no-such-id`, 'PATCH', {})).status).toBe(404);
    expect((await call(`${url}/no-such-id`, 'DELETE')).status).toBe(404);
  }
  for (const entity of referenceOrder(doc).reverse()) {
    const url = `${base}/${collectionName(entity.name)}/${ids.get(entity.name)!}`;
    expect((await call(url, 'DELETE')).status).toBe(204);
    expect((await call(url, 'GET')).status).toBe(404);
  }
  expect((await call(`${base}/no-such-collection`, 'GET')).status).toBe(404);
}
