import { planProject } from '@mge/provider-offline';
import type { PlannerModel } from '../ports.js';

/** Plans from templates: phases, one milestone per entity, one task per file. */
export const offlinePlannerModel: PlannerModel = {
  plan: async (document) => planProject(document),
};
