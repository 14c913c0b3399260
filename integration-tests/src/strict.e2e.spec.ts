import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@mge/contracts';
import { lastJsonLine, runMge } from './support/cli.js';

const AMBIGUOUS = 'Create a REST API for user management';
const QUESTION = 'Are the default entities for user management (User) what you need?';

describe('never a silent guess: open questions are shown, and --strict stops on them', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-strict-'));
    env = { MGE_HOME: join(dir, 'home') };
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('--strict on an ambiguous request exits 2 before planning and names the questions', async () => {
    const result = await runMge(['run', AMBIGUOUS, '--strict', '--json', '--out', join(dir, 'strict')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`? ${QUESTION}`);
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'failed', atoms: 0, openQuestions: [QUESTION] });
    expect(summary.failure?.reason).toMatch(/^unsure: /);
    const events = await runMge(['events', summary.runId, '--json'], env);
    const types = events.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types).toContain('DiscoveryCompleted');
    expect(types).not.toContain('MasterPlanCreated');
  });

  it('without --strict shows the questions and assumptions before the summary and keeps them in it', async () => {
    const result = await runMge(['run', AMBIGUOUS, '--json', '--out', join(dir, 'lenient')], env);
    expect(result.code).toBe(0);
    const block = result.stderr.indexOf('discovery is unsure');
    expect(block).toBeGreaterThan(-1);
    expect(result.stderr.slice(block)).toContain('discovery assumed:');
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', openQuestions: [QUESTION] });
    expect(summary.assumptions?.length).toBeGreaterThan(0);
  });
});
