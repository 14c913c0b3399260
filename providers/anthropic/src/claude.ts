import type { AnswerSource, ModelReply, RunRequested, TokenUsage } from '@mge/contracts';
import {
  costOf,
  createMessage,
  formatIssues,
  MAX_ATOM_INPUT_TOKENS,
  MAX_ATOM_OUTPUT_TOKENS,
} from '@mge/contracts';
import type { Bus, Clock } from '@mge/kit';
import { elapsedMs, systemClock, UpstreamError } from '@mge/kit';
import { paidCalls, recordings, responseCache } from './answers.js';
import type { MessagesClient } from './client.js';
import { createMessagesClient } from './client.js';
import type { ClaudeSettings } from './config.js';
import type { ClaudeRequest } from './request.js';
import { buildRequest, estimatedInputTokens, requestHash } from './request.js';
import type { Step, StepCall } from './steps.js';

/** What a call needs to know of its run: the model and its token limit, whether to use the cache, the run it re-executes. */
export type RunScope = Pick<RunRequested, 'runId' | 'model' | 'maxTokens' | 'cache' | 'rerunOf'>;

/** Which call of the run this is: the atom, task or stage, the attempt (or round), the scheduled temperature. */
export interface CallAt {
  readonly subject: string;
  readonly attempt: number;
  readonly temperature?: number | undefined;
}

/** A parsed answer with the tokens and list-price cost of the call that gave it. */
export interface Answer<T> {
  readonly value: T;
  readonly tokens: TokenUsage;
  readonly costUsd: number;
}

/** Claude as the pipeline asks it; every call is recorded as ModelCallRecorded. Failures are UpstreamErrors. */
export interface Claude {
  /** A stage's answer: a reply that does not parse is asked again with the problems, up to `STAGE_ROUNDS` rounds. */
  stage<T>(run: RunScope, call: StepCall<T>, subject: string): Promise<T>;
  /** One atom or file attempt: a reply that does not parse is a failed attempt (a non-retryable error naming the problems). */
  attempt<T>(run: RunScope, call: StepCall<T>, at: CallAt): Promise<Answer<T>>;
}

/** How many times a stage is asked before its answer counts as malformed. */
export const STAGE_ROUNDS = 3;

export interface ClaudeDeps {
  readonly bus: Bus;
  readonly settings: ClaudeSettings;
  /** The recording service, e.g. `mge/planner`. */
  readonly source: string;
  readonly clock?: Clock;
  /** The Messages API client; by default the SDK's, made from the settings when the first call needs it. */
  readonly client?: MessagesClient;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Why an answer stopped, when that explains a broken one: cut off at max_tokens, or refused. */
const stopNote = (reply: ModelReply): string[] =>
  reply.stopReason === 'max_tokens'
    ? ['the answer was cut off at max_tokens (raise MGE_MAX_TOKENS)']
    : reply.stopReason === 'refusal'
      ? ['the model refused to answer']
      : [];

function parseReply<T>(step: Step<T>, reply: ModelReply): Parsed<T> {
  const parsed = parseAnswer(step, reply);
  return parsed.ok ? parsed : { ok: false, issues: [...stopNote(reply), ...parsed.issues] };
}

function parseAnswer<T>(step: Step<T>, reply: ModelReply): Parsed<T> {
  if (reply.toolInput === undefined)
    return {
      ok: false,
      issues: [`no ${step.tool} call in the answer (it said: ${reply.text.slice(0, 200) || 'nothing'})`],
    };
  const parsed = step.schema.safeParse(reply.toolInput);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: formatIssues(parsed.error, step.tool) };
}

