import { describe, expect, it } from '@jest/globals';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { atomAttempt, atomSpec, runRequested, testRunId, testStamp } from '@mge/kit/testing';
import { isCurrent } from './current.js';

const runId = testRunId();
const graph = createMessage(
  'AtomGraphBuilt',
  { runId, atoms: [atomSpec('a', { taskId: 't-1' }), atomSpec('b', { taskId: 't-1' })], waves: 1, edges: 0 },
  testStamp(),
);
const base = [runRequested(runId), graph, ...atomAttempt(runId, 'a'), ...atomAttempt(runId, 'b')];
const taskPassed = createMessage(
  'TaskValidated',
  {
    runId,
    taskId: 't-1',
    level: 2,
    revision: 'a2',
    passed: true,
    errors: [],
    blamedAtoms: [],
    durationMs: 1,
  },
  testStamp('t-1'),
);

describe('isCurrent', () => {
  it('treats a validation as stale once its scope has a result or a newer revision', () => {
    const view = foldRun(runId, base);
    expect(isCurrent(view, { taskId: 't-1' }, 'a2')).toBe(true);
    expect(isCurrent(view, { taskId: 't-1' }, 'a1')).toBe(false);
    expect(isCurrent(foldRun(runId, [...base, taskPassed]), { taskId: 't-1' }, 'a2')).toBe(false);
  });
});
