import { objectLiteral, str, testAtom } from '../code.js';
import type { AtomTemplate, EntityModel, FieldModel } from '../model.js';
import { literal, sampleValue, updatedValue } from '../samples.js';
import { withServer } from './entity-test-helpers.js';

/** The field the filter and sort tests use: an own field, preferably not unique. */
const queryField = (entity: EntityModel): FieldModel | undefined =>
  entity.fields.find((f) => f.reference === undefined && !f.unique) ??
  entity.fields.find((f) => f.reference === undefined);

/** A second valid body: the query field and every unique field changed, so both records can exist. */
function variantBody(entity: EntityModel, field: FieldModel | undefined): string {
  const changed = entity.fields.filter((f) => f === field || f.unique);
  const valid = `...${entity.names.validBody}()`;
  return objectLiteral(
    [[valid, valid], ...changed.map((f) => [f.name, literal(updatedValue(f))] as const)],
    0,
  );
}

/** How the generated list orders two values (as compareValues does): negative when `a` comes first. */
function order(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}

const twoRecords = (entity: EntityModel, field: FieldModel | undefined): string =>
  `const first = await createRecord(url, ${str(entity.path)}, ${entity.names.validBody}());
const second = await createRecord(url, ${str(entity.path)}, ${variantBody(entity, field)});`;

const queryPath = (entity: EntityModel, query: string): string => str(`${entity.path}?${query}`);

function filterTests(entity: EntityModel, field: FieldModel | undefined): AtomTemplate[] {
  const tests: AtomTemplate[] = [];
  if (field !== undefined) {
    const query = `${field.name}=${encodeURIComponent(String(updatedValue(field)))}`;
    tests.push(
      testAtom(
        `GET ${entity.path} filters by ${field.name}`,
        'filter',
        withServer(
          entity,
          `
${twoRecords(entity, field)}
const ids = pageIds((await callApi(url, 'GET', ${queryPath(entity, query)})).body);
ok(ids.includes(second) && !ids.includes(first), \`filtered to \${ids.join(', ')}\`);`,
        ),
      ),
    );
  }
  const reference = entity.fields.find((f) => f.reference !== undefined && !f.reference.self);
  if (reference?.reference !== undefined) {
    const { seedId, entity: target } = reference.reference;
    tests.push(
      testAtom(
        `GET ${entity.path} filters by ${reference.name}`,
        'filter-reference',
        withServer(
          entity,
          `
const id = await createRecord(url, ${str(entity.path)}, ${entity.names.validBody}());
const matching = pageItems((await callApi(url, 'GET', ${queryPath(entity, `${reference.name}=${seedId}`)})).body);
ok(matching.some((item) => item.id === id) && matching.every((item) => item.${reference.name} === ${str(seedId)}));
const none = await callApi(url, 'GET', ${queryPath(entity, `${reference.name}=no-such-${target.toLowerCase()}`)});
deepEqual(pageItems(none.body), []);`,
        ),
      ),
    );
  }
  return tests;
}

function sortTest(entity: EntityModel, field: FieldModel): AtomTemplate {
  const ascending = order(sampleValue(field), updatedValue(field)) <= 0 ? 'first, second' : 'second, first';
  const ids = (query: string): string =>
    `pageIds((await callApi(url, 'GET', ${queryPath(entity, query)})).body).filter((id) => id === first || id === second)`;
  return testAtom(
    `GET ${entity.path} sorts by ${field.name}, both ways`,
    'sort',
    withServer(
      entity,
      `
${twoRecords(entity, field)}
deepEqual(${ids(`sort=${field.name}`)}, [${ascending}]);
deepEqual(${ids(`sort=-${field.name}`)}, [${ascending}].reverse());`,
    ),
  );
}

function pagingTest(entity: EntityModel, field: FieldModel | undefined): AtomTemplate {
  return testAtom(
    `GET ${entity.path} pages with limit and offset, and counts the total`,
    'paging',
    withServer(
      entity,
      `
${twoRecords(entity, field)}
const all = pageIds((await callApi(url, 'GET', ${str(entity.path)})).body);
ok(all.includes(first) && all.includes(second));
const response = await callApi(url, 'GET', ${queryPath(entity, 'limit=1&offset=1')});
deepEqual({ ...expectRecord(response.body), items: pageIds(response.body) }, { items: [all[1]], total: all.length, limit: 1, offset: 1 });
deepEqual(pageItems((await callApi(url, 'GET', \`${entity.path}?offset=\${String(all.length)}\`)).body), []);`,
    ),
  );
}

function refusedQueryTest(entity: EntityModel, unknown: string): AtomTemplate {
  return testAtom(
    `GET ${entity.path} refuses a bad limit, an unknown sort field and an unknown filter`,
    'query-400',
    withServer(
      entity,
      `
const response = await callApi(url, 'GET', ${queryPath(entity, `limit=0&sort=${unknown}&${unknown}=1`)});
equal(response.status, 400);
deepEqual(issueFields(response.body), ['limit', 'sort', ${str(unknown)}]);`,
    ),
  );
}

/** Tests of the list query: filters on a field and on a reference, sorting, paging and refusals. */
export function queryTests(entity: EntityModel, unknown: string): AtomTemplate[] {
  const field = queryField(entity);
  return [
    ...filterTests(entity, field),
    ...(field === undefined ? [] : [sortTest(entity, field)]),
    pagingTest(entity, field),
    refusedQueryTest(entity, unknown),
  ];
}
