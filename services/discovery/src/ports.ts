import type { DiscoveryDocument } from '@mge/contracts';

/** The model that reads a plain-language request into a DiscoveryDocument. */
export interface DiscoveryModel {
  discover(request: string): Promise<DiscoveryDocument>;
}
