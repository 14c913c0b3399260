import { atom, testAtom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

const serve = (body: string): string =>
  `await serveRoutes(registerRouterTestRoutes, async (url) => {\n${body
    .replace(/^\n/, '')
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n});`;

/** src/http/router.test.ts: parameters, 404, 405, JSON bodies and empty replies. */
export function routerTestFile(): FileTemplate {
  return {
    ...INFRA.routerTest,
    kind: 'test',
    description:
      'Tests of the router: path parameters, unknown paths, wrong methods, JSON bodies, empty replies',
    atoms: [
      atom(
        'function',
        'registerRouterTestRoutes',
        'Routes the router tests call',
        `
/** Routes the router tests call: an echo of the path parameter, an echo of the body and an empty reply. */
export function registerRouterTestRoutes(router: Router): void {
  router.add('GET', '/things/:id', (request) => Promise.resolve({ status: 200, body: { id: routeParam(request, 'id') } }));
  router.add('POST', '/things', (request) => Promise.resolve({ status: 201, body: request.body }));
  router.add('DELETE', '/things/:id', () => Promise.resolve({ status: 204 }));
}`,
      ),
      testAtom(
        'router: passes decoded path parameters to the handler',
        'params',
        serve(`
const response = await callApi(url, 'GET', '/things/a%20b');
equal(response.status, 200);
deepEqual(response.body, { id: 'a b' });`),
      ),
      testAtom(
        'router: ignores the query string and a trailing slash',
        'query',
        serve(`
const response = await callApi(url, 'GET', '/things/7/?expand=all');
equal(response.status, 200);
deepEqual(response.body, { id: '7' });`),
      ),
      testAtom(
        'router: answers 404 with a JSON error for an unknown path',
        'not-found',
        serve(`
const response = await callApi(url, 'GET', '/nothing/here');
equal(response.status, 404);
deepEqual(response.body, { error: 'no route for /nothing/here', details: [] });`),
      ),
      testAtom(
        'router: answers 405 with an Allow header for a wrong method',
        'wrong-method',
        serve(`
const response = await callApi(url, 'PATCH', '/things/7');
equal(response.status, 405);
equal(response.headers.get('allow'), 'GET, DELETE');`),
      ),
      testAtom(
        'router: hands the parsed JSON body to the handler',
        'json-body',
        serve(`
const response = await callApi(url, 'POST', '/things', { name: 'lamp', tags: ['a'] });
equal(response.status, 201);
deepEqual(response.body, { name: 'lamp', tags: ['a'] });`),
      ),
      testAtom(
        'router: answers 400 for malformed JSON',
        'malformed',
        serve(`
const response = await sendRawBody(url, 'POST', '/things', '{"name": ');
equal(response.status, 400);
deepEqual(response.body, { error: 'request body is not valid JSON', details: [] });`),
      ),
      testAtom(
        'router: answers 204 with an empty body',
        'no-content',
        serve(`
const response = await callApi(url, 'DELETE', '/things/7');
equal(response.status, 204);
equal(response.body, undefined);`),
      ),
    ],
  };
}
