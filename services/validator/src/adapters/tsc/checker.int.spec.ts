import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AtomSpec, MasterPlan, Task } from '@mge/contracts';
import type { Checker, ProjectSnapshot } from '../../ports.js';
import { createChecker } from './checker.js';

const task = (id: string, milestoneId: string, file: string, kind: Task['kind']): Task => ({
  id,
  milestoneId,
  file,
  kind,
  description: '',
  exports: [],
  dependsOn: [],
  estimatedLines: 5,
});
const plan: MasterPlan = {
  phases: [
    {
      id: 'setup',
      name: 'Setup',
      milestones: [
        {
          id: 'm-math',
          phase: 'setup',
          name: 'math',
          kind: 'infrastructure',
          description: '',
          dependsOn: [],
          tasks: [
            task('math', 'm-math', 'src/math.ts', 'source'),
            task('math-test', 'm-math', 'src/math.test.ts', 'test'),
          ],
        },
      ],
    },
    { id: 'core', name: 'Core', milestones: [] },
    {
      id: 'polish',
      name: 'Polish',
      milestones: [
        {
          id: 'm-app',
          phase: 'polish',
          name: 'app',
          kind: 'integration',
          description: '',
          dependsOn: ['m-math'],
          tasks: [
            task('main', 'm-app', 'src/main.ts', 'source'),
            task('pkg', 'm-app', 'package.json', 'asset'),
          ],
        },
      ],
    },
  ],
};

type Code = Record<string, string>;
const atom = (
  id: string,
  taskId: string,
  file: string,
  symbol: string,
  kind: AtomSpec['kind'],
  needs: string[],
  uses: AtomSpec['uses'] = [],
) =>
  ({
    id,
    taskId,
    milestoneId: file === 'src/main.ts' || file === 'package.json' ? 'm-app' : 'm-math',
    file,
    symbol,
    kind,
    description: '',
    needs,
    uses,
    order: 0,
    estimatedLines: 3,
    dependsOn: [],
    wave: 0,
  }) satisfies AtomSpec;
const node = (module: string, name: string) => ({ module, name, typeOnly: false });

const specs = [
  atom('math:total', 'math', 'src/math.ts', 'Total', 'type', []),
  { ...atom('math:add', 'math', 'src/math.ts', 'add', 'function', ['Total']), order: 1 },
  atom(
    'math-test:adds',
    'math-test',
    'src/math.test.ts',
    'adds two numbers',
    'test',
    ['add'],
    [node('node:test', 'test'), node('node:assert/strict', 'equal')],
  ),
  atom('main:server', 'main', 'src/main.ts', 'server', 'const', ['add'], [node('node:http', 'createServer')]),
  { ...atom('main:start', 'main', 'src/main.ts', 'started', 'const', ['server']), order: 1 },
  atom('pkg:doc', 'pkg', 'package.json', 'package.json', 'document', []),
];
const good: Code = {
  'math:total': 'export type Total = number;',
  'math:add': 'export function add(a: number, b: number): Total {\n  return a + b;\n}',
  'math-test:adds': "test('adds two numbers', () => {\n  equal(add(2, 3), 5);\n});",
  'main:server':
    "export const server = createServer((request, response) => {\n  response.statusCode = request.url === '/items' ? 200 : 404;\n  response.end(JSON.stringify([add(1, 1)]));\n});",
  'main:start': "export const started = server.listen(Number(process.env['PORT']), process.env['HOST']);",
  'pkg:doc': '{ "name": "mini", "type": "module" }',
};
const snapshot = (code: Code, runId = 'r-01JDX0000000000000000000CK'): ProjectSnapshot => ({
  runId,
  plan,
  atoms: specs.map((spec) => ({ spec, code: code[spec.id]! })),
});

