import { discover } from '@mge/provider-offline';
import type { DiscoveryModel } from '../ports.js';

/** The rule-based, deterministic reader of requests. */
export const offlineDiscoveryModel: DiscoveryModel = {
  discover: async (request) => discover(request),
};
