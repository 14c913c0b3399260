import type { AtomSpec, DiscoveryDocument, TokenUsage } from '@mge/contracts';

/** What a model needs to write one atom attempt. */
export interface AtomRequest {
  readonly document: DiscoveryDocument;
  readonly atom: AtomSpec;
  readonly attempt: number;
  readonly temperature: number;
  readonly feedback: readonly string[];
}

/** One atom attempt's code and what it cost. */
export interface AtomAnswer {
  readonly code: string;
  readonly tokens: TokenUsage;
  readonly costUsd: number;
}

/** The model that writes atoms. Throws an UpstreamError for provider trouble (retryable or not). */
export interface AtomModel {
  readonly name: string;
  generate(request: AtomRequest): Promise<AtomAnswer>;
}
