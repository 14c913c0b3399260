import { atom, objectLiteral, str, testAtom } from '../code.js';
import { INTEGRATION } from '../layout.js';
import type { EntityModel, FileTemplate } from '../model.js';
import { literal, sampleValue } from '../samples.js';

/** The entities that can be created one after another through the API: required references name earlier ones. */
export function creationChain(entities: readonly EntityModel[]): EntityModel[] {
  const created = new Set<string>();
  const chain: EntityModel[] = [];
  for (const entity of entities) {
    const blocked = entity.fields.some(
      (f) => f.required && f.reference !== undefined && !created.has(f.reference.entity),
    );
    if (blocked) continue;
    created.add(entity.name);
    chain.push(entity);
  }
  return chain;
}

/** The lines of `createSampleRecords`: one POST per entity of the chain, keeping the ids others name. */
function creationLines(chain: readonly EntityModel[]): string[] {
  const referencedLater = (index: number): boolean =>
    chain.slice(index + 1).some((e) => e.fields.some((f) => f.reference?.entity === chain[index]!.name));
  return chain.map((entity, index) => {
    const earlier = new Map(chain.slice(0, index).map((e) => [e.name, e.idVariable]));
    const entries = entity.fields.flatMap((f): (readonly [string, string])[] => {
      if (f.reference === undefined) return [[f.name, literal(sampleValue(f))]];
      const variable = earlier.get(f.reference.entity);
      return variable === undefined ? [] : [[f.name, variable]];
    });
    const call = `createRecord(url, ${str(entity.path)}, ${objectLiteral(entries, 1, 80)})`;
    return referencedLater(index) ? `  const ${entity.idVariable} = await ${call};` : `  await ${call};`;
  });
}

/** src/app.test.ts: the whole app: every collection, errors, cross-collection records, persistence. */
export function appTestFile(entities: readonly EntityModel[]): FileTemplate {
  const chain = creationChain(entities);
  const paths = `[${entities.map((e) => str(e.path)).join(', ')}]`;
  const first = str(entities[0]!.path);
  return {
    ...INTEGRATION.appTest,
    kind: 'test',
    description: 'Tests of the whole app: routes of every collection, errors, linked records and DATA_FILE',
    atoms: [
      atom(
        'function',
        'withApp',
        'Runs a test against the whole app',
        `
/** Runs \`run\` against the whole app (in memory, or on \`dataFile\`), then stops it. */
export async function withApp<T>(dataFile: string | undefined, run: (url: string) => Promise<T>): Promise<T> {
  const app = await startApp({ host: '127.0.0.1', port: 0, dataFile });
  try {
    return await run(app.url);
  } finally {
    await app.close();
  }
}`,
      ),
      atom(
        'function',
        'createSampleRecords',
        'Creates a record in each collection',
        `
/** Creates a record in each collection it can, references naming the records made before; returns the paths. */
export async function createSampleRecords(url: string): Promise<string[]> {
${creationLines(chain).join('\n')}
  return [${chain.map((e) => str(e.path)).join(', ')}];
}`,
      ),
      testAtom(
        'app: every collection starts empty',
        'empty',
        `
await withApp(undefined, async (url) => {
  for (const path of ${paths}) {
    const response = await callApi(url, 'GET', path);
    equal(response.status, 200, path);
    deepEqual(response.body, { items: [], total: 0, limit: 20, offset: 0 }, path);
  }
});`,
      ),
      testAtom(
        'app: answers 404 for an unknown route',
        'not-found',
        `
await withApp(undefined, async (url) => {
  const response = await callApi(url, 'GET', '/no-such-collection');
  equal(response.status, 404);
  equal(typeof expectRecord(response.body).error, 'string');
});`,
      ),
      testAtom(
        'app: answers 400 for malformed JSON',
        'malformed',
        `
await withApp(undefined, async (url) => {
  const response = await sendRawBody(url, 'POST', ${first}, '{"broken": ');
  equal(response.status, 400);
  deepEqual(response.body, { error: 'request body is not valid JSON', details: [] });
});`,
      ),
      testAtom(
        'app: answers 405 with Allow for a wrong method',
        'wrong-method',
        `
await withApp(undefined, async (url) => {
  const response = await callApi(url, 'PUT', ${first}, {});
  equal(response.status, 405);
  equal(response.headers.get('allow'), 'POST, GET');
});`,
      ),
      testAtom(
        'app: links records across collections',
        'linked',
        `
await withApp(undefined, async (url) => {
  for (const path of await createSampleRecords(url)) {
    equal(pageItems((await callApi(url, 'GET', path)).body).length, 1, path);
  }
});`,
      ),
      testAtom(
        'app: DATA_FILE keeps records across restarts',
        'persistence',
        `
const data = newTestDataFile('app');
try {
  const paths = await withApp(data.file, (url) => createSampleRecords(url));${chain.length > 0 ? '\n  ok(paths.length > 0);' : ''}
  await withApp(data.file, async (url) => {
    for (const path of paths) equal(pageItems((await callApi(url, 'GET', path)).body).length, 1, path);
  });
} finally {
  await data.remove();
}`,
      ),
    ],
  };
}
