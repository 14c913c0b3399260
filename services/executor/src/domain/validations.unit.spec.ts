import { describe, expect, it } from '@jest/globals';
import type { AtomSpec, MasterPlan, MgeEvent } from '@mge/contracts';
import { createMessage, foldRun } from '@mge/contracts';
import { milestoneDependencies, pendingValidations } from './validations.js';

const runId = 'r-01JDX0000000000000000000VA';
const time = '2026-11-25T10:00:00.000Z';
const meta = { source: 'test', time, cause: { id: 'cause', correlationId: runId } };
const stamp = (...key: (string | number)[]) => ({ source: 'test', time, key });

const task = (id: string, milestoneId: string) => ({
  id,
  milestoneId,
  file: `src/${id}.ts`,
  kind: 'source' as const,
  description: '',
  exports: [],
  dependsOn: [],
  estimatedLines: 5,
});
const plan: MasterPlan = {
  phases: [
    {
      id: 'setup',
      name: 'Setup',
      milestones: [
        {
          id: 'm-1',
          phase: 'setup',
          name: '',
          kind: 'infrastructure',
          description: '',
          dependsOn: [],
          tasks: [task('t-1', 'm-1'), task('t-2', 'm-1')],
        },
      ],
    },
    { id: 'core', name: 'Core', milestones: [] },
    { id: 'polish', name: 'Polish', milestones: [] },
  ],
};
const atom = (id: string, taskId: string): AtomSpec => ({
  id,
  taskId,
  milestoneId: 'm-1',
  file: `src/${taskId}.ts`,
  symbol: id,
  kind: 'function',
  description: '',
  needs: [],
  uses: [],
  order: 0,
  estimatedLines: 5,
  dependsOn: [],
  wave: 0,
});

const base: MgeEvent[] = [
  createMessage(
    'RunRequested',
    {
      runId,
      request: 'x',
      mode: 'v2',
      provider: 'offline',
      concurrency: 4,
      temperatures: [0.7],
      outDir: '/o',
    },
    stamp(),
  ),
  createMessage('MasterPlanCreated', { runId, plan }, stamp()),
  createMessage(
    'AtomGraphBuilt',
    { runId, atoms: [atom('a', 't-1'), atom('b', 't-1'), atom('c', 't-2')], waves: 1, edges: 0 },
    stamp(),
  ),
];
const passes = (atomId: string): MgeEvent[] => [
  createMessage(
    'AtomDispatched',
    { runId, atomId, attempt: 1, temperature: 0.7, wave: 0, feedback: [] },
    stamp(atomId),
  ),
  createMessage(
    'AtomGenerated',
    {
      runId,
      atomId,
      attempt: 1,
      temperature: 0.7,
      code: 'x',
      codeHash: 'a'.repeat(64),
      lines: 1,
      provider: 'offline',
      tokens: { input: 0, output: 0 },
      costUsd: 0,
      durationMs: 1,
    },
    stamp(atomId),
  ),
  createMessage(
    'AtomValidated',
    { runId, atomId, attempt: 1, level: 1, passed: true, errors: [], durationMs: 1 },
    stamp(atomId),
  ),
];
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
