import { createHash } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { ModelCallParams } from '@mge/contracts';
import { claudeModelOf } from '@mge/contracts';
import { z } from 'zod';
import type { StepCall } from './steps.js';
import { renderBlock } from './steps.js';

/** A Messages API request as MGE sends it (streamed or not is decided when sending). */
export type ClaudeRequest = Omit<Anthropic.MessageCreateParamsNonStreaming, 'stream'>;

/** What a request is built with besides the step: the model, its token limit, the scheduled temperature. */
export interface RequestSettings {
  readonly model: string;
  readonly maxTokens: number;
  readonly temperature?: number | undefined;
}

const cached = { type: 'ephemeral' } as const;

/**
 * The tool's JSON Schema, generated from the step's zod schema (what the tool accepts as input),
 * inlined (the API rejects `$ref`) and without the `$schema` marker.
 */
export function inputSchemaOf(schema: z.ZodType): Anthropic.Tool.InputSchema {
  const { $schema: _marker, ...inputSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
  });
  return inputSchema as Anthropic.Tool.InputSchema;
}

/**
 * Builds the request of one call. The system prompt and the shared context carry cache markers;
 * the tool is forced where the model allows it (else the instruction asks for it), and the scheduled
 * temperature is sent where the model accepts one.
 */
export function buildRequest(
  call: StepCall<unknown>,
  settings: RequestSettings,
  extra: readonly string[] = [],
): { request: ClaudeRequest; params: ModelCallParams } {
  const caps = claudeModelOf(settings.model);
  const forced = caps?.forcedToolChoice ?? true;
  const temperature =
    settings.temperature !== undefined && (caps?.sampling ?? false) ? settings.temperature : null;
  const { step } = call;
  const shared = call.shared.map((block, i) => ({
    type: 'text' as const,
    text: renderBlock(block),
    ...(i === call.shared.length - 1 ? { cache_control: cached } : {}),
  }));
  const own = [...call.own.map(renderBlock), call.instruction, ...extra].map((text) => ({
    type: 'text' as const,
    text,
  }));
  const ask = forced ? [] : [{ type: 'text' as const, text: `Answer by calling the ${step.tool} tool.` }];
  const request: ClaudeRequest = {
    model: settings.model,
    max_tokens: settings.maxTokens,
    system: [{ type: 'text', text: step.system, cache_control: cached }],
    tools: [{ name: step.tool, description: step.description, input_schema: inputSchemaOf(step.schema) }],
    tool_choice: forced ? { type: 'tool', name: step.tool } : { type: 'auto' },
    messages: [{ role: 'user', content: [...shared, ...own, ...ask] }],
    ...(temperature === null ? {} : { temperature }),
  };
  const params: ModelCallParams = {
    model: settings.model,
    maxTokens: settings.maxTokens,
    temperature,
    ...(settings.temperature === undefined ? {} : { scheduled: settings.temperature }),
    tool: step.tool,
    toolChoice: forced ? 'tool' : 'auto',
    stream: step.stream,
  };
  return { request, params };
}

/** JSON with object keys sorted, so equal requests serialize equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The SHA-256 of the normalized request: what identifies a call across runs (recordings, the response cache). */
export const requestHash = (request: ClaudeRequest): string =>
  createHash('sha256').update(canonical(request)).digest('hex');

/** An upper estimate of a request's input tokens: three characters a token (Claude averages more). */
export const estimatedInputTokens = (request: ClaudeRequest): number =>
  Math.ceil(JSON.stringify([request.system, request.tools, request.messages]).length / 3);
