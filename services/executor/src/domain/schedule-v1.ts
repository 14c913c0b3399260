import type { DecisionMeta } from '@mge/run';
import type { MgeEvent, WorkItem } from '@mge/contracts';
import { applyEvent, runCompleted } from '@mge/run';
import { createMessage } from '@mge/contracts';
import type { Decision, RunSchedule } from './schedule.js';

/**
 * V1 as a pure decider: one file at a time in the task list's order (the next only once the previous
 * is written), one attempt each at the first temperature, then one check of the whole project,
 * then the run completes. Work is keyed by task, so a re-issued item is the same message.
 */
export function scheduleV1(state: RunSchedule, meta: DecisionMeta): Decision {
  const { view } = state;
  const v1 = view.v1;
  const decision: Decision = { events: [], work: [] };
  if (view.requested === undefined || view.completed !== undefined || v1 === undefined) return decision;
  const issue = (work: WorkItem) => {
    if (state.issued.has(work.id)) return;
    state.issued.add(work.id);
    decision.work.push(work);
  };
  if (v1.result !== undefined) {
    const completed: MgeEvent = runCompleted(view, meta);
    applyEvent(view, completed);
    decision.events.push(completed);
    return decision;
  }
  const next = v1.tasks.find((task) => !v1.files.has(task.id));
  const runId = view.runId;
  if (next !== undefined) {
    const data = { runId, taskId: next.id, temperature: view.requested.temperatures[0]! };
    issue(createMessage('GenerateFile', data, { ...meta, key: [next.id], subject: next.id }));
  } else {
    issue(createMessage('ValidateProject', { runId }, { ...meta, key: [] }));
  }
  return decision;
}
