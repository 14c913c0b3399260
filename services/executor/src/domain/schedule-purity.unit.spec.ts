import { describe, expect, it } from '@jest/globals';
import type { EventData, MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { atomAttempt, atomSpec, runRequested, testPlan, testTask } from '@mge/kit/testing';
import type { Decision, RunSchedule } from './schedule-state.js';
import { decide } from './schedule.js';

const runId = 'r-01JDX0000000000000000000PU';
const time = '2026-11-25T10:00:00.000Z';
const stamp = (...key: (string | number)[]) => ({ source: 'test', time, key });

/** Freezes a value and everything it holds, Map and Set entries included. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) for (const [k, v] of value) [k, v].forEach(deepFreeze);
  else if (value instanceof Set) for (const v of value) deepFreeze(v);
  else for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

/**
 * Folds the log so far as the scheduler would, decides on a frozen state and meta, and checks that
 * neither changed (a frozen Map or Set can still be written to, so they are compared with a clone).
 */
function decideFrozen(log: readonly MgeEvent[], held: Decision | undefined): Decision {
  const state: RunSchedule = {
    view: foldRun(runId, log),
    issued: new Set(issuedIds),
    reissued: held?.reissued ?? false,
    milestoneDeps: held?.milestoneDeps,
  };
  const cause = log[log.length - 1] ?? { id: 'none', correlationId: runId };
  const meta = { source: 'test', time, cause: { id: cause.id, correlationId: cause.correlationId } };
  const before = structuredClone({ state, meta });
  const decision = decide(deepFreeze(state), deepFreeze(meta));
  expect({ state, meta }).toEqual(before);
  for (const work of decision.work) issuedIds.add(work.id);
  return decision;
}

let issuedIds = new Set<string>();

/** Decides after each batch, feeding the decided events back as the log would; returns every decision. */
function drive(batches: readonly (readonly MgeEvent[])[]): Decision[] {
  issuedIds = new Set();
  const log: MgeEvent[] = [];
  const decisions: Decision[] = [];
  for (const batch of batches) {
    log.push(...batch);
    const decision = decideFrozen(log, decisions[decisions.length - 1]);
    log.push(...decision.events);
    decisions.push(decision);
  }
  return decisions;
}

const typesOf = (decisions: readonly Decision[]) => [
  ...new Set(decisions.flatMap((d) => [...d.events, ...d.work].map((m) => m.type))),
];
const rejected = (atomId: string, attempt: number) =>
  atomAttempt(runId, atomId, attempt, [{ level: 1, code: 'syntax', message: `bad ${atomId}`, atomId }]).slice(
    1,
  );
const passed = (atomId: string, attempt: number) => atomAttempt(runId, atomId, attempt).slice(1);

describe('the scheduler decider is pure', () => {
  it('when a V2 run dispatches, retries, validates, fails an atom, completes and is reopened, then no decision changes its input', () => {
    const ids = ['a', 'b', 'c'];
    const tasks = ids.map((id) => testTask(`task-${id}`));
    const opening = [
      runRequested(runId, { concurrency: 2 }),
      createMessage('MasterPlanCreated', { runId, plan: testPlan(tasks) }, stamp()),
      createMessage(
        'AtomGraphBuilt',
        {
          runId,
          atoms: [
            atomSpec('a', { taskId: 'task-a', milestoneId: 'm-1' }),
            atomSpec('b', { taskId: 'task-b', milestoneId: 'm-1', dependsOn: ['a'], wave: 1 }),
            atomSpec('c', { taskId: 'task-c', milestoneId: 'm-1', dependsOn: ['a'], wave: 1 }),
          ],
          waves: 2,
          edges: 2,
        },
        stamp(),
      ),
    ];
    const taskPassed = (id: string): MgeEvent => {
      const data = { runId, taskId: `task-${id}`, level: 2 as const, revision: 'a1' };
      const verdict = { passed: true, errors: [], blamedAtoms: [], durationMs: 1 };
      return createMessage('TaskValidated', { ...data, ...verdict }, stamp(id));
    };
    const regenerate = createMessage(
      'AtomRegenerationRequested',
      { runId, atomId: 'b', by: 'ann', note: 'again', attempt: 5 },
      stamp('b', 5),
    );
    const decisions = drive([
      opening,
      rejected('a', 1),
      passed('a', 2),
      [...passed('c', 1), taskPassed('c')],
      rejected('b', 1),
      rejected('b', 2),
      rejected('b', 3),
      rejected('b', 4),
      [regenerate],
    ]);
    expect(typesOf(decisions)).toEqual(
      expect.arrayContaining([
        'AtomDispatched',
        'GenerateAtom',
        'ValidateTask',
        'AtomFailed',
        'ReviewQueued',
        'RunCompleted',
      ]),
    );
    expect(decisions[decisions.length - 1]?.events.map((e) => e.type)).toEqual(['AtomDispatched']);
  });

  it('when a run stops at its budget, then the decision changes nothing it was given', () => {
    const opening = [
      runRequested(runId, { provider: 'simulated', budgetUsd: 0.15 }),
      createMessage(
        'AtomGraphBuilt',
        { runId, atoms: [atomSpec('a'), atomSpec('b', { dependsOn: ['a'], wave: 1 })], waves: 2, edges: 1 },
        stamp(),
      ),
    ];
    const [generated, validated] = passed('a', 1) as [MgeEvent<'AtomGenerated'>, MgeEvent];
    const pricey = { ...generated, data: { ...generated.data, costUsd: 0.2 } };
    const decisions = drive([opening, [pricey, validated]]);
    expect(typesOf(decisions)).toEqual(expect.arrayContaining(['StageFailed', 'RunCompleted']));
  });

  it('when a V1 run writes its files one by one, is checked and completes, then no decision changes its input', () => {
    const tasks = [testTask('one'), testTask('two')];
    const file = (taskId: string): MgeEvent => {
      const data: EventData<'FileGenerated'> = {
        runId,
        taskId,
        file: `src/${taskId}.ts`,
        temperature: 0.7,
        code: 'export {};',
        codeHash: 'a'.repeat(64),
        lines: 1,
        provider: 'offline',
        tokens: { input: 1, output: 1 },
        costUsd: 0,
        durationMs: 1,
      };
      return createMessage('FileGenerated', data, stamp(taskId));
    };
    const checked = createMessage(
      'ProjectValidated',
      {
        runId,
        passed: true,
        errors: [],
        failedTasks: [],
        tests: { passed: 1, failed: 0 },
        smoke: { passed: true, detail: 'ok' },
        outDir: '/tmp/o',
        files: 2,
        durationMs: 1,
      },
      stamp(),
    );
    const decisions = drive([
      [runRequested(runId, { mode: 'v1' }), createMessage('TaskListCreated', { runId, tasks }, stamp())],
      [file('one')],
      [file('two')],
      [checked],
    ]);
    expect(decisions.map((d) => [...d.events, ...d.work].map((m) => m.type))).toEqual([
      ['GenerateFile'],
      ['GenerateFile'],
      ['ValidateProject'],
      ['RunCompleted'],
    ]);
  });
});
