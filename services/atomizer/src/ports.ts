import type { DiscoveryDocument, MasterPlan } from '@mge/contracts';

/** The model that splits one task into atoms. Its answer is parsed, never trusted. */
export interface AtomizerModel {
  atomize(document: DiscoveryDocument, plan: MasterPlan, taskId: string): Promise<unknown>;
}
