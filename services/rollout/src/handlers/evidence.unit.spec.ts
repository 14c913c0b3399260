import { describe, expect, it } from '@jest/globals';
import type { RunRequested } from '@mge/contracts';
import { isEvidence } from './run-completed.js';

const request = (extra: Partial<RunRequested>): RunRequested => ({
  runId: 'r-01JDX0000000000000000000EX',
  request: 'x',
  mode: 'v2',
  provider: 'offline',
  concurrency: 4,
  temperatures: [0.7],
  outDir: '/tmp/o',
  ...extra,
});
const assigned = (reason: 'rollout' | 'override' | 'v2-disabled') => ({
  key: 'k',
  reason,
  rolloutPercent: 50,
});

describe('what the rollout monitor counts', () => {
  it('counts runs the rollout assigned and both halves of parallel pairs', () => {
    expect(isEvidence(request({ assignment: assigned('rollout') }))).toBe(true);
    const pairing = { role: 'shadow' as const, twin: 'r-01JDX0000000000000000000EY', correlationId: 'c' };
    expect(isEvidence(request({ assignment: assigned('override'), pairing }))).toBe(true);
  });

  it('ignores a pipeline forced with --mode, V1 serving because V2 is off, and runs without an assignment', () => {
    expect(isEvidence(request({ assignment: assigned('override') }))).toBe(false);
    expect(isEvidence(request({ mode: 'v1', assignment: assigned('v2-disabled') }))).toBe(false);
    expect(isEvidence(request({}))).toBe(false);
  });
});