/** Claude through the Messages API, the response cache or a run's recordings. */
export function createClaude(deps: ClaudeDeps): Claude {
  const clock = deps.clock ?? systemClock;
  const cache = responseCache(deps.bus);
  const recorded = recordings(deps.bus);
  const paid = paidCalls(deps.bus);
  let client = deps.client;
  const api = (): MessagesClient => {
    if (client !== undefined) return client;
    const { apiKey, baseURL, timeoutMs } = deps.settings;
    if (apiKey === undefined)
      throw new UpstreamError(
        'no_api_key',
        'ANTHROPIC_API_KEY is not set: the anthropic provider needs an API key',
        {
          retryable: false,
        },
      );
    return (client = createMessagesClient({ apiKey, baseURL, timeoutMs }));
  };

  const answer = async (
    run: RunScope,
    request: ClaudeRequest,
    hash: string,
    step: Step<unknown>,
    at: CallAt,
  ): Promise<{ reply: ModelReply; source: AnswerSource }> => {
    if (run.rerunOf !== undefined) {
      const reply = await recorded(run.rerunOf, hash);
      if (reply !== undefined) return { reply, source: 'recording' };
      throw new UpstreamError(
        'not_recorded',
        `run ${run.rerunOf} recorded no answer to this ${step.purpose} call (${at.subject}, attempt ${at.attempt}); it cannot be re-executed from its recordings`,
        { retryable: false },
      );
    }
    const again = await paid.get(run.runId, hash);
    if (again !== undefined) return { reply: again, source: 'api' }; // a redelivery: already paid for
    const hit = run.cache === false ? undefined : await cache.get(hash);
    if (hit !== undefined) return { reply: hit, source: 'cache' };
    const reply = await api().send(request, { stream: step.stream });
    await paid.put(run.runId, hash, reply);
    return { reply, source: 'api' };
  };

  const ask = async <T>(run: RunScope, call: StepCall<T>, at: CallAt, extra: readonly string[] = []) => {
    const step = call.step as Step<unknown>;
    const model = run.model ?? deps.settings.model;
    const stageTokens = run.maxTokens ?? deps.settings.maxTokens;
    const maxTokens = step.purpose === 'atom' ? Math.min(stageTokens, MAX_ATOM_OUTPUT_TOKENS) : stageTokens;
    const { request, params } = buildRequest(call, { model, maxTokens, temperature: at.temperature }, extra);
    if (step.purpose === 'atom' && estimatedInputTokens(request) > MAX_ATOM_INPUT_TOKENS)
      throw new UpstreamError(
        'prompt_too_large',
        `the prompt of atom ${at.subject} is about ${estimatedInputTokens(request)} tokens, more than the ${MAX_ATOM_INPUT_TOKENS} an attempt may use (what a budget reserves for it)`,
        { retryable: false },
      );
    const hash = requestHash(request);
    const started = performance.now();
    const { reply, source } = await answer(run, request, hash, step, at);
    const latencyMs = elapsedMs(started);
    const parsed = parseReply(call.step, reply);
    // only a usable answer is served to later runs: a broken one is asked afresh
    if (source === 'api' && run.cache !== false && parsed.ok) await cache.put(hash, reply);
    const costUsd = costOf('anthropic', reply.usage, model);
    const data = {
      runId: run.runId,
      purpose: step.purpose,
      subject: at.subject,
      attempt: at.attempt,
      requestHash: hash,
      params,
      reply,
      source,
      costUsd,
      latencyMs,
      ...(parsed.ok ? {} : { issues: parsed.issues }),
    };
    const meta = {
      source: deps.source,
      time: clock(),
      key: [step.purpose, at.subject, at.attempt],
      subject: at.subject,
    };
    await deps.bus.store.append([createMessage('ModelCallRecorded', data, meta)]);
    return { parsed, reply, costUsd };
  };

  const malformed = (step: Step<unknown>, at: CallAt, issues: readonly string[]) =>
    new UpstreamError(
      'malformed_answer',
      `the model's ${step.tool} answer (${at.subject}, attempt ${at.attempt}) is not valid: ${issues.slice(0, 5).join('; ')}`,
      { retryable: false },
    );

  return {
    stage: async (run, call, subject) => {
      let extra: string[] = [];
      for (let round = 1; ; round += 1) {
        const at = { subject, attempt: round };
        const { parsed, reply } = await ask(run, call, at, extra);
        if (parsed.ok) return parsed.value;
        if (round === STAGE_ROUNDS) throw malformed(call.step, at, parsed.issues);
        extra = [
          `Your previous ${call.step.tool} answer was not valid:\n${parsed.issues.map((i) => `- ${i}`).join('\n')}`,
          `<previous_answer>\n${JSON.stringify(reply.toolInput ?? reply.text)}\n</previous_answer>`,
          `Call ${call.step.tool} again with a corrected, complete answer.`,
        ];
      }
    },
    attempt: async (run, call, at) => {
      const { parsed, reply, costUsd } = await ask(run, call, at);
      if (!parsed.ok) throw malformed(call.step, at, parsed.issues);
      return { value: parsed.value, tokens: reply.usage, costUsd };
    },
  };
}
