import type { ProviderName } from './events/run.js';
import type { ModelPrice } from './models.js';
import { claudeModelOf, DEFAULT_CLAUDE_MODEL } from './models.js';

/** Tokens as a price applies to them: cache writes and reads are billed apart from fresh input. */
export interface BillableTokens {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite?: number | undefined;
  readonly cacheRead?: number | undefined;
}

/**
 * `simulated` is priced like a Sonnet-class model so simulated cost figures have realistic
 * magnitudes; they are labelled simulated wherever they are shown.
 */
const simulatedPrice: ModelPrice = {
  inputPerMTok: 3,
  outputPerMTok: 15,
  cacheWritePerMTok: 3.75,
  cacheReadPerMTok: 0.3,
};
const free: ModelPrice = { inputPerMTok: 0, outputPerMTok: 0, cacheWritePerMTok: 0, cacheReadPerMTok: 0 };

/** What a provider's tokens cost; for `anthropic`, the model's list price (the default model's when unknown). */
export function priceOf(provider: ProviderName, model?: string): ModelPrice {
  if (provider === 'offline') return free;
  if (provider === 'simulated') return simulatedPrice;
  return (claudeModelOf(model ?? DEFAULT_CLAUDE_MODEL) ?? claudeModelOf(DEFAULT_CLAUDE_MODEL)!).price;
}

/** Dollars rounded to a millionth. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/** The cost of a call from its token counts, rounded to a millionth of a dollar. */
export function costOf(provider: ProviderName, tokens: BillableTokens, model?: string): number {
  const price = priceOf(provider, model);
  const usd =
    (tokens.input * price.inputPerMTok +
      tokens.output * price.outputPerMTok +
      (tokens.cacheWrite ?? 0) * price.cacheWritePerMTok +
      (tokens.cacheRead ?? 0) * price.cacheReadPerMTok) /
    1e6;
  return roundUsd(usd);
}

/** How a run's cost figure was obtained. */
export const costBasisOf = (provider: ProviderName): 'free' | 'simulated' | 'billed' =>
  provider === 'offline' ? 'free' : provider === 'simulated' ? 'simulated' : 'billed';

/** Output tokens one atom attempt may use at most: the provider caps its answer here. */
export const MAX_ATOM_OUTPUT_TOKENS = 4_096;
/** Input tokens one atom attempt may use at most: the provider trims its prompt to this. */
export const MAX_ATOM_INPUT_TOKENS = 16_384;

/**
 * What is reserved from a budget before an atom attempt is dispatched: the most that attempt can
 * cost (every input token at the dearer of the fresh and the cache-write price), so a run that never
 * dispatches beyond its budget never spends beyond it.
 */
export function atomReservationUsd(provider: ProviderName, model?: string): number {
  const price = priceOf(provider, model);
  const input = MAX_ATOM_INPUT_TOKENS * Math.max(price.inputPerMTok, price.cacheWritePerMTok);
  return Math.round(input + MAX_ATOM_OUTPUT_TOKENS * price.outputPerMTok) / 1e6;
}
