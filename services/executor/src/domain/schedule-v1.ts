import type { DecisionMeta } from '@mge/run';
import { runCompleted } from '@mge/run';
import { createMessage } from '@mge/contracts';
import type { Decision, RunSchedule } from './schedule-state.js';
import { decided, issue, nothingDecided, record, startDraft } from './schedule-state.js';

/**
 * V1 as a pure decider: one file at a time in the task list's order (the next only once the previous
 * is written), one attempt each at the first temperature, then one check of the whole project,
 * then the run completes. Work is keyed by task, so a re-issued item is the same message. Neither
 * `state` nor `meta` is changed.
 */
export function decideV1(state: RunSchedule, meta: DecisionMeta): Decision {
  const { view } = state;
  const v1 = view.v1;
  if (view.requested === undefined || view.completed !== undefined || v1 === undefined)
    return nothingDecided(state);
  const draft = startDraft(state);
  if (v1.result !== undefined) {
    record(draft, runCompleted(draft.view, meta));
    return decided(draft, state);
  }
  const next = v1.tasks.find((task) => !v1.files.has(task.id));
  const runId = view.runId;
  const [temperature] = view.requested.temperatures; // RunRequested's schema requires one
  if (next === undefined) {
    issue(draft, createMessage('ValidateProject', { runId }, { ...meta, key: [] }));
  } else if (temperature !== undefined) {
    const data = { runId, taskId: next.id, temperature };
    issue(draft, createMessage('GenerateFile', data, { ...meta, key: [next.id], subject: next.id }));
  }
  return decided(draft, state);
}
