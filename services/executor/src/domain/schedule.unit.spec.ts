import { describe, expect, it } from '@jest/globals';
import type { AtomSpec, MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { atomAttempt, atomSpec } from '@mge/kit/testing';
import { createRunSchedule, schedule } from './schedule.js';

const runId = 'r-01JDX0000000000000000000EX';
const time = '2026-11-25T10:00:00.000Z';
const meta = { source: 'test', time, cause: { id: 'cause', correlationId: runId } };
const stamp = (...key: (string | number)[]) => ({ source: 'test', time, key });

const atom = (id: string, dependsOn: string[], wave: number): AtomSpec =>
  atomSpec(id, {
    taskId: `task-${id}`,
    milestoneId: 'm-1',
    file: `src/${id}.ts`,
    needs: dependsOn,
    dependsOn,
    wave,
  });

/** a → b → d, a → c: c is ready as soon as a passed, whatever b does. */
const given = (concurrency = 8, budgetUsd?: number): MgeEvent[] => [
  createMessage(
    'RunRequested',
    {
      runId,
      request: 'x',
      mode: 'v2',
      provider: 'offline',
      concurrency,
      temperatures: [0.7, 0.5, 0.3, 0.3],
      outDir: '/tmp/o',
      ...(budgetUsd === undefined ? {} : { provider: 'simulated' as const, budgetUsd }),
    },
    stamp(),
  ),
  createMessage(
    'AtomGraphBuilt',
    {
      runId,
      atoms: [atom('a', [], 0), atom('b', ['a'], 1), atom('c', ['a'], 1), atom('d', ['b'], 2)],
      waves: 3,
      edges: 3,
    },
    stamp(),
  ),
];

/** Dispatch (as the executor would have), generation and L1 of one attempt. */
const attemptOf = (atomId: string, attempt: number, passed: boolean): MgeEvent[] =>
  atomAttempt(
    runId,
    atomId,
    attempt,
    passed ? [] : [{ level: 1, code: 'syntax', message: `bad ${atomId}`, atomId }],
  );

const decide = (events: MgeEvent[]) => schedule(createRunSchedule(foldRun(runId, events)), meta);
const dispatched = (events: readonly MgeEvent[]) =>
  events
    .filter((e): e is MgeEvent<'AtomDispatched'> => e.type === 'AtomDispatched')
    .map((e) => `${e.data.atomId}#${e.data.attempt}@${e.data.temperature}`);

describe('executor schedule', () => {
  it('dispatches only atoms whose dependencies passed, with work for each', () => {
    const decision = decide(given());
    expect(dispatched(decision.events)).toEqual(['a#1@0.7']);
    expect(decision.work.map((w) => w.type)).toEqual(['GenerateAtom']);
  });

  it('dispatches a dependent the moment its last dependency passes, without waiting for the wave', () => {
    const afterA = [...given(), ...attemptOf('a', 1, true)];
    expect(dispatched(decide(afterA).events)).toEqual(['b#1@0.7', 'c#1@0.7']);
    const bRunning = [
      ...afterA,
      createMessage(
        'AtomDispatched',
        { runId, atomId: 'b', attempt: 1, temperature: 0.7, wave: 1, feedback: [] },
        stamp('b', 1),
      ),
    ];
    expect(dispatched(decide(bRunning).events)).toEqual(['c#1@0.7']);
  });

  it('keeps at most `concurrency` atoms in flight', () => {
    const afterA = [...given(1), ...attemptOf('a', 1, true)];
    expect(dispatched(decide(afterA).events)).toEqual(['b#1@0.7']);
  });

  it('retries a rejected atom at the next temperature with its errors fed back', () => {
    const decision = decide([...given(), ...attemptOf('a', 1, false)]);
    const retry = decision.events.find((e): e is MgeEvent<'AtomDispatched'> => e.type === 'AtomDispatched')!;
    expect(retry.data).toMatchObject({ atomId: 'a', attempt: 2, temperature: 0.5 });
    expect(retry.data.feedback).toEqual(['L1 syntax: bad a']);
    expect(retry.data.repair).toBe('syntax');
    expect(decision.work[0]!.data).toMatchObject({ attempt: 2, repair: 'syntax' });
  });

  it('fails an atom after its last attempt, blocks its dependents and ends the run failed with a report', () => {
    const events = [...given(), ...[1, 2, 3, 4].flatMap((n) => attemptOf('a', n, false))];
    const decision = decide(events);
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
    const types = decide(events).events.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['ReviewQueued', 'RunCompleted']);
    const queued = decide(events).events.find(
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
    const first = decide(failedRun);
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
    const next = decide([...failedRun, ...first.events, edited, validated]);
    expect(dispatched(next.events)).toEqual(['b#1@0.7', 'c#1@0.7']);
  });

  it("dispatches a reviewer's regeneration as the atom's next attempt, with the note fed back", () => {
    const events = [...given(), ...attemptOf('a', 1, true)];
    const request = createMessage(
      'AtomRegenerationRequested',
      { runId, atomId: 'a', by: 'ann', note: 'use a constant', attempt: 2 },
      stamp('a', 2),
    );
    const decision = decide([...events, request]);
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
    const retry = decide([...events, blamed]).events.find(
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
    const completed = decide([...done, l4]).events.find(
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
    const state = createRunSchedule(foldRun(runId, given()));
    expect(schedule(state, meta).events).toHaveLength(1);
    expect(schedule(state, meta)).toEqual({ events: [], work: [] });
  });

  it('after a reload, re-issues the work of an atom recorded as dispatched, under the same id', () => {
    const first = decide(given());
    const reloaded = schedule(createRunSchedule(foldRun(runId, [...given(), ...first.events])), meta);
    expect(reloaded.events).toEqual([]);
    expect(reloaded.work.map((w) => w.id)).toEqual(first.work.map((w) => w.id));
  });

  it('reserves each attempt against the budget and ends the run when the next one cannot be covered', () => {
    // The simulated provider reserves about $0.11 per attempt: $0.15 covers one at a time.
    const afterA = [...given(8, 0.15), ...attemptOf('a', 1, true)];
    const decision = decide(afterA);
    expect(dispatched(decision.events)).toEqual(['b#1@0.7']);
    const [, generated, validated] = attemptOf('b', 1, true) as [
      MgeEvent,
      MgeEvent<'AtomGenerated'>,
      MgeEvent,
    ];
    const costly = { ...generated, data: { ...generated.data, costUsd: 0.05 } };
    const stalled = decide([...afterA, ...decision.events, costly, validated]);
    expect(dispatched(stalled.events)).toEqual([]);
    const failure = stalled.events.find((e): e is MgeEvent<'StageFailed'> => e.type === 'StageFailed')!;
    expect(failure.data).toMatchObject({ stage: 'executor', code: 'budget' });
    const completed = stalled.events.find((e): e is MgeEvent<'RunCompleted'> => e.type === 'RunCompleted')!;
    expect(completed.data.summary.failure?.reason).toMatch(
      /^budget: budget \$0\.1500 reached: spent \$0\.0500/,
    );
  });

  it('with Claude, counts the recorded calls at list price against the budget, reserving at the model price', () => {
    const claudeRun = given(8, 0.07).map((e) =>
      e.type === 'RunRequested'
        ? { ...e, data: { ...e.data, provider: 'anthropic' as const, model: 'claude-haiku-4-5' } }
        : e,
    );
    const call = (purpose: 'atom' | 'atomize', subject: string, source: 'api' | 'cache', costUsd: number) =>
      createMessage(
        'ModelCallRecorded',
        {
          runId,
          purpose,
          subject,
          attempt: 1,
          requestHash: 'f'.repeat(64),
          params: {
            model: 'claude-haiku-4-5',
            maxTokens: 4096,
            temperature: 0.7,
            tool: 'write_atom',
            toolChoice: 'tool',
            stream: false,
          },
          reply: {
            toolInput: { code: 'x' },
            text: '',
            stopReason: 'tool_use',
            usage: { input: 100, output: 10, cacheWrite: 0, cacheRead: 50 },
          },
          source,
          costUsd,
          latencyMs: 1,
        },
        stamp(purpose, subject, source),
      );
    // a Haiku 4.5 attempt reserves 16384 × $1.25 + 4096 × $5 per million tokens = $0.04096
    const afterA = [
      ...claudeRun,
      call('atomize', 'task-a', 'cache', 0.02),
      call('atom', 'a', 'api', 0.005),
      ...attemptOf('a', 1, true),
    ];
    const view = foldRun(runId, afterA);
    expect(view.costUsd).toBeCloseTo(0.025, 9); // the AtomGenerated of a (cost 0) is not counted again
    expect(view.modelCalls).toMatchObject({ calls: 2, requests: 1, cacheHits: 1 });
    expect(view.tokens).toEqual({ input: 200, output: 20, cacheWrite: 0, cacheRead: 100 });
    expect(Object.fromEntries(view.taskCosts)).toEqual({ 'task-a': 0.025 });
    const decision = decide(afterA);
    // $0.045 left after $0.025 of model work (a cache hit counts as if billed, as in a rerun): one more
    expect(dispatched(decision.events)).toEqual(['b#1@0.7']);
    const stalled = decide([...afterA, ...decision.events, call('atom', 'b', 'api', 0.01)]);
    expect(dispatched(stalled.events)).toEqual([]);
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
    const refused = decide(refusal(false)).events.find((e) => e.type === 'AtomFailed');
    expect(refused?.data).toMatchObject({ atomId: 'a', attempts: 1, blocked: ['b', 'c', 'd'] });
    expect(dispatched(decide(refusal(true)).events)).toEqual(['a#2@0.5']);
  });
});
