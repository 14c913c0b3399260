import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const REQUEST = 'Create a REST API for user management';

interface Ran {
  readonly code: number;
  readonly output: string;
}

/** Runs a step that must succeed; a failure shows what it printed. */
async function step(cwd: string, command: string, args: readonly string[], env = {}): Promise<void> {
  const ran = await run(cwd, command, args, env);
  if (ran.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${ran.code}:\n${ran.output}`);
}

/** Runs a command in `cwd` with `env` added; its exit code and everything it printed. */
async function run(cwd: string, command: string, args: readonly string[], env = {}): Promise<Ran> {
  const options = { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 };
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, options);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * The README's quick start in its own order: `./scripts/mge run …` (twice: it may be run any number of
 * times) writes generated projects into out/ of a clean clone, and then every check of
 * `./scripts/test` that could trip over them passes there (the suite cannot run itself, so its parts).
 */
describe('the quick start, in order, in a clean clone', () => {
  let clone: string;
  let home: string;
  const bin = (tool: string) => join(clone, 'node_modules', '.bin', tool);

  beforeAll(async () => {
    clone = await mkdtemp(join(tmpdir(), 'mge-quick-start-'));
    home = await mkdtemp(join(tmpdir(), 'mge-quick-start-home-'));
    // what is committed, as a new user gets it; the package store is warm after the bootstrap
    await step(REPO, 'git', ['clone', '--quiet', REPO, clone]);
    await step(clone, 'pnpm', ['install', '--frozen-lockfile', '--offline', '--reporter=silent']);
    await step(clone, bin('tsc'), ['-b']);
    for (let i = 0; i < 2; i++)
      await step(clone, './scripts/mge', ['run', REQUEST], { MGE_HOME: home, NATS_URL: '' });
    expect(await readdir(join(clone, 'out'))).toHaveLength(2);
  }, 300_000);

  afterAll(async () => {
    await rm(clone, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('lints clean: generated projects are not linted as MGE’s code', async () => {
    const lint = await run(clone, bin('eslint'), ['--max-warnings', '0', '.']);
    expect(lint.output).toBe('');
    expect(lint.code).toBe(0);
  }, 180_000);

  it('passes the format check', async () => {
    expect(await run(clone, bin('prettier'), ['--check', '--log-level', 'warn', '.'])).toEqual({
      code: 0,
      output: '',
    });
  }, 120_000);

  it('type-checks, and no project of the build takes in out/', async () => {
    expect(await run(clone, bin('tsc'), ['-b'])).toEqual({ code: 0, output: '' });
    // the projects `tsc -b` builds: the root's references, followed
    const script = `const ts = require('typescript');
      const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} };
      const files = [];
      const visit = (path) => {
        const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, host);
        files.push(...parsed.fileNames);
        for (const ref of parsed.projectReferences ?? []) visit(ts.resolveProjectReferencePath(ref));
      };
      visit('tsconfig.json');
      console.log(JSON.stringify(files));`;
    const listed = await run(clone, process.execPath, ['-e', script], {
      NODE_PATH: join(clone, 'node_modules'),
    });
    const files = JSON.parse(listed.output) as string[];
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => f.includes('/out/'))).toEqual([]);
  }, 120_000);

  it('finds only MGE’s tests, and no module twice', async () => {
    const listed = await run(clone, bin('jest'), ['--listTests']);
    expect(listed.code).toBe(0);
    expect(listed.output).not.toMatch(/naming collision|duplicate manual mock/i);
    const tests = listed.output.trim().split('\n');
    expect(tests.length).toBeGreaterThan(40);
    expect(tests.filter((t) => t.includes('/out/'))).toEqual([]);
  }, 120_000);
});
