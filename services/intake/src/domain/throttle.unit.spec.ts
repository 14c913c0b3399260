import { describe, expect, it } from '@jest/globals';
import type { RunProgress } from '@mge/contracts';
import { canonicalSubmission, idempotencyKeyOf } from './idempotency.js';
import { timing, waitFor } from './throttle.js';

const snapshot = (over: Partial<RunProgress>): RunProgress => ({
  runId: 'r-01JDX00000000000000000000A',
  mode: 'v2',
  status: 'running',
  phase: 'generating',
  unit: 'atoms',
  waves: { done: 0, total: 3 },
  atoms: { total: 10, passed: 0, inFlight: 2, failed: 0, blocked: 0 },
  retries: 0,
  tokens: { input: 0, output: 0 },
  costUsd: 0,
  elapsedMs: 0,
  seq: 10,
  at: '2026-12-05T00:00:00.000Z',
  ...over,
});
const last = { atMs: 1_000, phase: 'generating' as const, status: 'running' as const, seq: 10 };

describe('progress timing', () => {
  it.each([
    ['the first snapshot of a run', undefined, snapshot({}), 1_000, { now: true }],
    ['nothing newer than the last', last, snapshot({ seq: 10 }), 5_000, undefined],
    ['a phase change at once', last, snapshot({ seq: 11, phase: 'validating' }), 1_010, { now: true }],
    ['the end at once', last, snapshot({ seq: 11, status: 'failed' }), 1_010, { now: true }],
    ['movement within the interval later', last, snapshot({ seq: 11 }), 1_100, { now: false, delayMs: 150 }],
    ['movement after the interval at once', last, snapshot({ seq: 11 }), 1_250, { now: true }],
  ])('%s', (_name, before, next, nowMs, expected) => {
    expect(timing(before, next, nowMs, 250)).toEqual(expected);
  });
});

describe('which events wait for the next snapshot', () => {
  it('holds back moving atoms within the interval, never a phase or the end', () => {
    expect(waitFor('AtomValidated', last, 1_100, 250)).toBe(150);
    expect(waitFor('AtomValidated', last, 1_300, 250)).toBeUndefined();
    expect(waitFor('AtomValidated', undefined, 1_100, 250)).toBeUndefined();
    expect(waitFor('RunCompleted', last, 1_100, 250)).toBeUndefined();
    expect(waitFor('AtomGraphBuilt', last, 1_100, 250)).toBeUndefined();
  });
});

describe('idempotency', () => {
  const origin = { source: 'urn:a', id: 'e-1' };
  it('keys by the idempotency key, else by the CloudEvent source and id', () => {
    expect(idempotencyKeyOf({ request: 'x', idempotencyKey: 'k' }, origin)).toBe('key:k');
    expect(idempotencyKeyOf({ request: 'x' }, origin)).toBe('ce:urn:a#e-1');
  });
  it('fingerprints the same submission alike whatever its key order or key', () => {
    expect(canonicalSubmission({ request: 'x', mode: 'v1', idempotencyKey: 'a' })).toBe(
      canonicalSubmission({ mode: 'v1', request: 'x' }),
    );
    expect(canonicalSubmission({ request: 'x' })).not.toBe(canonicalSubmission({ request: 'y' }));
  });
});
