import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { RunSummary, StoredEvent } from '@mge/contracts';
import { costOf } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import type { MessagesApiServer, ReceivedRequest, ScriptedAnswer } from '@mge/kit/testing';
import { attemptOf, blocksOf, offlineAnswer, toolOf } from './support/claude-script.js';
import type { ClaudeStack } from './support/claude-stack.js';
import { startClaudeStack } from './support/claude-stack.js';
import { lastJsonLine, runMge } from './support/cli.js';
import { runIn } from './support/generated-server.js';

const REQUEST = 'Create a REST API for user management';
const MODEL = 'claude-sonnet-4-6'; // accepts a temperature and a forced tool choice

/** The atom a write_atom request is for. */
const atomOf = (request: ReceivedRequest): string => (blocksOf(request)['atom'] as { id: string }).id;

/**
 * Claude as the offline provider would answer, with one trouble per victim atom, each on its first
 * request: a 429 asking to wait a second, a 529, a dropped connection, and a tool answer that does
 * not match the schema (its attempt 1 only).
 */
function troubledClaude() {
  const victims: string[] = [];
  const seen = new Map<string, number>();
  const troubles: ScriptedAnswer[] = [
    {
      kind: 'error',
      status: 429,
      type: 'rate_limit_error',
      message: 'Number of requests has exceeded your rate limit',
      headers: { 'retry-after': '1' },
    },
    { kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded' },
    { kind: 'reset' },
    { kind: 'tool', input: { code: 42 } },
  ];
  const script = (request: ReceivedRequest): ScriptedAnswer => {
    if (toolOf(request) !== 'write_atom') return offlineAnswer(request);
    const atom = atomOf(request);
    if (!seen.has(atom) && victims.length < troubles.length) victims.push(atom);
    const times = (seen.get(atom) ?? 0) + 1;
    seen.set(atom, times);
    const victim = victims.indexOf(atom);
    return victim >= 0 && times === 1 ? troubles[victim]! : offlineAnswer(request);
  };
  return { script, victims };
}

describe('Claude as the model: a run through the anthropic provider against a Messages API server', () => {
  let stack: ClaudeStack;
  let api: MessagesApiServer;
  let bus: Bus;
  let dir: string;
  let env: Record<string, string>;
  const claude = troubledClaude();
  let first: { runId: string; summary: RunSummary; events: StoredEvent[]; out: string };

  beforeAll(async () => {
    stack = await startClaudeStack(
      'claude',
      claude.script,
      {},
      { ANTHROPIC_API_KEY: 'sk-ant-test-key', MGE_MODEL: MODEL },
    );
    ({ api, bus, dir, env } = stack);
  });
  afterAll(() => stack.stop());

  it('with ANTHROPIC_API_KEY set, mge run uses Claude and ends with a working project', async () => {
    const out = join(dir, 'out');
    const result = await runMge(['run', REQUEST, '--out', out, '--json'], env);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', provider: 'anthropic', costBasis: 'billed' });
    expect(summary.tests.passed).toBeGreaterThan(10);
    const ownTests = await runIn(out, process.execPath, ['--test', 'dist']);
    expect({ code: ownTests.code, output: ownTests.code === 0 ? '' : ownTests.output }).toEqual({
      code: 0,
      output: '',
    });
    expect(result.stderr).toMatch(/API calls, \d+ reused\)/); // live progress counts the calls
    first = { runId: summary.runId, summary, events: (await bus.store.readRun(summary.runId)).events, out };
    expect(first.events.filter((e) => e.type === 'MessageRejected')).toEqual([]);
  });

  it('sends tools from the zod schemas, forced, with cache markers, the key and a temperature per attempt', () => {
    expect(api.requests.length).toBeGreaterThan(20);
    for (const request of api.requests) {
      expect(request.headers['x-api-key']).toBe('sk-ant-test-key');
      expect(request.headers['anthropic-version']).toBe('2023-06-01');
      const tool = toolOf(request);
      expect(request.body.tools?.[0]?.input_schema).toMatchObject({ type: 'object' });
      expect(request.body.tool_choice).toEqual({ type: 'tool', name: tool });
      expect(request.body.system?.[0]?.cache_control).toEqual({ type: 'ephemeral' });
      expect(request.body.model).toBe(MODEL);
    }
    const stages = api.requests.filter((r) => toolOf(r) !== 'write_atom');
    expect(new Set(stages.map(toolOf))).toEqual(new Set(['record_discovery', 'record_plan', 'record_atoms']));
    expect(stages.every((r) => r.body.stream === true && r.body.temperature === undefined)).toBe(true);
    const plan = stages.find((r) => toolOf(r) === 'record_plan')!;
    const shared = plan.body.messages[0]!.content[0]!;
    expect(shared).toMatchObject({ cache_control: { type: 'ephemeral' } });
    expect(shared.text).toMatch(/^<discovery_document>/);
    const atoms = api.requests.filter((r) => toolOf(r) === 'write_atom');
    expect(atoms.every((r) => r.body.stream !== true)).toBe(true);
    const temperatures = new Map(atoms.map((r) => [attemptOf(r), r.body.temperature]));
    expect(temperatures.get(1)).toBe(0.7);
    expect(temperatures.get(2)).toBe(0.5);
    expect(api.usages.some((u) => u.cache_read_input_tokens > 0)).toBe(true);
  });

  it('waits out a 429 as long as asked and retries a 529 and a dropped connection, none a failed attempt', () => {
    const [limited, overloaded, reset] = claude.victims;
    const failed = first.events
      .filter((e) => e.type === 'AtomGenerationFailed')
      .map((e) => (e.data as { atomId: string }).atomId);
    for (const atom of [limited, overloaded, reset]) {
      expect(failed).not.toContain(atom);
      const generated = first.events.filter((e) => e.type === 'AtomGenerated' && e.data.atomId === atom);
      expect(generated.map((e) => (e.data as { attempt: number }).attempt)).toEqual([1]);
    }
    const waits = api.requests
      .filter((r) => toolOf(r) === 'write_atom' && atomOf(r) === limited)
      .map((r) => r.at);
    expect(waits).toHaveLength(2);
    expect(waits[1]! - waits[0]!).toBeGreaterThanOrEqual(950);
  });

  it('counts a malformed tool answer as a failed attempt and feeds its problems back', () => {
    const malformed = claude.victims[3]!;
    const failure = first.events.find(
      (e) => e.type === 'AtomGenerationFailed' && e.data.atomId === malformed,
    );
    expect(failure?.data).toMatchObject({ attempt: 1, reason: expect.stringContaining('write_atom') });
    const retry = api.requests.find(
      (r) => toolOf(r) === 'write_atom' && atomOf(r) === malformed && attemptOf(r) === 2,
    );
    expect(blocksOf(retry!)['previous_errors']).toEqual([expect.stringContaining('code')]);
    const recorded = first.events.filter(
      (e) => e.type === 'ModelCallRecorded' && e.data.subject === malformed,
    );
    expect(recorded.map((e) => (e.data as { issues?: string[] }).issues !== undefined)).toEqual([
      true,
      false,
    ]);
  });

  it('costs what the price table makes of the usage the server reported', () => {
    const expected = api.usages.reduce(
      (sum, u) =>
        sum +
        costOf(
          'anthropic',
          {
            input: u.input_tokens,
            output: u.output_tokens,
            cacheWrite: u.cache_creation_input_tokens,
            cacheRead: u.cache_read_input_tokens,
          },
          MODEL,
        ),
      0,
    );
    expect(first.summary.costUsd).toBeCloseTo(expected, 6);
    expect(first.summary.modelCalls).toMatchObject({
      requests: api.usages.length,
      cacheHits: 0,
      replayed: 0,
    });
    expect(first.summary.modelCalls!.billedUsd).toBeCloseTo(expected, 6);
    expect(first.summary.tokens.input).toBe(api.usages.reduce((n, u) => n + u.input_tokens, 0));
    expect(first.summary.tokens.cacheRead).toBe(
      api.usages.reduce((n, u) => n + u.cache_read_input_tokens, 0),
    );
  });

  it('mge rerun re-executes the run from its recordings with zero requests and reproduces it', async () => {
    const before = api.requests.length;
    const result = await runMge(['rerun', first.runId, '--out', join(dir, 'rerun'), '--json'], {
      ...env,
      ANTHROPIC_API_KEY: '',
    });
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(api.requests.length).toBe(before);
    expect(result.stderr).toContain(`reproduces ${first.runId}`);
    const summary = lastJsonLine<RunSummary>(result.stdout);
    const { runId: _a, outDir: _b, durationMs: _c, modelCalls, ...same } = summary;
    const { runId: _d, outDir: _e, durationMs: _f, modelCalls: _g, ...original } = first.summary;
    expect(same).toEqual(original);
    expect(modelCalls).toMatchObject({
      requests: 0,
      replayed: first.summary.modelCalls!.calls,
      billedUsd: 0,
    });
  });

  it('serves identical calls of a later run from the response cache and counts what it saved', async () => {
    const before = api.requests.length;
    const result = await runMge(['run', REQUEST, '--out', join(dir, 'again'), '--json'], env);
    expect(result.code).toBe(0);
    // every answer comes from the cache but the malformed one, which was not kept: it is asked again
    const asked = api.requests.slice(before);
    expect(asked.map((r) => [toolOf(r), atomOf(r), attemptOf(r)])).toEqual([
      ['write_atom', claude.victims[3], 1],
    ]);
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', retries: 0 });
    expect(summary.modelCalls).toMatchObject({ requests: 1, cacheHits: summary.modelCalls!.calls - 1 });
    expect(summary.modelCalls!.savedUsd).toBeCloseTo(summary.costUsd - summary.modelCalls!.billedUsd, 6);
    expect(summary.modelCalls!.savedUsd).toBeGreaterThan(0);
  });
});
