import type { DiscoveryDocument, RunRequested } from '@mge/contracts';

/** The model that turns a DiscoveryDocument into a MasterPlan. Its answer is parsed, never trusted; provider trouble is an UpstreamError. */
export interface PlannerModel {
  plan(document: DiscoveryDocument, run: RunRequested): Promise<unknown>;
}
