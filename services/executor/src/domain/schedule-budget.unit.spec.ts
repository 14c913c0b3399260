import { describe, expect, it } from '@jest/globals';
import type { MgeEvent } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { attemptOf, decideOn, dispatched, given, runId, stamp } from './schedule-fixtures.spec.js';

describe('executor schedule: the budget', () => {
  it('reserves each attempt against the budget and ends the run when the next one cannot be covered', () => {
    // The simulated provider reserves about $0.11 per attempt: $0.15 covers one at a time.
    const afterA = [...given(8, 0.15), ...attemptOf('a', 1, true)];
    const decision = decideOn(afterA);
    expect(dispatched(decision.events)).toEqual(['b#1@0.7']);
    const [, generated, validated] = attemptOf('b', 1, true) as [
      MgeEvent,
      MgeEvent<'AtomGenerated'>,
      MgeEvent,
    ];
    const costly = { ...generated, data: { ...generated.data, costUsd: 0.05 } };
    const stalled = decideOn([...afterA, ...decision.events, costly, validated]);
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
    const decision = decideOn(afterA);
    // $0.045 left after $0.025 of model work (a cache hit counts as if billed, as in a rerun): one more
    expect(dispatched(decision.events)).toEqual(['b#1@0.7']);
    const stalled = decideOn([...afterA, ...decision.events, call('atom', 'b', 'api', 0.01)]);
    expect(dispatched(stalled.events)).toEqual([]);
  });
});