describe('checker L2–L4 on a small project', () => {
  let dir: string;
  let checker: Checker;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-checker-'));
    checker = createChecker({ workRoot: join(dir, 'work'), testTimeoutMs: 20_000 });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('L2 passes good code and blames exactly the atom carrying a type error', async () => {
    expect(await checker.checkTask(snapshot(good), 'math')).toEqual({
      passed: true,
      errors: [],
      blamedAtoms: [],
    });
    const broken = await checker.checkTask(
      snapshot({
        ...good,
        'math:add': "export function add(a: number, b: number): Total {\n  return 'no';\n}",
      }),
      'math',
    );
    expect(broken).toMatchObject({ passed: false, blamedAtoms: ['math:add'] });
    expect(broken.errors[0]).toMatchObject({
      level: 2,
      code: 'TS2322',
      file: 'src/math.ts',
      atomId: 'math:add',
    });
  });

  it('L2 catches a need no atom provides before compiling', async () => {
    const withoutTotal = {
      ...snapshot(good),
      atoms: snapshot(good).atoms.filter((a) => a.spec.id !== 'math:total'),
    };
    expect(await checker.checkTask(withoutTotal, 'math')).toMatchObject({
      passed: false,
      blamedAtoms: ['math:add'],
      errors: [{ code: 'unresolved-import' }],
    });
  });

  it('L3 runs the milestone tests and blames the failing test and what it needs', async () => {
    expect(await checker.checkMilestone(snapshot(good), 'm-math')).toEqual({
      passed: true,
      errors: [],
      blamedAtoms: [],
      tests: { passed: 1, failed: 0 },
      sandbox: expect.stringMatching(/^(namespace|preload)$/),
    });
    const wrong = await checker.checkMilestone(
      snapshot({
        ...good,
        'math:add': 'export function add(a: number, b: number): Total {\n  return a - b;\n}',
      }),
      'm-math',
    );
    expect(wrong).toMatchObject({
      passed: false,
      tests: { passed: 0, failed: 1 },
      blamedAtoms: ['math-test:adds', 'math:add'],
    });
    expect(wrong.errors[0]?.message).toContain('test "adds two numbers" failed');
  });

  it('L3 confines tests to the project folder', async () => {
    const peeking: Code = {
      ...good,
      'math-test:adds':
        "test('adds two numbers', () => {\n  equal(readFileSync('/etc/hostname', 'utf8'), 'x');\n});",
    };
    const specsWithFs: AtomSpec[] = specs.map((s) =>
      s.id === 'math-test:adds' ? { ...s, uses: [...s.uses, node('node:fs', 'readFileSync')] } : s,
    );
    const result = await checker.checkMilestone(
      { ...snapshot(peeking), atoms: specsWithFs.map((spec) => ({ spec, code: peeking[spec.id]! })) },
      'm-math',
    );
    expect(result.passed).toBe(false);
    expect(result.errors[0]?.message).toContain('Access to this API has been restricted');
  });

  it('L3 stops a test that never ends', async () => {
    const quick = createChecker({ workRoot: join(dir, 'work'), testTimeoutMs: 2_000 });
    const hanging = {
      ...good,
      'math-test:adds':
        "test('adds two numbers', async () => {\n  await new Promise(() => setInterval(() => equal(1, 1), 1000));\n});",
    };
    expect(await quick.checkMilestone(snapshot(hanging), 'm-math')).toMatchObject({
      passed: false,
      errors: [{ code: 'timeout' }],
      blamedAtoms: ['math-test:adds'],
    });
  });

  it('L4 builds the project into outDir, runs every test and answers the smoke request', async () => {
    const outDir = join(dir, 'out');
    const result = await checker.checkProject(snapshot(good), { outDir, smokePath: '/items' });
    expect(result).toMatchObject({
      passed: true,
      tests: { passed: 1, failed: 0 },
      smoke: { passed: true },
      files: 4,
    });
    expect(await readFile(join(outDir, 'dist', 'math.js'), 'utf8')).toContain('function add');
  });

  it('L4 fails the smoke test of a server that does not answer 200, blaming the entry point', async () => {
    const broken = {
      ...good,
      'main:server':
        'export const server = createServer((request, response) => {\n  response.statusCode = 500 + add(0, 0);\n  response.end();\n});',
    };
    const result = await checker.checkProject(snapshot(broken), {
      outDir: join(dir, 'out2'),
      smokePath: '/items',
    });
    expect(result).toMatchObject({
      passed: false,
      smoke: { passed: false },
      blamedAtoms: ['main:server', 'main:start'],
    });
  });
});
