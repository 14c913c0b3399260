import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EventData } from '@mge/contracts';
import { costOf } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { UpstreamError } from '@mge/kit';
import type { MessagesApiServer, ScriptedAnswer } from '@mge/kit/testing';
import { atomSpec, startMessagesApi, startTestBus, testDocument, testRunId } from '@mge/kit/testing';
import type { ClaudeSettings, RunScope } from './index.js';
import { atomCall, createClaude, discoveryCall } from './index.js';

const document = testDocument();
const atom = atomSpec('a-1');
const code = { kind: 'tool', input: { code: 'export const one = 1;' } } as const;
const rateLimited = (headers: Record<string, string>): ScriptedAnswer => ({
  kind: 'error',
  status: 429,
  type: 'rate_limit_error',
  message: 'slow down',
  headers,
});

describe('the Anthropic provider against a Messages API server, recording on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let api: MessagesApiServer;
  let answers: ScriptedAnswer[];
  const settings = (model: string, apiKey: string | undefined = 'sk-ant-int'): ClaudeSettings => ({
    apiKey,
    baseURL: api.url,
    model,
    maxTokens: 8192,
    timeoutMs: 10_000,
  });
  const claudeOf = (bus: Bus, model = 'claude-sonnet-4-6', apiKey?: string) =>
    createClaude({ bus, settings: settings(model, apiKey), source: 'mge/test' });
  const recorded = async (runId: string): Promise<EventData<'ModelCallRecorded'>[]> =>
    (await env.bus.store.readRun(runId)).events.flatMap((e) =>
      e.type === 'ModelCallRecorded' ? [e.data] : [],
    );
  /** A run's scope; the response cache is off unless a test is about it, so every call reaches the server. */
  const run = (over: Partial<RunScope> = {}): RunScope => ({ runId: testRunId(), cache: false, ...over });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as UpstreamError,
    );

  beforeAll(async () => {
    env = await startTestBus();
    api = await startMessagesApi(() => answers.shift() ?? code);
  });
  beforeEach(() => {
    answers = [];
  });
  afterAll(async () => {
    await api.close();
    await env.stop();
  });

  it('asks an atom with its tool forced, the scheduled temperature, cache markers and the key; records the call and its cost', async () => {
    const scope = run();
    const call = atomCall(document, atom, {
      attempt: 2,
      feedback: ['TS2304: Cannot find name x'],
      repair: 'import',
    });
    const answer = await claudeOf(env.bus).attempt(scope, call, {
      subject: atom.id,
      attempt: 2,
      temperature: 0.5,
    });
    expect(answer.value).toEqual({ code: 'export const one = 1;' });
    const request = api.requests.at(-1)!;
    expect(request.headers['x-api-key']).toBe('sk-ant-int');
    expect(request.body).toMatchObject({
      model: 'claude-sonnet-4-6',
      max_tokens: 4096,
      temperature: 0.5,
      tool_choice: { type: 'tool', name: 'write_atom' },
      system: [{ cache_control: { type: 'ephemeral' } }],
    });
    expect(request.body.tools?.[0]?.input_schema).toMatchObject({ type: 'object', required: ['code'] });
    const [shared, ...own] = request.body.messages[0]!.content;
    expect(shared).toMatchObject({ cache_control: { type: 'ephemeral' } });
    expect(own.map((b) => b.text).join('\n')).toContain('TS2304');
    const [call1] = await recorded(scope.runId);
    const usage = api.usages.at(-1)!;
    const billed = {
      input: usage.input_tokens,
      output: usage.output_tokens,
      cacheWrite: usage.cache_creation_input_tokens,
      cacheRead: usage.cache_read_input_tokens,
    };
    expect(call1).toMatchObject({
      purpose: 'atom',
      subject: 'a-1',
      attempt: 2,
      source: 'api',
      params: { temperature: 0.5, scheduled: 0.5, toolChoice: 'tool', stream: false },
      reply: { usage: billed },
      costUsd: costOf('anthropic', billed, 'claude-sonnet-4-6'),
    });
    expect(answer.costUsd).toBe(call1!.costUsd);
  });

  it('leaves out what a model does not accept: no temperature, tool choice auto with an instruction', async () => {
    const scope = run();
    await claudeOf(env.bus, 'claude-sonnet-5-5').attempt(
      scope,
      atomCall(document, atom, { attempt: 1, feedback: [] }),
      {
        subject: atom.id,
        attempt: 1,
        temperature: 0.7,
      },
    );
    const request = api.requests.at(-1)!;
    expect(request.body.temperature).toBeUndefined();
    expect(request.body.tool_choice).toEqual({ type: 'auto' });
    expect(request.body.messages[0]!.content.at(-1)!.text).toBe('Answer by calling the write_atom tool.');
    const [call1] = await recorded(scope.runId);
    expect(call1!.params).toMatchObject({ temperature: null, scheduled: 0.7, toolChoice: 'auto' });
  });

  it('streams a stage and asks again, with the problems and the answer, until it parses', async () => {
    const scope = run();
    answers = [
      { kind: 'tool', input: { domain: 7 } },
      { kind: 'tool', input: document },
    ];
    const answer = await claudeOf(env.bus).stage(scope, discoveryCall('a todo list'), 'discovery');
    expect(answer).toEqual(document);
    const [firstRound, secondRound] = api.requests.slice(-2);
    expect([firstRound!.body.stream, secondRound!.body.stream]).toEqual([true, true]);
    const retold = secondRound!.body.messages[0]!.content.map((b) => b.text).join('\n');
    expect(retold).toContain('record_discovery.domain');
    expect(retold).toContain('<previous_answer>\n{"domain":7}');
    const calls = await recorded(scope.runId);
    expect(calls.map((c) => [c.attempt, c.issues === undefined])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('fails a stage whose every round is malformed with a final error naming the problems', async () => {
    answers = [
      { kind: 'text', text: 'I cannot' },
      { kind: 'text', text: 'I cannot' },
      { kind: 'text', text: 'I cannot' },
    ];
    const error = await failureOf(claudeOf(env.bus).stage(run(), discoveryCall('x'), 'discovery'));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'malformed_answer', retryable: false });
    expect(error!.message).toContain('no record_discovery call in the answer (it said: I cannot)');
  });

  it('says when a broken answer was cut off at max_tokens', async () => {
    answers = [{ kind: 'tool', input: { code: '' }, stopReason: 'max_tokens' }];
    const call = atomCall(document, atom, { attempt: 1, feedback: [] });
    const error = await failureOf(claudeOf(env.bus).attempt(run(), call, { subject: atom.id, attempt: 1 }));
    expect(error).toMatchObject({ code: 'malformed_answer', retryable: false });
    expect(error!.message).toContain('the answer was cut off at max_tokens (raise MGE_MAX_TOKENS)');
  });

  it('gives up on a call that takes longer than the timeout, as a retryable error', async () => {
    const slow = await startMessagesApi(() => code, { latencyMs: 2_000 });
    try {
      const claude = createClaude({
        bus: env.bus,
        settings: { ...settings('claude-sonnet-4-6'), baseURL: slow.url, timeoutMs: 200 },
        source: 'mge/test',
      });
      const call = atomCall(document, atom, { attempt: 1, feedback: [] });
      const error = await failureOf(claude.attempt(run(), call, { subject: atom.id, attempt: 1 }));
      expect(error).toMatchObject({ code: 'timeout', retryable: true });
    } finally {
      await slow.close();
    }
  });

  it.each([
    [
      { kind: 'broken-stream', how: 'error-event', type: 'overloaded_error' },
      { code: 'overloaded', retryable: true },
    ],
    [
      { kind: 'broken-stream', how: 'error-event', type: 'invalid_request_error' },
      { code: 'refused', retryable: false },
    ],
    [
      { kind: 'broken-stream', how: 'drop' },
      { code: 'network', retryable: true },
    ],
    [
      { kind: 'broken-stream', how: 'stall' },
      { code: 'timeout', retryable: true },
    ],
  ] as [ScriptedAnswer, Partial<UpstreamError>][])(
    'a stage whose stream breaks (%j) fails with %j',
    async (trouble, expected) => {
      answers = [trouble];
      const claude = createClaude({
        bus: env.bus,
        settings: { ...settings('claude-sonnet-4-6'), timeoutMs: 500 },
        source: 'mge/test',
      });
      const error = await failureOf(claude.stage(run(), discoveryCall('a todo list'), 'discovery'));
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject(expected);
    },
  );

  it.each([
    [rateLimited({ 'retry-after': '2' }), { code: 'rate_limited', retryable: true, retryAfterMs: 2000 }],
    [
      rateLimited({ 'retry-after-ms': '1500' }),
      { code: 'rate_limited', retryable: true, retryAfterMs: 1500 },
    ],
    [
      { kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded' },
      { code: 'overloaded', retryable: true },
    ],
    [
      { kind: 'error', status: 500, type: 'api_error', message: 'Internal' },
      { code: 'server_error', retryable: true },
    ],
    [
      { kind: 'error', status: 400, type: 'invalid_request_error', message: 'max_tokens: too large' },
      {
        code: 'refused',
        retryable: false,
        message: 'the Anthropic API refused the request (400 invalid_request_error: max_tokens: too large)',
      },
    ],
    [
      { kind: 'error', status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
      { code: 'refused', retryable: false },
    ],
    [{ kind: 'reset' }, { code: 'network', retryable: true }],
  ] as [ScriptedAnswer, Partial<UpstreamError>][])(
    'answers %j with %j and records nothing',
    async (trouble, expected) => {
      answers = [trouble];
      const scope = run();
      const call = atomCall(document, atom, { attempt: 1, feedback: [] });
      const error = await failureOf(claudeOf(env.bus).attempt(scope, call, { subject: atom.id, attempt: 1 }));
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject(expected);
      expect(await recorded(scope.runId)).toEqual([]);
    },
  );

  it('refuses, before sending it, an atom prompt larger than an attempt may use', async () => {
    const before = api.requests.length;
    const huge = { ...document, summary: 'x'.repeat(60_000) };
    const call = atomCall(huge, atom, { attempt: 1, feedback: [] });
    const error = await failureOf(claudeOf(env.bus).attempt(run(), call, { subject: atom.id, attempt: 1 }));
    expect(error).toMatchObject({ code: 'prompt_too_large', retryable: false });
    expect(error!.message).toContain('more than the 16384 an attempt may use');
    expect(api.requests.length).toBe(before);
  });

  it('answers an identical call from the response cache unless the run opted out', async () => {
    const claude = claudeOf(env.bus);
    const call = atomCall(document, atomSpec('a-cached'), { attempt: 1, feedback: [] });
    const at = { subject: 'a-cached', attempt: 1, temperature: 0.7 };
    await claude.attempt(run({ cache: true }), call, at);
    const before = api.requests.length;
    const again = run({ cache: true });
    await claude.attempt(again, call, at);
    expect(api.requests.length).toBe(before);
    expect((await recorded(again.runId))[0]).toMatchObject({ source: 'cache' });
    const fresh = run({ cache: false });
    await claude.attempt(fresh, call, at);
    expect(api.requests.length).toBe(before + 1);
    expect((await recorded(fresh.runId))[0]).toMatchObject({ source: 'api' });
  });

  it('answers a call its run already paid for (a redelivery) without asking again, as the same reply', async () => {
    const scope = run();
    const call = atomCall(document, atomSpec('a-paid'), { attempt: 1, feedback: [] });
    const at = { subject: 'a-paid', attempt: 1 };
    const first = await claudeOf(env.bus).attempt(scope, call, at);
    const before = api.requests.length;
    answers = [{ kind: 'tool', input: { code: 'export const other = 2;' } }];
    const again = await claudeOf(env.bus).attempt(scope, call, at);
    answers = [];
    expect(api.requests.length).toBe(before);
    expect(again.value).toEqual(first.value);
    expect(await recorded(scope.runId)).toHaveLength(1); // the same call, stored once
  });

  it('keeps a broken answer out of the response cache', async () => {
    const call = atomCall(document, atomSpec('a-broken'), { attempt: 1, feedback: [] });
    const at = { subject: 'a-broken', attempt: 1 };
    answers = [{ kind: 'tool', input: { code: 42 } }];
    await failureOf(claudeOf(env.bus).attempt(run({ cache: true }), call, at));
    const before = api.requests.length;
    const fixed = await claudeOf(env.bus).attempt(run({ cache: true }), call, at);
    expect(api.requests.length).toBe(before + 1);
    expect(fixed.value).toEqual({ code: 'export const one = 1;' });
  });

  it("re-executes from a run's recordings without a key, and refuses a call it did not record", async () => {
    const source = run({ cache: false });
    const call = atomCall(document, atomSpec('a-recorded'), { attempt: 1, feedback: [] });
    await claudeOf(env.bus).attempt(source, call, { subject: 'a-recorded', attempt: 1 });
    const before = api.requests.length;
    const keyless = createClaude({
      bus: env.bus,
      settings: { ...settings('claude-sonnet-4-6'), apiKey: undefined },
      source: 'mge/test',
    });
    const rerun = run({ rerunOf: source.runId });
    const answer = await keyless.attempt(rerun, call, { subject: 'a-recorded', attempt: 1 });
    expect(answer.value).toEqual({ code: 'export const one = 1;' });
    expect((await recorded(rerun.runId))[0]).toMatchObject({ source: 'recording' });
    const other = atomCall(document, atomSpec('a-other'), { attempt: 1, feedback: [] });
    const error = await failureOf(keyless.attempt(rerun, other, { subject: 'a-other', attempt: 1 }));
    expect(error).toMatchObject({ code: 'not_recorded', retryable: false });
    const noKey = await failureOf(
      keyless.attempt(run({ cache: false }), other, { subject: 'a-other', attempt: 1 }),
    );
    expect(noKey).toMatchObject({ code: 'no_api_key', retryable: false });
    expect(api.requests.length).toBe(before);
  });
});
