import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/testing/api-client.ts: what the tests use to call a running server. */
export function apiClientFile(): FileTemplate {
  return {
    ...INFRA.apiClient,
    kind: 'source',
    description: 'Test helpers: calling the API with fetch, reading answers, serving routes on a free port',
    atoms: [
      atom(
        'interface',
        'ApiResponse',
        'An answer as the tests see it',
        `
/** An answer as the tests see it: status, headers and the parsed JSON body (undefined when empty). */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}`,
      ),
      atom(
        'function',
        'readResponse',
        'Reads a fetch response',
        `
/** Reads a fetch response into an ApiResponse. */
export async function readResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  return { status: response.status, headers: response.headers, body };
}`,
      ),
      atom(
        'function',
        'callApi',
        'Sends a request with an optional JSON body',
        `
/** Sends a request, with a JSON body when one is given, and reads the answer. */
export async function callApi(baseUrl: string, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return readResponse(await fetch(\`\${baseUrl}\${path}\`, init));
}`,
      ),
      atom(
        'function',
        'sendRawBody',
        'Sends a body exactly as given',
        `
/** Sends a body exactly as given, e.g. malformed JSON. */
export async function sendRawBody(baseUrl: string, method: string, path: string, text: string): Promise<ApiResponse> {
  const headers = { 'content-type': 'application/json' };
  return readResponse(await fetch(\`\${baseUrl}\${path}\`, { method, headers, body: text }));
}`,
      ),
      atom(
        'function',
        'expectRecord',
        'A JSON object, or a failed test',
        `
/** The value as a JSON object; anything else fails the test. */
export function expectRecord(value: unknown): Record<string, unknown> {
  ok(isPlainObject(value), \`expected a JSON object, got \${JSON.stringify(value)}\`);
  return value;
}`,
      ),
      atom(
        'function',
        'expectArray',
        'A JSON array, or a failed test',
        `
/** The value as a JSON array; anything else fails the test. */
export function expectArray(value: unknown): unknown[] {
  ok(Array.isArray(value), \`expected a JSON array, got \${JSON.stringify(value)}\`);
  return value;
}`,
      ),
      atom(
        'function',
        'pageItems',
        "The records of a list answer's page",
        `
/** The records of a list answer's page (\`{ items, total, limit, offset }\`); anything else fails the test. */
export function pageItems(body: unknown): Record<string, unknown>[] {
  const page = expectRecord(body);
  ok(typeof page.total === 'number', \`expected a page with a total, got \${JSON.stringify(body)}\`);
  return expectArray(page.items).map(expectRecord);
}`,
      ),
      atom(
        'function',
        'pageIds',
        "The ids on a list answer's page",
        `
/** The ids of the records on a list answer's page, in order. */
export function pageIds(body: unknown): string[] {
  return pageItems(body).map((item) => String(item.id));
}`,
      ),
      atom(
        'function',
        'issueFields',
        "The fields named in an error answer's details",
        `
/** The fields named in an error answer's details, in order. */
export function issueFields(body: unknown): string[] {
  return expectArray(expectRecord(body).details).map((issue) => String(expectRecord(issue).field));
}`,
      ),
      atom(
        'function',
        'withoutFields',
        'A copy of a body without some fields',
        `
/** A copy of a body without the given fields. */
export function withoutFields(body: object, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));
}`,
      ),
      atom(
        'function',
        'createRecord',
        'Creates a record through the API and returns its id',
        `
/** Creates a record through the API and returns its id; any answer but 201 fails the test. */
export async function createRecord(baseUrl: string, path: string, body: object): Promise<string> {
  const response = await callApi(baseUrl, 'POST', path, body);
  equal(response.status, 201, \`POST \${path} answered \${JSON.stringify(response.body)}\`);
  const id = expectRecord(response.body).id;
  ok(typeof id === 'string', \`POST \${path} gave no string id\`);
  return id;
}`,
      ),
      atom(
        'function',
        'serveRoutes',
        'Runs a test against a server with some routes',
        `
/** Runs \`run\` against a server on a free port with the routes \`register\` adds, then closes it. */
export async function serveRoutes<T>(register: (router: Router) => void, run: (url: string) => Promise<T>): Promise<T> {
  const router = createRouter();
  register(router);
  const server = createHttpServer(router);
  const url = await listen(server, 0, '127.0.0.1');
  try {
    return await run(url);
  } finally {
    await closeServer(server);
  }
}`,
      ),
    ],
  };
}

/** src/testing/data-files.ts: files tests may write, inside the project. */
export function dataFilesFile(): FileTemplate {
  return {
    ...INFRA.dataFiles,
    kind: 'source',
    description: 'Test helpers: data files under .test-data/ at the project root, removed after each test',
    atoms: [
      atom(
        'interface',
        'TestDataFile',
        'A file a test may write',
        `
/** A file a test may write, and how to remove it afterwards. */
export interface TestDataFile {
  readonly file: string;
  remove(): Promise<void>;
}`,
      ),
      atom(
        'const',
        'TEST_DATA_DIR',
        'Where tests write files',
        `
/** Where tests write files: .test-data/ at the project root (this file runs from dist/testing/). */
export const TEST_DATA_DIR = fileURLToPath(new URL('../../.test-data/', import.meta.url));`,
      ),
      atom(
        'function',
        'newTestDataFile',
        'A fresh data file path for one test',
        `
/** A fresh file path for one test; \`remove\` deletes it, and the folder once it is empty. */
export function newTestDataFile(name: string): TestDataFile {
  const file = join(TEST_DATA_DIR, \`\${name}-\${randomUUID()}.json\`);
  return {
    file,
    remove: async () => {
      await rm(file, { force: true });
      await rmdir(TEST_DATA_DIR).catch(() => undefined);
    },
  };
}`,
      ),
    ],
  };
}
