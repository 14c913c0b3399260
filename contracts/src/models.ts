/** Dollars per million tokens: fresh input, output, prompt-cache writes (5-minute) and cache reads. */
export interface ModelPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
  readonly cacheWritePerMTok: number;
  readonly cacheReadPerMTok: number;
}

/** What MGE needs to know about one Claude model: its price and which request settings it accepts. */
export interface ClaudeModel {
  readonly price: ModelPrice;
  /** Whether it accepts a temperature other than 1 (models after Claude Opus 4.6 answer 400). */
  readonly sampling: boolean;
  /** Whether it accepts `tool_choice` naming a tool (the 5.5 generation answers 400). */
  readonly forcedToolChoice: boolean;
}

const price = (input: number, output: number, cacheRead: number): ModelPrice => ({
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: input * 1.25,
  cacheReadPerMTok: cacheRead,
});

/**
 * The Claude models MGE knows, with the list prices of platform.claude.com/docs/en/about-claude/pricing
 * (November 2026) and the request settings each accepts.
 */
export const claudeModels: Readonly<Record<string, ClaudeModel>> = {
  'claude-sonnet-5-5': { price: price(2, 10, 0.1), sampling: false, forcedToolChoice: false },
  'claude-opus-5-5': { price: price(4, 20, 0.2), sampling: false, forcedToolChoice: false },
  'claude-fable-5-1': { price: price(10, 50, 0.25), sampling: false, forcedToolChoice: false },
  'claude-sonnet-5': { price: price(2, 10, 0.2), sampling: false, forcedToolChoice: true },
  'claude-opus-5': { price: price(5, 25, 0.5), sampling: false, forcedToolChoice: true },
  'claude-opus-4-8': { price: price(5, 25, 0.5), sampling: false, forcedToolChoice: true },
  'claude-opus-4-7': { price: price(5, 25, 0.5), sampling: false, forcedToolChoice: true },
  'claude-opus-4-6': { price: price(5, 25, 0.5), sampling: true, forcedToolChoice: true },
  'claude-sonnet-4-6': { price: price(3, 15, 0.3), sampling: true, forcedToolChoice: true },
  'claude-sonnet-4-5': { price: price(3, 15, 0.3), sampling: true, forcedToolChoice: true },
  'claude-haiku-4-5': { price: price(1, 5, 0.1), sampling: true, forcedToolChoice: true },
};

/** The model used when `MGE_MODEL` is not set: the current Sonnet. */
export const DEFAULT_CLAUDE_MODEL = 'claude-sonnet-5-5';

/** The known model of that id, or undefined. */
export const claudeModelOf = (id: string): ClaudeModel | undefined =>
  Object.hasOwn(claudeModels, id) ? claudeModels[id] : undefined;
