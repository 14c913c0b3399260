import type { Claude } from '@mge/provider-anthropic';
import { planCall } from '@mge/provider-anthropic';
import type { PlannerModel } from '../ports.js';

/** Claude plans the project, answering with the record_plan tool. */
export const claudePlannerModel = (claude: Claude): PlannerModel => ({
  plan: (document, run) => claude.stage(run, planCall(document), 'plan'),
});
