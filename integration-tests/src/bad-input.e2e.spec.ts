import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMge } from './support/cli.js';

describe('mge answers bad input with one clear line and the right exit code', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-bad-'));
    env = { MGE_HOME: join(dir, 'home'), NATS_URL: 'nats://127.0.0.1:1' };
    await writeFile(join(dir, 'not-json.json'), '{ nope');
    await writeFile(
      join(dir, 'bad-spec.json'),
      JSON.stringify({ domain: 'x', entities: [{ name: 'book', fields: [] }] }),
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    [['run', ''], 'the request is empty'],
    [['run', '   '], 'the request is empty'],
    [['run', 'x', '--spec', '/no/such/file.json'], '--spec /no/such/file.json: cannot read it'],
    [['run', 'x', '--spec', 'NOT_JSON'], 'not JSON'],
    [['run', 'x', '--spec', 'BAD_SPEC'], 'entities.0.name: must be PascalCase'],
    [['run', 'x', '--concurrency', '0'], '--concurrency: must be at least 1'],
    [['run', 'x', '--concurrency', 'many'], '--concurrency'],
    [['run', 'x', '--mode', 'v9'], '--mode: unknown mode v9'],
    [['run', 'x', '--bogus'], "unknown option '--bogus'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['events', 'not-a-run'], 'is not a run id'],
    [['serve', '--services', 'planner,nope'], '--services: unknown service nope'],
    [['discovery', 'eval', '--corpus', '/no/such/corpus'], 'cannot read the corpus folder /no/such/corpus'],
    [['discovery', 'eval', '--worst', 'some'], '--worst: must be a whole number'],
  ])('mge %j → exit 2', async (args, message) => {
    const resolved = args.map((a) =>
      a === 'NOT_JSON' ? join(dir, 'not-json.json') : a === 'BAD_SPEC' ? join(dir, 'bad-spec.json') : a,
    );
    const result = await runMge(resolved, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unreachable NATS_URL exits 3 and says what to check', async () => {
    const result = await runMge(['run', 'Create a REST API for user management'], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot reach NATS at nats://127.0.0.1:1');
    expect(result.stderr).toContain('check that nats-server is running');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
