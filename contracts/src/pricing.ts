import type { ProviderName } from './events/run.js';

/** Dollars per million tokens. */
export interface ModelPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
}

/**
 * What a provider's tokens cost. `simulated` is priced like a Sonnet-class model so simulated cost
 * figures have realistic magnitudes; they are labelled simulated wherever they are shown.
 */
export const priceTable: Readonly<Record<ProviderName, ModelPrice>> = {
  offline: { inputPerMTok: 0, outputPerMTok: 0 },
  simulated: { inputPerMTok: 3, outputPerMTok: 15 },
  anthropic: { inputPerMTok: 3, outputPerMTok: 15 },
};

/** The cost of a call from its token counts, rounded to a millionth of a dollar. */
export function costOf(provider: ProviderName, tokens: { input: number; output: number }): number {
  const price = priceTable[provider];
  const usd = (tokens.input * price.inputPerMTok + tokens.output * price.outputPerMTok) / 1e6;
  return Math.round(usd * 1e6) / 1e6;
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
 * cost, so a run that never dispatches beyond its budget never spends beyond it.
 */
export const atomReservationUsd = (provider: ProviderName): number =>
  costOf(provider, { input: MAX_ATOM_INPUT_TOKENS, output: MAX_ATOM_OUTPUT_TOKENS });
