import type { DiscoveryDocument, MasterPlan, RunRequested } from '@mge/contracts';

/** The model that splits one task into atoms. Its answer is parsed, never trusted; provider trouble is an UpstreamError. */
export interface AtomizerModel {
  atomize(document: DiscoveryDocument, plan: MasterPlan, taskId: string, run: RunRequested): Promise<unknown>;
}
