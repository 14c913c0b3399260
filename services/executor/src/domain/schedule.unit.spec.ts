import { describe, expect, it } from '@jest/globals';
import type { MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { applyDecision, holdSchedule } from '../scheduler/apply-decision.js';
import { atomAttempt } from '@mge/kit/testing';
import { attemptOf, decideOn, dispatched, given, meta, runId, stamp } from './schedule-fixtures.spec.js';
import { decide } from './schedule.js';
import { createRunSchedule } from './schedule-state.js';

describe('executor schedule', () => {
  it('dispatches only atoms whose dependencies passed, with work for each', () => {
    const decision = decideOn(given());
    expect(dispatched(decision.events)).toEqual(['a#1@0.7']);
    expect(decision.work.map((w) => w.type)).toEqual(['GenerateAtom']);
  });

  it('dispatches a dependent the moment its last dependency passes, without waiting for the wave', () => {
    const afterA = [...given(), ...attemptOf('a', 1, true)];
    expect(dispatched(decideOn(afterA).events)).toEqual(['b#1@0.7', 'c#1@0.7']);
    const bRunning = [
      ...afterA,
      createMessage(
        'AtomDispatched',
        { runId, atomId: 'b', attempt: 1, temperature: 0.7, wave: 1, feedback: [] },
        stamp('b', 1),
      ),
    ];
    expect(dispatched(decideOn(bRunning).events)).toEqual(['c#1@0.7']);
  });

  it('keeps at most `concurrency` atoms in flight', () => {
    const afterA = [...given(1), ...attemptOf('a', 1, true)];
    expect(dispatched(decideOn(afterA).events)).toEqual(['b#1@0.7']);
  });

  it('retries a rejected atom at the next temperature with its errors fed back', () => {
    const decision = decideOn([...given(), ...attemptOf('a', 1, false)]);
    const retry = decision.events.find((e): e is MgeEvent<'AtomDispatched'> => e.type === 'AtomDispatched')!;
    expect(retry.data).toMatchObject({ atomId: 'a', attempt: 2, temperature: 0.5 });
    expect(retry.data.feedback).toEqual(['L1 syntax: bad a']);
    expect(retry.data.repair).toBe('syntax');
    expect(decision.work[0]!.data).toMatchObject({ attempt: 2, repair: 'syntax' });
  });

  it('fails an atom after its last attempt, blocks its dependents and ends the run failed with a report', () => {
    const events = [...given(), ...[1, 2, 3, 4].flatMap((n) => attemptOf('a', n, false))];
    const decision = decideOn(events);
    const failed = decision.events.find((e): e is MgeEvent<'AtomFailed'> => e.type === 'AtomFailed')!;
    expect(failed.data).toMatchObject({ atomId: 'a', attempts: 4, blocked: ['b', 'c', 'd'] });
    const completed = decision.events.find((e): e is MgeEvent<'RunCompleted'> => e.type === 'RunCompleted')!;
    expect(completed.data.summary).toMatchObject({
      status: 'failed',
      atoms: 4,
      attempts: 4,
      blockedAtoms: ['b', 'c', 'd'],
    });
    expect(completed.data.summary.failedAtoms[0]).toMatchObject({
      atomId: 'a',
      reason: 'bad a',
      blocked: ['b', 'c', 'd'],
    });
  });

  it('puts the failed atom and the least sure fifth of the others up for review before completing', () => {
    const events = [...given(), ...[1, 2, 3, 4].flatMap((n) => attemptOf('a', n, false))];
    const types = decideOn(events).events.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['ReviewQueued', 'RunCompleted']);
    const queued = decideOn(events).events.find(
      (e): e is MgeEvent<'ReviewQueued'> => e.type === 'ReviewQueued',
    )!;
    expect(queued.data.items).toEqual([
      expect.objectContaining({
        atomId: 'a',
        reason: 'failed',
        confidence: expect.objectContaining({ validation: 0, retries: 0 }),
      }),
    ]); // b, c and d are blocked: they wait for a; a fifth of 4 atoms rounds down to none
  });

  it("reopens a failed run on a reviewer's edit: the edited attempt awaits L1, the atoms it blocked go on", () => {
    const failedRun = [...given(), ...[1, 2, 3, 4].flatMap((n) => attemptOf('a', n, false))];
    const first = decideOn(failedRun);
    const code = 'export const a = 1;';
    const edited = createMessage(
      'AtomEdited',
      { runId, atomId: 'a', by: 'ann', attempt: 5, code, codeHash: 'f'.repeat(64) },
      stamp('a', 5),
    );
    const reopened = foldRun(runId, [...failedRun, ...first.events, edited]);
    expect(reopened.completed).toBeUndefined();
    expect(reopened.reopens).toBe(1);
    expect(reopened.atoms.get('a')).toMatchObject({ status: 'generated', attempt: 5, allowance: 1 });
    expect(['b', 'c', 'd'].map((id) => reopened.atoms.get(id)!.status)).toEqual([
      'waiting',
      'waiting',
      'waiting',
    ]);
    const validated = createMessage(
      'AtomValidated',
      { runId, atomId: 'a', attempt: 5, level: 1, passed: true, errors: [], durationMs: 1 },
      stamp('a', 5),
    );
    const next = decideOn([...failedRun, ...first.events, edited, validated]);
    expect(dispatched(next.events)).toEqual(['b#1@0.7', 'c#1@0.7']);
  });

  it("dispatches a reviewer's regeneration as the atom's next attempt, with the note fed back", () => {
    const events = [...given(), ...attemptOf('a', 1, true)];
    const request = createMessage(
      'AtomRegenerationRequested',
      { runId, atomId: 'a', by: 'ann', note: 'use a constant', attempt: 2 },
      stamp('a', 2),
    );
    const decision = decideOn([...events, request]);
    const again = decision.events.find((e): e is MgeEvent<'AtomDispatched'> => e.type === 'AtomDispatched')!;
    expect(again.data).toMatchObject({ atomId: 'a', attempt: 2, temperature: 0.5 });
    expect(again.data.feedback[0]).toContain('use a constant');
  });

  it('regenerates the atoms a higher level blamed', () => {
    const events = [...given(), ...attemptOf('a', 1, true)];
    const blamed = createMessage(
      'TaskValidated',
      {
        runId,
        taskId: 'task-a',
        level: 2,
        revision: 'a1',
        passed: false,
        errors: [{ level: 2, code: 'TS2322', message: 'wrong type', atomId: 'a' }],
        blamedAtoms: ['a'],
        durationMs: 1,
      },
      stamp('task-a', 'a1'),
    );
    const retry = decideOn([...events, blamed]).events.find(
      (e): e is MgeEvent<'AtomDispatched'> => e.type === 'AtomDispatched',
    )!;
    expect(retry.data).toMatchObject({
      atomId: 'a',
      attempt: 2,
      feedback: ['L2 TS2322: wrong type'],
      repair: 'type',
    });
  });

  it('completes the run when the project passed L4 at the current revision', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const tasks = ids.map((id) =>
      createMessage(
        'TaskValidated',
        {
          runId,
          taskId: `task-${id}`,
          level: 2,
          revision: 'a1',
          passed: true,
          errors: [],
          blamedAtoms: [],
          durationMs: 1,
        },
        stamp(id),
      ),
    );
    const milestone = createMessage(
      'MilestoneValidated',
      {
        runId,
        milestoneId: 'm-1',
        level: 3,
        revision: 'a4',
        passed: true,
        errors: [],
        blamedAtoms: [],
        durationMs: 1,
        tests: { passed: 3, failed: 0 },
      },
      stamp('m-1'),
    );
    const done = [...given(), ...ids.flatMap((id) => attemptOf(id, 1, true)), ...tasks, milestone];
    const l4 = createMessage(
      'MasterPlanValidated',
      {
        runId,
        level: 4,
        revision: 'a4',
        passed: true,
        errors: [],
        blamedAtoms: [],
        durationMs: 1,
        tests: { passed: 3, failed: 0 },
        smoke: { passed: true, detail: 'ok' },
        outDir: '/tmp/o',
        files: 4,
      },
      stamp('a4'),
    );
    const completed = decideOn([...done, l4]).events.find(
      (e): e is MgeEvent<'RunCompleted'> => e.type === 'RunCompleted',
    )!;
    expect(completed.data.summary).toMatchObject({
      status: 'succeeded',
      precision: 1,
      firstPassPrecision: 1,
      attempts: 4,
      tests: { passed: 3 },
    });
  });

  it('decides nothing twice: deciding again on the decided state adds nothing', () => {
    const state = holdSchedule(foldRun(runId, given()));
    const first = decide(state, meta);
    expect(first.events).toHaveLength(1);
    const again = decide(applyDecision(state, first), meta);
    expect(again.events).toEqual([]);
    expect(again.work).toEqual([]);
  });

  it('after a reload, re-issues the work of an atom recorded as dispatched, under the same id', () => {
    const first = decideOn(given());
    const reloaded = decide(createRunSchedule(foldRun(runId, [...given(), ...first.events])), meta);
    expect(reloaded.events).toEqual([]);
    expect(reloaded.work.map((w) => w.id)).toEqual(first.work.map((w) => w.id));
  });

  it('fails an atom at once when its provider refused the request, and retries one whose answer was malformed', () => {
    const refusal = (retryable: boolean) => [
      ...given(),
      atomAttempt(runId, 'a', 1)[0]!,
      createMessage(
        'AtomGenerationFailed',
        {
          runId,
          atomId: 'a',
          attempt: 1,
          reason: 'the Anthropic API refused the request (401 …)',
          retryable,
        },
        stamp('a', 1, 'failed'),
      ),
    ];
    const refused = decideOn(refusal(false)).events.find((e) => e.type === 'AtomFailed');
    expect(refused?.data).toMatchObject({ atomId: 'a', attempts: 1, blocked: ['b', 'c', 'd'] });
    expect(dispatched(decideOn(refusal(true)).events)).toEqual(['a#2@0.5']);
  });
});
