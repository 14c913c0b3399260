import type { DiscoveryDocument, RunRequested } from '@mge/contracts';

/** The model that reads a plain-language request into a DiscoveryDocument. Throws an UpstreamError for provider trouble. */
export interface DiscoveryModel {
  discover(request: string, run: RunRequested): Promise<DiscoveryDocument>;
}
