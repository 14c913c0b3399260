import { toKebabCase } from '@mge/contracts';
import { literal, badFormat, updatedValue, wrongTypeValue } from '../samples.js';
import { str, testAtom } from '../code.js';
import type { AtomTemplate, EntityModel, FieldModel } from '../model.js';
import { withServer } from './entity-test-helpers.js';

/** A POST whose body is the valid one changed by `body`, expecting 400 naming `field`. */
function refusedPost(entity: EntityModel, body: string, field: string): string {
  return withServer(
    entity,
    `
const response = await callApi(url, 'POST', ${str(entity.path)}, ${body});
equal(response.status, 400);
deepEqual(issueFields(response.body), [${str(field)}]);`,
  );
}

/** The tests of one field: required, wrong type, format, and for a reference: unknown and existing ids. */
function testsOfField(entity: EntityModel, field: FieldModel): AtomTemplate[] {
  const { path } = entity;
  const valid = `${entity.names.validBody}()`;
  const slug = toKebabCase(field.name);
  const changed = (value: string): string => `{ ...${valid}, ${field.name}: ${value} }`;
  const tests: AtomTemplate[] = [];
  if (field.required) {
    tests.push(
      testAtom(
        `POST ${path} requires ${field.name}`,
        `required-${slug}`,
        refusedPost(entity, `withoutFields(${valid}, [${str(field.name)}])`, field.name),
      ),
    );
  }
  tests.push(
    testAtom(
      `POST ${path} refuses ${field.name} of the wrong type`,
      `type-${slug}`,
      refusedPost(entity, changed(literal(wrongTypeValue(field))), field.name),
    ),
  );
  const format = badFormat(field);
  if (format !== undefined) {
    tests.push(
      testAtom(
        `POST ${path} refuses ${format.what} ${field.name}`,
        `format-${slug}`,
        refusedPost(entity, changed(literal(format.value)), field.name),
      ),
    );
  }
  if (field.unique) tests.push(uniqueTest(entity, field));
  const reference = field.reference;
  if (reference !== undefined) {
    tests.push(
      testAtom(
        `POST ${path} refuses a ${field.name} naming no ${reference.label}`,
        `unknown-${slug}`,
        refusedPost(entity, changed(str(`no-such-${toKebabCase(reference.entity)}`)), field.name),
      ),
      testAtom(
        `POST ${path} accepts a ${field.name} naming an existing ${reference.label}`,
        `existing-${slug}`,
        withServer(
          entity,
          `
const response = await callApi(url, 'POST', ${str(path)}, ${changed(str(reference.seedId))});
equal(response.status, 201);
equal(expectRecord(response.body).${field.name}, ${str(reference.seedId)});`,
        ),
      ),
    );
  }
  return tests;
}

/** A second record repeating a unique field's value (and no other unique value) is refused with 409. */
function uniqueTest(entity: EntityModel, field: FieldModel): AtomTemplate {
  const { path, label } = entity;
  const valid = `${entity.names.validBody}()`;
  const others = entity.fields.filter((f) => f.unique && f !== field);
  const second =
    others.length === 0
      ? valid
      : `{ ...${valid}, ${others.map((f) => `${f.name}: ${literal(updatedValue(f))}`).join(', ')} }`;
  return testAtom(
    `POST ${path} refuses a ${field.name} another ${label} has`,
    `unique-${toKebabCase(field.name)}`,
    withServer(
      entity,
      `
await createRecord(url, ${str(path)}, ${valid});
const response = await callApi(url, 'POST', ${str(path)}, ${second});
equal(response.status, 409);
deepEqual(issueFields(response.body), [${str(field.name)}]);`,
    ),
  );
}

/** The test that a record without its optional fields is accepted, when there are any. */
function optionalTest(entity: EntityModel): AtomTemplate[] {
  const optional = entity.fields.filter((f) => !f.required);
  if (optional.length === 0) return [];
  const names = optional.map((f) => str(f.name)).join(', ');
  const described = optional.map((f) => f.name).join(', ');
  return [
    testAtom(
      `POST ${entity.path} accepts a ${entity.label} without ${described}`,
      'optional',
      withServer(
        entity,
        `
const body = withoutFields(${entity.names.validBody}(), [${names}]);
const response = await callApi(url, 'POST', ${str(entity.path)}, body);
equal(response.status, 201);
deepEqual(response.body, { ...body, id: expectRecord(response.body).id });`,
      ),
    ),
  ];
}

/** Every field rule of an entity, tested through POST. */
export function fieldTests(entity: EntityModel): AtomTemplate[] {
  return [...entity.fields.flatMap((f) => testsOfField(entity, f)), ...optionalTest(entity)];
}
