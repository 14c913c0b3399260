import { describe, expect, it } from '@jest/globals';
import type { RunOutcome, Thresholds } from './window.js';
import { emptyWindow, judgeWindow, recordOutcome } from './window.js';

const t: Thresholds = { size: 10, minRuns: 4, maxGap: 0.1, maxV2FailureRate: 0.5 };
let n = 0;
const run = (pipeline: 'v1' | 'v2', succeeded: boolean): RunOutcome => ({
  runId: `r-${++n}`,
  pipeline,
  succeeded,
});
const windowOf = (outcomes: RunOutcome[], size = t.size) =>
  outcomes.reduce((w, o) => recordOutcome(w, o, size), emptyWindow);
const times = (k: number, make: () => RunOutcome) => Array.from({ length: k }, make);

describe('the rollout window', () => {
  it('does not judge V2 before it has enough runs', () => {
    const window = windowOf([...times(3, () => run('v2', false)), ...times(4, () => run('v1', true))]);
    expect(judgeWindow(window, t)).toBeUndefined();
  });

  it('rolls back when V2 succeeds less than V1 by more than the gap, with the counts as evidence', () => {
    const window = windowOf([
      ...times(4, () => run('v1', true)),
      ...times(3, () => run('v2', true)),
      run('v2', false),
    ]);
    expect(judgeWindow(window, t)).toEqual({
      window: 10,
      v1: { runs: 4, succeeded: 4, successRate: 1 },
      v2: { runs: 4, succeeded: 3, successRate: 0.75 },
      maxGap: 0.1,
      maxV2FailureRate: 0.5,
      rule: 'gap',
    });
  });

  it('keeps a healthy V2: as good as V1, or worse by no more than the gap', () => {
    const same = windowOf([...times(5, () => run('v1', true)), ...times(5, () => run('v2', true))]);
    expect(judgeWindow(same, t)).toBeUndefined();
    const close = windowOf([
      ...times(9, () => run('v1', true)),
      run('v1', false),
      ...times(9, () => run('v2', true)),
      run('v2', false),
    ]);
    expect(judgeWindow(close, t)).toBeUndefined();
  });

  it('rolls back past the failure ceiling even without V1 runs to compare', () => {
    const window = windowOf([run('v2', true), ...times(3, () => run('v2', false))]);
    expect(judgeWindow(window, t)?.rule).toBe('ceiling');
  });

  it('slides: only the latest runs of each pipeline count, and a run counts once', () => {
    const old = times(4, () => run('v2', false));
    const window = windowOf(
      [...old, ...times(4, () => run('v2', true)), ...times(4, () => run('v1', true))],
      4,
    );
    expect(window.outcomes.filter((o) => o.pipeline === 'v2').every((o) => o.succeeded)).toBe(true);
    expect(judgeWindow(window, { ...t, size: 4 })).toBeUndefined();
    const again = recordOutcome(window, window.outcomes[0]!, 4);
    expect(again).toBe(window);
  });
});
