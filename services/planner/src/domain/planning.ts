import type { DecisionMeta, RunView } from '@mge/run';
import type { MgeEvent } from '@mge/contracts';
import { createMessage, formatIssues, MasterPlan } from '@mge/contracts';
import { stageFailure, stopsForQuestions } from '@mge/run';
import { checkPlan } from './check-plan.js';
import { taskListCreated } from './task-list.js';

/** Whether a V2 run has a DiscoveryDocument but no plan yet. */
export const needsPlan = (view: RunView): boolean =>
  view.requested?.mode !== 'v1' &&
  view.document !== undefined &&
  view.plan === undefined &&
  view.completed === undefined &&
  !stopsForQuestions(view);

/**
 * Records the model's plan when it parses and is well formed (a V1 run gets it as a flat task
 * list); else the planner stage fails.
 */
export function decidePlan(view: RunView, answer: unknown, meta: DecisionMeta): MgeEvent[] {
  const parsed = MasterPlan.safeParse(answer);
  const problems = parsed.success ? checkPlan(parsed.data) : formatIssues(parsed.error, 'plan');
  if (!parsed.success || problems.length > 0) {
    const failure = {
      stage: 'planner' as const,
      code: 'invalid_plan',
      message: 'the plan is not valid',
      details: problems,
    };
    return stageFailure(view, failure, meta);
  }
  if (view.requested?.mode === 'v1') return taskListCreated(view, parsed.data, meta);
  return [createMessage('MasterPlanCreated', { runId: view.runId, plan: parsed.data }, { ...meta, key: [] })];
}
