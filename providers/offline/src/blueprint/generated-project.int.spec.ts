import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DiscoveryDocument } from '@mge/contracts';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { clashingNames, library, taskTracker, userManagement } from './spec-support/documents.js';
import {
  compileProject,
  freePort,
  generateProject,
  removeProject,
  runNode,
  runTestsSandboxed,
  killStartedMains,
  startMain,
  stopMain,
  writeProject,
  type GeneratedProject,
} from './spec-support/generated-project.js';
import { lintProject } from './spec-support/lint.js';
import { bodyFor, call, collections, detailFields, wrongValue } from './spec-support/round-trip.js';

const documents: [string, DiscoveryDocument][] = [
  ['user management', userManagement],
  ['task tracker', taskTracker],
  ['library', library],
  ['clashing names', clashingNames],
];

const LONG = 60_000;

/** Creates one record per collection (references naming earlier ones) and checks every answer on the way. */
async function createEverything(
  base: string,
  doc: DiscoveryDocument,
  project: GeneratedProject,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { entity, path } of collections(doc, project.plan)) {
    const body = bodyFor(entity, ids);
    if (body === undefined) continue;
    const created = await call(base, 'POST', path, body);
    expect({ path, status: created.status }).toEqual({ path, status: 201 });
    const id = (created.body as { id: string }).id;
    expect(created.body).toEqual({ ...body, id });
    ids.set(entity.name, id);
    expect(await call(base, 'GET', `${path}/${id}`)).toEqual({ status: 200, body: created.body });
    expect((await call(base, 'GET', path)).body).toEqual({
      items: [created.body],
      total: 1,
      limit: 20,
      offset: 0,
    });
    const field = entity.fields.find((f) => f.type !== 'reference') ?? entity.fields[0]!;
    const wrong = await call(base, 'POST', path, { ...body, [field.name]: wrongValue(field) });
    expect({ path, status: wrong.status, fields: detailFields(wrong.body) }).toEqual({
      path,
      status: 400,
      fields: [field.name],
    });
    for (const ref of entity.fields.filter((f) => f.type === 'reference')) {
      const missing = await call(base, 'POST', path, { ...body, [ref.name]: 'no-such-record' });
      expect({ path, status: missing.status, fields: detailFields(missing.body) }).toEqual({
        path,
        status: 400,
        fields: [ref.name],
      });
    }
    const unique = entity.fields.filter((f) => f.unique === true && body[f.name] !== undefined);
    if (unique.length > 0) {
      const again = await call(base, 'POST', path, body);
      expect({ path, status: again.status, fields: detailFields(again.body) }).toEqual({
        path,
        status: 409,
        fields: unique.map((f) => f.name),
      });
    }
    if (field.type === 'string' && field.values === undefined) {
      const patched = await call(base, 'PATCH', `${path}/${id}`, { [field.name]: 'changed' });
      expect(patched).toEqual({ status: 200, body: { ...body, id, [field.name]: 'changed' } });
    }
    expect((await call(base, 'GET', `${path}/no-such-id`)).status).toBe(404);
  }
  return ids;
}

describe.each(documents)('the generated project for %s', (_name, doc) => {
  let project: GeneratedProject;
  let dir: string;

  beforeAll(async () => {
    project = generateProject(doc);
    dir = await writeProject(project.files);
  });
  afterAll(async () => {
    killStartedMains();
    if (dir !== undefined) await removeProject(dir);
  });

  it(
    "compiles with the validator's compiler options without a single diagnostic",
    () => {
      expect(compileProject(dir, project.files)).toEqual([]);
    },
    LONG,
  );

  it(
    'imports nothing it does not use',
    () => {
      const strict = { noEmit: true, noUnusedLocals: true, noUnusedParameters: true };
      expect(compileProject(dir, project.files, strict)).toEqual([]);
    },
    LONG,
  );

  it(
    "passes typescript-eslint's strict type-checked lint (no floating promises in its tests, among others)",
    async () => {
      expect(await lintProject(dir)).toEqual([]);
    },
    LONG,
  );

  it(
    'passes its own tests with node --test dist',
    async () => {
      const run = await runNode(['--test', 'dist'], dir, {});
      expect({ code: run.code, failures: run.output.match(/^not ok .*$/gm) ?? [] }).toEqual({
        code: 0,
        failures: [],
      });
      expect(run.output).toMatch(/# fail 0/);
    },
    LONG,
  );

  it(
    'passes its tests in one sandboxed process with an empty environment, leaving no files behind',
    async () => {
      const run = await runTestsSandboxed(dir);
      expect({ code: run.code, failures: run.output.match(/^not ok .*$/gm) ?? [] }).toEqual({
        code: 0,
        failures: [],
      });
      expect(run.output).toMatch(/# pass [1-9]/);
      await expect(access(join(dir, '.test-data'))).rejects.toThrow();
    },
    LONG,
  );

  it(
    'serves every collection from node dist/main.js, keeps DATA_FILE across restarts and stops on SIGTERM',
    async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = { HOST: '127.0.0.1', PORT: String(port), DATA_FILE: join(dir, 'data', 'store.json') };
      const first = await startMain(dir, env);
      const ids = await createEverything(base, doc, project);
      expect(ids.size).toBeGreaterThan(0);
      expect((await call(base, 'GET', '/no-such-route')).status).toBe(404);
      expect((await call(base, 'POST', collections(doc, project.plan)[0]!.path, '{"broken": ')).status).toBe(
        400,
      );
      expect(await stopMain(first.child, 'SIGTERM')).toBe(0);
      expect(first.output()).toMatch(/stopped/);

      const second = await startMain(dir, env);
      // Referencing records first: a record others still name cannot be deleted.
      for (const { entity, path } of collections(doc, project.plan).reverse()) {
        const id = ids.get(entity.name);
        if (id === undefined) continue;
        expect((await call(base, 'GET', `${path}/${id}`)).status).toBe(200);
        expect((await call(base, 'DELETE', `${path}/${id}`)).status).toBe(204);
        expect((await call(base, 'GET', `${path}/${id}`)).status).toBe(404);
        expect((await call(base, 'DELETE', `${path}/${id}`)).status).toBe(404);
      }
      expect(await stopMain(second.child, 'SIGINT')).toBe(0);
    },
    LONG,
  );
});
