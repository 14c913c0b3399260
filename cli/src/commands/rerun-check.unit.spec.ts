import { describe, expect, it } from '@jest/globals';
import type { RunSummary } from '@mge/contracts';
import { differences } from './rerun-check.js';

const summary = (over: Partial<RunSummary>): RunSummary =>
  ({ runId: 'r-1', outDir: '/a', durationMs: 10, atoms: 3, costUsd: 0.5, ...over }) as RunSummary;

describe('a rerun compared with the run it re-executed', () => {
  it('ignores ids, folders, duration and where the answers came from', () => {
    const source = { summary: summary({}), code: ['a-1#1 abc'] };
    const rerun = {
      summary: summary({
        runId: 'r-2',
        outDir: '/b',
        durationMs: 99,
        modelCalls: { calls: 1, requests: 0, cacheHits: 0, replayed: 1, billedUsd: 0, savedUsd: 0.5 },
      }),
      code: ['a-1#1 abc'],
    };
    expect(differences(source, rerun)).toEqual([]);
  });

  it('names every summary field and atom whose code differs', () => {
    const source = { summary: summary({}), code: ['a-1#1 abc', 'a-2#1 def'] };
    const rerun = { summary: summary({ atoms: 4 }), code: ['a-1#1 abc', 'a-2#1 fed'] };
    expect(differences(source, rerun)).toEqual([
      'summary.atoms: 3 → 4',
      'code of a-2#1 def not reproduced',
      'code of a-2#1 fed is new',
    ]);
  });
});
