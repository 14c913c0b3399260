import { describe, expect, it } from '@jest/globals';
import type { MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import {
  atomAttempt,
  atomSpec,
  runRequested,
  testPlan,
  testRunId,
  testStamp,
  testTask,
} from '@mge/kit/testing';
import { milestoneDependencies, pendingValidations } from './validations.js';

const runId = testRunId();
const meta = { source: 'test', time: new Date().toISOString(), cause: { id: 'cause', correlationId: runId } };
const stamp = testStamp;

const plan = testPlan([testTask('t-1'), testTask('t-2')]);
const base: MgeEvent[] = [
  runRequested(runId, { temperatures: [0.7] }),
  createMessage('MasterPlanCreated', { runId, plan }, stamp()),
  createMessage(
    'AtomGraphBuilt',
    {
      runId,
      atoms: [
        atomSpec('a', { taskId: 't-1', milestoneId: 'm-1' }),
        atomSpec('b', { taskId: 't-1', milestoneId: 'm-1' }),
        atomSpec('c', { taskId: 't-2', milestoneId: 'm-1' }),
      ],
      waves: 1,
      edges: 0,
    },
    stamp(),
  ),
];
const passes = (atomId: string): MgeEvent[] => atomAttempt(runId, atomId);
const taskPassed = (taskId: string, revision: string) =>
  createMessage(
    'TaskValidated',
    { runId, taskId, level: 2, revision, passed: true, errors: [], blamedAtoms: [], durationMs: 1 },
    stamp(taskId),
  );
const kinds = (events: MgeEvent[]) => {
  const view = foldRun(runId, events);
  return pendingValidations(view, plan, milestoneDependencies(view), meta).map(
    (w) => `${w.type}:${w.subject}:${(w.data as { revision: string }).revision}`,
  );
};

describe('pending validations', () => {
  it('asks for L2 of a task once all its atoms passed L1, not before', () => {
    expect(kinds([...base, ...passes('a')])).toEqual([]);
    expect(kinds([...base, ...passes('a'), ...passes('b')])).toEqual(['ValidateTask:t-1:a2']);
  });

  it('asks for L3 when every task of the milestone passed L2 at its current revision, then L4', () => {
    const allPassed = [
      ...base,
      ...passes('a'),
      ...passes('b'),
      ...passes('c'),
      taskPassed('t-1', 'a2'),
      taskPassed('t-2', 'a1'),
    ];
    expect(kinds(allPassed)).toEqual(['ValidateMilestone:m-1:a3']);
    const l3 = createMessage(
      'MilestoneValidated',
      {
        runId,
        milestoneId: 'm-1',
        level: 3,
        revision: 'a3',
        passed: true,
        errors: [],
        blamedAtoms: [],
        durationMs: 1,
        tests: { passed: 1, failed: 0 },
      },
      stamp('m-1'),
    );
    expect(kinds([...allPassed, l3])).toEqual([`ValidatePlan:${runId}:a3`]);
  });
});
