import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@mge/contracts';
import { lastJsonLine, runMge } from './support/cli.js';
import { runIn } from './support/generated-server.js';

interface Line {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

describe('the built project lives in the object store: mge fetch unpacks it anywhere', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-fetch-'));
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work') };
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('records ArtifactStored before L4, and mge fetch gives the same bytes, whose tests pass', async () => {
    const run = await runMge(
      ['run', 'A library: books have a title and an author', '--json', '--out', join(dir, 'run')],
      env,
    );
    expect(run.code).toBe(0);
    const { runId } = lastJsonLine<RunSummary>(run.stdout);
    const events = (await runMge(['events', runId, '--json'], env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const stored = events.findIndex((e) => e.type === 'ArtifactStored');
    expect(stored).toBeGreaterThan(-1);
    expect(stored).toBeLessThan(events.findIndex((e) => e.type === 'MasterPlanValidated'));
    const artifact = events[stored]!.data as { sha256: string; passed: boolean; files: number };
    expect(artifact.passed).toBe(true);

    const out = join(dir, 'fetched');
    const fetched = await runMge(['fetch', runId, '--out', out], env);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain(`${artifact.files} files`);
    expect(fetched.stdout).toContain(`sha256 ${artifact.sha256}`);
    const tests = await runIn(out, process.execPath, ['--test', 'dist']);
    expect(tests.code).toBe(0);

    const busy = join(dir, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'keep.txt'), 'mine\n');
    const refused = await runMge(['fetch', runId, '--out', busy], env);
    expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({
      code: 2,
      stderr: `mge: ${busy} is not empty: choose another --out, or --force to unpack over it`,
    });
    const unknown = await runMge(['fetch', 'r-01JDX0000000000000000000ZZ', '--out', join(dir, 'none')], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('has no stored project');
  });
});
