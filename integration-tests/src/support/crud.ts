import { expect } from '@jest/globals';
import type { DiscoveryDocument, Entity, EntityField } from '@mge/contracts';
import { collectionName } from '@mge/contracts';

type Json = Record<string, unknown>;

/** A valid value of a field; references take the id of a record created before. */
function validValue(field: EntityField, ids: ReadonlyMap<string, string>, n: number): unknown {
  if (field.values !== undefined) return field.values[n % field.values.length];
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
      return `2026-12-${String(10 + n).padStart(2, '0')}`;
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

/** The ids on a list answer's page, after checking it is a page. */
function pageIds(json: unknown): string[] {
  const page = json as { items?: Json[]; total?: unknown };
  expect(Array.isArray(page.items) && typeof page.total === 'number').toBe(true);
  return (page.items ?? []).map((item) => item['id'] as string);
}

/** A unique value repeated answers 409 naming the field; a second record with its own values is fine. */
async function checkUnique(url: string, entity: Entity, ids: ReadonlyMap<string, string>): Promise<string> {
  const unique = entity.fields.filter((f) => f.unique === true).map((f) => f.name);
  if (unique.length > 0) {
    const duplicate = await call(url, 'POST', body(entity, ids, 1));
    expect({ entity: entity.name, status: duplicate.status }).toEqual({ entity: entity.name, status: 409 });
    expect((duplicate.json as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(unique);
  }
  const second = await call(url, 'POST', body(entity, ids, 6));
  expect({ entity: entity.name, status: second.status }).toEqual({ entity: entity.name, status: 201 });
  return (second.json as Json)['id'] as string;
}

/** Filters on an own field and on each reference, pages of one, and sorting both ways. */
async function checkListQueries(url: string, entity: Entity, first: Json, second: string): Promise<void> {
  const id = first['id'] as string;
  for (const field of entity.fields) {
    const value = encodeURIComponent(String(first[field.name]));
    const matching = pageIds((await call(`${url}?${field.name}=${value}`, 'GET')).json);
    expect({ field: field.name, found: matching.includes(id) }).toEqual({ field: field.name, found: true });
  }
  const all = (await call(url, 'GET')).json as { total: number };
  expect(all.total).toBe(2);
  const pages = [0, 1].map(async (offset) =>
    pageIds((await call(`${url}?limit=1&offset=${offset}`, 'GET')).json),
  );
  expect(new Set((await Promise.all(pages)).flat())).toEqual(new Set([id, second]));
  const own = entity.fields.find((f) => f.type !== 'reference');
  if (own !== undefined) {
    const up = pageIds((await call(`${url}?sort=${own.name}`, 'GET')).json);
    const down = pageIds((await call(`${url}?sort=-${own.name}`, 'GET')).json);
    expect(down).toEqual([...up].reverse());
  }
  const refused = await call(`${url}?limit=0&notAField=1`, 'GET');
  expect(refused.status).toBe(400);
}

/** Deleting a record that another record's reference names answers 409 naming the reference. */
async function checkReferencedDeletes(
  base: string,
  doc: DiscoveryDocument,
  ids: ReadonlyMap<string, string>,
): Promise<number> {
  let refused = 0;
  for (const entity of doc.entities) {
    const referrers = doc.entities.filter(
      (e) => e.name !== entity.name && e.fields.some((f) => f.references === entity.name),
    );
    if (referrers.length === 0 || !ids.has(entity.name)) continue;
    const answer = await call(`${base}/${collectionName(entity.name)}/${ids.get(entity.name)!}`, 'DELETE');
    expect({ entity: entity.name, status: answer.status }).toEqual({ entity: entity.name, status: 409 });
    refused += 1;
  }
  return refused;
}

/**
 * A CRUD round trip on every collection of a generated server: create, list (filters on every field
 * and reference, pages, sorting), get, patch, delete, plus 400 for a wrong type, a missing reference,
 * an unknown field or a bad query, 409 for a repeated unique value and for deleting a referenced
 * record, and 404s. Resolves with how many referenced deletes were refused.
 */
export async function crudRoundTrip(base: string, doc: DiscoveryDocument): Promise<number> {
  const ids = new Map<string, string>();
  const seconds = new Map<string, string>();
  for (const entity of referenceOrder(doc)) {
    const url = `${base}/${collectionName(entity.name)}`;
    const created = await call(url, 'POST', body(entity, ids, 1));
    expect({ entity: entity.name, status: created.status, json: created.json }).toMatchObject({
      entity: entity.name,
      status: 201,
    });
    const record = created.json as Json;
    expect(typeof record['id']).toBe('string');
    const id = record['id'] as string;
    ids.set(entity.name, id);
    seconds.set(entity.name, await checkUnique(url, entity, ids));
    await checkListQueries(url, entity, record, seconds.get(entity.name)!);
    expect(await call(`${url}/${id}`, 'GET')).toMatchObject({ status: 200, json: { id } });
    const changed = body(entity, ids, 2);
    const patchField = entity.fields.find((f) => f.type !== 'reference') ?? entity.fields[0]!;
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
  const refused = await checkReferencedDeletes(base, doc, ids);
  for (const entity of referenceOrder(doc).reverse()) {
    for (const id of [ids.get(entity.name)!, seconds.get(entity.name)!]) {
      const url = `${base}/${collectionName(entity.name)}/${id}`;
      expect({ entity: entity.name, status: (await call(url, 'DELETE')).status }).toEqual({
        entity: entity.name,
        status: 204,
      });
      expect((await call(url, 'GET')).status).toBe(404);
    }
  }
  expect((await call(`${base}/no-such-collection`, 'GET')).status).toBe(404);
  return refused;
}
