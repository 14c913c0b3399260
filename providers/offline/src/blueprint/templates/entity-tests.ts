import { objectLiteral, str, testAtom } from '../code.js';
import { entityTaskIds } from '../entities.js';
import type { AtomTemplate, EntityModel, FieldModel, FileTemplate } from '../model.js';
import { literal, updatedValue } from '../samples.js';
import { entityTestHelpers, withServer } from './entity-test-helpers.js';
import { fieldTests } from './entity-field-tests.js';
import { queryTests } from './entity-query-tests.js';
import { referencedDeleteTests } from './entity-delete-tests.js';

/** The field a PATCH test changes: the first one that is not a reference (or the first one). */
const patchField = (entity: EntityModel): FieldModel =>
  entity.fields.find((f) => f.reference === undefined) ?? entity.fields[0]!;

/** A name for a field that the entity does not have. */
function unknownFieldName(entity: EntityModel): string {
  const taken = new Set(entity.fields.map((f) => f.name));
  let name = 'notAField';
  while (taken.has(name)) name = `${name}X`;
  return name;
}

/** Tests of the five routes: success and 404 paths. */
function routeTests(entity: EntityModel): AtomTemplate[] {
  const { names, path, label, pluralLabel } = entity;
  const valid = `${names.validBody}()`;
  const patch = patchField(entity);
  const change = objectLiteral([[patch.name, literal(updatedValue(patch))]], 0);
  const seededSelf = entity.fields.some((f) => f.reference?.self === true);
  const listCheck = seededSelf
    ? `ok(pageIds(response.body).includes(id));`
    : `deepEqual(response.body, { items: [{ ...${valid}, id }], total: 1, limit: 20, offset: 0 });`;
  const unknown = str(`${path}/no-such-id`);
  return [
    testAtom(
      `POST ${path} creates a ${label}`,
      'create',
      withServer(
        entity,
        `
const response = await callApi(url, 'POST', ${str(path)}, ${valid});
equal(response.status, 201);
const record = expectRecord(response.body);
equal(typeof record.id, 'string');
deepEqual(record, { ...${valid}, id: record.id });`,
      ),
    ),
    testAtom(
      `GET ${path} lists the ${pluralLabel}`,
      'list',
      withServer(
        entity,
        `
const id = await createRecord(url, ${str(path)}, ${valid});
const response = await callApi(url, 'GET', ${str(path)});
equal(response.status, 200);
${listCheck}`,
      ),
    ),
    testAtom(
      `GET ${path}/:id returns one ${label}`,
      'get',
      withServer(
        entity,
        `
const id = await createRecord(url, ${str(path)}, ${valid});
const response = await callApi(url, 'GET', \`${path}/\${id}\`);
equal(response.status, 200);
deepEqual(response.body, { ...${valid}, id });`,
      ),
    ),
    testAtom(
      `GET ${path}/:id answers 404 for an unknown id`,
      'get-404',
      withServer(
        entity,
        `
const response = await callApi(url, 'GET', ${unknown});
equal(response.status, 404);
equal(typeof expectRecord(response.body).error, 'string');`,
      ),
    ),
    testAtom(
      `PATCH ${path}/:id changes the given fields`,
      'patch',
      withServer(
        entity,
        `
const id = await createRecord(url, ${str(path)}, ${valid});
const response = await callApi(url, 'PATCH', \`${path}/\${id}\`, ${change});
equal(response.status, 200);
deepEqual(response.body, { ...${valid}, ${patch.name}: ${literal(updatedValue(patch))}, id });
deepEqual((await callApi(url, 'GET', \`${path}/\${id}\`)).body, response.body);`,
      ),
    ),
    testAtom(
      `PATCH ${path}/:id checks the fields like POST`,
      'patch-400',
      withServer(
        entity,
        `
const id = await createRecord(url, ${str(path)}, ${valid});
const response = await callApi(url, 'PATCH', \`${path}/\${id}\`, { ${patch.name}: null, id: 'other' });
equal(response.status, 400);
deepEqual(issueFields(response.body), ['id', ${str(patch.name)}]);`,
      ),
    ),
    testAtom(
      `PATCH ${path}/:id answers 404 for an unknown id`,
      'patch-404',
      withServer(
        entity,
        `
const response = await callApi(url, 'PATCH', ${unknown}, ${change});
equal(response.status, 404);`,
      ),
    ),
    testAtom(
      `DELETE ${path}/:id removes the ${label}`,
      'delete',
      withServer(
        entity,
        `
const id = await createRecord(url, ${str(path)}, ${valid});
const response = await callApi(url, 'DELETE', \`${path}/\${id}\`);
equal(response.status, 204);
equal((await callApi(url, 'GET', \`${path}/\${id}\`)).status, 404);`,
      ),
    ),
    testAtom(
      `DELETE ${path}/:id answers 404 for an unknown id`,
      'delete-404',
      withServer(
        entity,
        `
const response = await callApi(url, 'DELETE', ${unknown});
equal(response.status, 404);`,
      ),
    ),
  ];
}

/** Tests of the body as a whole: unknown fields, a client-chosen id, not an object. */
function bodyTests(entity: EntityModel): AtomTemplate[] {
  const { names, path } = entity;
  const unknown = unknownFieldName(entity);
  return [
    testAtom(
      `POST ${path} refuses an unknown field`,
      'unknown-field',
      withServer(
        entity,
        `
const response = await callApi(url, 'POST', ${str(path)}, { ...${names.validBody}(), ${unknown}: true });
equal(response.status, 400);
deepEqual(issueFields(response.body), [${str(unknown)}]);`,
      ),
    ),
    testAtom(
      `POST ${path} refuses an id chosen by the client`,
      'client-id',
      withServer(
        entity,
        `
const response = await callApi(url, 'POST', ${str(path)}, { ...${names.validBody}(), id: 'chosen-by-client' });
equal(response.status, 400);
deepEqual(issueFields(response.body), ['id']);`,
      ),
    ),
    testAtom(
      `POST ${path} refuses a body that is not an object`,
      'not-object',
      withServer(
        entity,
        `
const response = await callApi(url, 'POST', ${str(path)}, [${names.validBody}()]);
equal(response.status, 400);
equal(expectRecord(response.body).error, 'request body must be a JSON object');`,
      ),
    ),
  ];
}

/** src/<collection>/<collection>.test.ts: every route, every field rule and every reference. */
export function entityTestFile(
  entity: EntityModel,
  entities: ReadonlyMap<string, EntityModel>,
): FileTemplate {
  return {
    taskId: entityTaskIds(entity).tests,
    file: entity.testFile,
    kind: 'test',
    description: `Tests of ${entity.path}: every route, every field rule and every reference`,
    atoms: [
      ...entityTestHelpers(entity, entities),
      ...routeTests(entity),
      ...referencedDeleteTests(entity, entities),
      ...queryTests(entity, unknownFieldName(entity)),
      ...bodyTests(entity),
      ...fieldTests(entity),
    ],
  };
}
