import { claudeModels, DEFAULT_CLAUDE_MODEL } from '@mge/contracts';
import { z } from 'zod';

const empty = (v: unknown) => (v === '' ? undefined : v);
const known = Object.keys(claudeModels);

/** The environment of the Anthropic provider, spread into every model-calling process's config. */
export const claudeEnv = {
  /** The API key; without it only recorded and cached answers can be served. */
  ANTHROPIC_API_KEY: z.preprocess(empty, z.string().min(1).optional()),
  /** Another endpoint that speaks the Messages API (a proxy, a gateway, a test server). */
  ANTHROPIC_BASE_URL: z.preprocess(empty, z.string().url().optional()),
  /** The Claude model every step uses. */
  MGE_MODEL: z.preprocess(
    empty,
    z
      .string()
      .default(DEFAULT_CLAUDE_MODEL)
      .refine((id) => known.includes(id), { message: `must be one of ${known.join(', ')}` }),
  ),
  /** `max_tokens` of a stage's call (discovery, plan, atoms of a task); an atom's is capped lower. */
  MGE_MAX_TOKENS: z.coerce.number().int().min(256).max(64_000).default(8_192),
  /** How long one call may take before it is abandoned (and retried). */
  MGE_MODEL_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(120_000),
};

/** What the provider needs to call Claude. */
export interface ClaudeSettings {
  readonly apiKey?: string | undefined;
  readonly baseURL?: string | undefined;
  /** The model a run uses when its request names none. */
  readonly model: string;
  readonly maxTokens: number;
  readonly timeoutMs: number;
}

/** The settings from a parsed config holding `claudeEnv`. */
export const claudeSettingsOf = (env: {
  ANTHROPIC_API_KEY?: string | undefined;
  ANTHROPIC_BASE_URL?: string | undefined;
  MGE_MODEL: string;
  MGE_MAX_TOKENS: number;
  MGE_MODEL_TIMEOUT_MS: number;
}): ClaudeSettings => ({
  apiKey: env.ANTHROPIC_API_KEY,
  baseURL: env.ANTHROPIC_BASE_URL,
  model: env.MGE_MODEL,
  maxTokens: env.MGE_MAX_TOKENS,
  timeoutMs: env.MGE_MODEL_TIMEOUT_MS,
});

/** The settings of a process whose environment sets nothing: the default model, no key. */
export const defaultClaudeSettings: ClaudeSettings = claudeSettingsOf(z.object(claudeEnv).parse({}));
