import type { DiscoveryDocument } from '@mge/contracts';

/** The model that turns a DiscoveryDocument into a MasterPlan. Its answer is parsed, never trusted. */
export interface PlannerModel {
  plan(document: DiscoveryDocument): Promise<unknown>;
}
