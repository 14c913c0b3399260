import { objectLiteral, str, testAtom } from '../code.js';
import type { AtomTemplate, EntityModel, ReferrerModel } from '../model.js';
import { literal, sampleValue, updatedValue } from '../samples.js';
import { seededRepository, withServer } from './entity-test-helpers.js';

const refusedLines = (referrer: ReferrerModel): string =>
  `equal(response.status, 409);
deepEqual(issueFields(response.body), [${str(`${referrer.collection}.${referrer.field}`)}]);`;

/** A child naming a parent of its own kind through the API: deleting the parent is refused, or takes the child. */
function selfReferenceTest(entity: EntityModel, referrer: ReferrerModel): string {
  const { path, names } = entity;
  const changed = entity.fields
    .filter((f) => f.unique)
    .map((f) => [f.name, literal(updatedValue(f))] as const);
  const child = objectLiteral(
    [[`...${names.validBody}()`, `...${names.validBody}()`], ...changed, [referrer.field, 'parent']],
    0,
  );
  return withServer(
    entity,
    `
const parent = await createRecord(url, ${str(path)}, ${names.validBody}());
const kept = await createRecord(url, ${str(path)}, ${child});
const response = await callApi(url, 'DELETE', \`${path}/\${parent}\`);
${
  referrer.cascade
    ? `equal(response.status, 204);
equal((await callApi(url, 'GET', \`${path}/\${kept}\`)).status, 404);`
    : `${refusedLines(referrer)}
equal((await callApi(url, 'GET', \`${path}/\${parent}\`)).status, 200);
equal((await callApi(url, 'GET', \`${path}/\${kept}\`)).status, 200);`
}`,
  );
}

/**
 * A record of another collection naming the entity: the routes see that collection through their deps.
 * When they also reference it with its full type, the record is a whole one of that type.
 */
function otherReferenceTest(
  entity: EntityModel,
  referrer: ReferrerModel,
  entities: ReadonlyMap<string, EntityModel>,
): string {
  const { path, names } = entity;
  // A collection the entity also references holds the seeded record its valid body names.
  const referenced = entity.references.find((r) => r.depsKey === referrer.depsKey);
  const typed = referenced?.modelFile === undefined ? undefined : referenced;
  const fields = typed === undefined ? [] : (entities.get(referrer.entity)?.fields ?? []);
  const repository =
    referenced === undefined
      ? 'createMemoryRepository<Identified>()'
      : seededRepository(referenced, entities);
  const record = objectLiteral(
    [
      ['id', str('referrer')],
      ...fields
        .filter((f) => f.name !== referrer.field)
        .map((f) => [f.name, literal(sampleValue(f))] as const),
      [referrer.field, 'id'],
    ],
    1,
  );
  return `
const referrers = ${repository};
const deps = { ...${names.testDeps}(), ${referrer.depsKey}: referrers };
await serveRoutes((router) => {
  ${names.register}(router, deps);
}, async (url) => {
  const id = await createRecord(url, ${str(path)}, ${names.validBody}());
  const referrer = ${record};
  await referrers.create(referrer);
  const response = await callApi(url, 'DELETE', \`${path}/\${id}\`);
${
  referrer.cascade
    ? `  equal(response.status, 204);
  equal(await referrers.get('referrer'), undefined);`
    : `  ${refusedLines(referrer).replace('\n', '\n  ')}
  equal((await callApi(url, 'GET', \`${path}/\${id}\`)).status, 200);`
}
});`;
}

/**
 * For an entity that references name: deleting a record one names is refused with 409, or, where the
 * reference cascades, deletes the naming records too. One test of each kind the entity has.
 */
export function referencedDeleteTests(
  entity: EntityModel,
  entities: ReadonlyMap<string, EntityModel>,
): AtomTemplate[] {
  const kinds = [entity.referrers.find((r) => !r.cascade), entity.referrers.find((r) => r.cascade)];
  return kinds.flatMap((referrer) => {
    if (referrer === undefined) return [];
    const named = `${referrer.collection}.${referrer.field}`;
    const body = referrer.self
      ? selfReferenceTest(entity, referrer)
      : otherReferenceTest(entity, referrer, entities);
    const name = referrer.cascade
      ? `DELETE ${entity.path}/:id also deletes the records whose ${named} names it`
      : `DELETE ${entity.path}/:id refuses while ${named} names it`;
    return [testAtom(name, referrer.cascade ? 'delete-cascade' : 'delete-409', body)];
  });
}
