import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { RunSummary } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import type { MessagesApiServer, ReceivedRequest, ScriptedAnswer } from '@mge/kit/testing';
import { blocksOf, offlineAnswer, toolOf } from './support/claude-script.js';
import type { ClaudeStack } from './support/claude-stack.js';
import { startClaudeStack } from './support/claude-stack.js';
import { lastJsonLine, runMge } from './support/cli.js';

const REQUEST = 'Create a REST API for user management';
const STORM_MS = 2_500;
const CONCURRENCY = 4;

describe('Claude under a rate-limit storm, V1 and parallel pairs through Claude', () => {
  let stack: ClaudeStack;
  let api: MessagesApiServer;
  let bus: Bus;
  let dir: string;
  let env: Record<string, string>;
  let stormFrom: number | undefined;
  const limited: ReceivedRequest[] = [];

  /** Every atom request in the first seconds of generation is rate limited, asked to wait a second. */
  const script = (request: ReceivedRequest): ScriptedAnswer => {
    if (toolOf(request) !== 'write_atom') return offlineAnswer(request);
    stormFrom ??= request.at;
    if (request.at - stormFrom > STORM_MS) return offlineAnswer(request);
    limited.push(request);
    return {
      kind: 'error',
      status: 429,
      type: 'rate_limit_error',
      message: 'rate limited',
      headers: { 'retry-after': '1' },
    };
  };

  beforeAll(async () => {
    stack = await startClaudeStack('claude-storm', script, { latencyMs: 20 });
    ({ api, bus, dir, env } = stack);
  });
  afterAll(() => stack.stop());

  it('waits a 429 storm out within the concurrency ceiling, without spinning or failing an attempt', async () => {
    const args = [
      'run',
      REQUEST,
      '--out',
      join(dir, 'storm'),
      '--concurrency',
      String(CONCURRENCY),
      '--json',
    ];
    const result = await runMge(args, env);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', retries: 0, model: 'claude-sonnet-5-5' });
    expect(limited.length).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(api.mostInFlight).toBeLessThanOrEqual(CONCURRENCY);
    const events = (await bus.store.readRun(summary.runId)).events;
    expect(events.filter((e) => e.type === 'AtomGenerationFailed')).toEqual([]);
    const byAtom = new Map<string, number[]>();
    for (const request of api.requests.filter((r) => toolOf(r) === 'write_atom')) {
      const atom = (blocksOf(request)['atom'] as { id: string }).id;
      byAtom.set(atom, [...(byAtom.get(atom) ?? []), request.at]);
    }
    const gaps = [...byAtom.values()].flatMap((times) => times.slice(1).map((t, i) => t - times[i]!));
    expect(gaps.length).toBe(limited.length);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(950); // each limited attempt waited as asked
    // the default model accepts neither a temperature nor a forced tool: it is asked in the prompt
    const atom = api.requests.find((r) => toolOf(r) === 'write_atom')!;
    expect(atom.body.temperature).toBeUndefined();
    expect(atom.body.tool_choice).toEqual({ type: 'auto' });
  });

  it('writes a V1 project file by file through Claude (write_file)', async () => {
    const before = api.requests.length;
    const result = await runMge(['run', REQUEST, '--mode', 'v1', '--out', join(dir, 'v1'), '--json'], env);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', mode: 'v1', provider: 'anthropic' });
    const files = api.requests.slice(before).filter((r) => toolOf(r) === 'write_file');
    expect(files).toHaveLength(summary.tasks);
    // the same request's discovery and plan were asked by the first run: the response cache answers them
    expect(summary.modelCalls).toMatchObject({ requests: files.length, cacheHits: 2 });
  });
  it('re-executes the shadow half of a parallel pair, given the document its twin discovered', async () => {
    const pair = await runMge(
      ['run', REQUEST, '--mode', 'parallel', '--out', join(dir, 'pair'), '--json'],
      env,
    );
    expect({ code: pair.code, stderr: pair.code === 0 ? '' : pair.stderr }).toEqual({ code: 0, stderr: '' });
    const shadow = /shadows as (r-\w+)/.exec(pair.stderr)?.[1];
    expect(shadow).toBeDefined();
    const before = api.requests.length;
    const rerun = await runMge(['rerun', shadow!, '--out', join(dir, 'pair-rerun')], {
      ...env,
      ANTHROPIC_API_KEY: '',
    });
    expect({ code: rerun.code, stderr: rerun.code === 0 ? '' : rerun.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(rerun.stderr).toContain(`reproduces ${shadow!}`);
    expect(api.requests.length).toBe(before);
  });
});
