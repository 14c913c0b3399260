// Fixtures of the schedule specs (not a spec itself: its name keeps it out of the domain code and of jest).
import type { AtomSpec, MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { atomAttempt, atomSpec } from '@mge/kit/testing';
import { decide } from './schedule.js';
import { createRunSchedule } from './schedule-state.js';

export const runId = 'r-01JDX0000000000000000000EX';
export const time = '2026-11-25T10:00:00.000Z';
export const meta = { source: 'test', time, cause: { id: 'cause', correlationId: runId } };
export const stamp = (...key: (string | number)[]) => ({ source: 'test', time, key });

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
export const given = (concurrency = 8, budgetUsd?: number): MgeEvent[] => [
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
export const attemptOf = (atomId: string, attempt: number, passed: boolean): MgeEvent[] =>
  atomAttempt(
    runId,
    atomId,
    attempt,
    passed ? [] : [{ level: 1, code: 'syntax', message: `bad ${atomId}`, atomId }],
  );

export const decideOn = (events: MgeEvent[]) => decide(createRunSchedule(foldRun(runId, events)), meta);
export const dispatched = (events: readonly MgeEvent[]) =>
  events
    .filter((e): e is MgeEvent<'AtomDispatched'> => e.type === 'AtomDispatched')
    .map((e) => `${e.data.atomId}#${e.data.attempt}@${e.data.temperature}`);
