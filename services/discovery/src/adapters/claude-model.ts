import type { Claude } from '@mge/provider-anthropic';
import { discoveryCall } from '@mge/provider-anthropic';
import type { DiscoveryModel } from '../ports.js';

/** Claude reads the request, answering with the record_discovery tool. */
export const claudeDiscoveryModel = (claude: Claude): DiscoveryModel => ({
  discover: (request, run) => claude.stage(run, discoveryCall(request), 'discovery'),
});
