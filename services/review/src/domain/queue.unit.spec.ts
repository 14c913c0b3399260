import { describe, expect, it } from '@jest/globals';
import type { Confidence, MgeEvent, ReviewItem } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { ReviewEntry } from './queue.js';
import { evolveQueue } from './queue.js';

const runId = 'r-01JDX0000000000000000000EX';
const time = '2026-11-25T10:00:00.000Z';
const stamp = (...key: (string | number)[]) => ({ source: 'test', time, key });
const confidence = (score: number): Confidence => ({
  score,
  validation: score,
  retries: 1,
  complexity: 1,
  tests: 1,
});
const item = (atomId: string, reason: ReviewItem['reason'], score = 0.3): ReviewItem => ({
  atomId,
  reason,
  confidence: confidence(score),
});
const queued = (items: ReviewItem[], n = 0) => createMessage('ReviewQueued', { runId, items }, stamp(n));
const apply = (entries: ReviewEntry[], event: MgeEvent) => {
  const byAtom = new Map(entries.map((e) => [e.atomId, e]));
  for (const changed of evolveQueue(byAtom, event as Parameters<typeof evolveQueue>[1]))
    byAtom.set(changed.atomId, changed);
  return [...byAtom.values()];
};

describe('the review queue projection', () => {
  const start = apply([], queued([item('a', 'failed', 0.1), item('b', 'low-confidence')]));

  it('adds the queued atoms as pending', () => {
    expect(start.map((e) => [e.atomId, e.reason, e.status])).toEqual([
      ['a', 'failed', 'pending'],
      ['b', 'low-confidence', 'pending'],
    ]);
  });

  it('records approvals and rejections with who, why and when', () => {
    const approved = apply(
      start,
      createMessage('AtomApproved', { runId, atomId: 'b', by: 'ann', note: 'fine' }, stamp('b')),
    );
    expect(approved.find((e) => e.atomId === 'b')).toMatchObject({
      status: 'approved',
      last: { action: 'approve', by: 'ann', note: 'fine', time },
    });
    const rejected = apply(
      start,
      createMessage('AtomRejected', { runId, atomId: 'b', by: 'bob', reason: 'no' }, stamp('b')),
    );
    expect(rejected.find((e) => e.atomId === 'b')).toMatchObject({
      status: 'rejected',
      last: { by: 'bob', note: 'no' },
    });
  });

  it('follows an edit through re-validation: fixed when the run completes without it failing, pending when it fails again', () => {
    const edit = createMessage(
      'AtomEdited',
      { runId, atomId: 'a', by: 'ann', attempt: 5, code: 'x', codeHash: '0'.repeat(64) },
      stamp('a', 5),
    );
    const editing = apply(start, edit);
    expect(editing.find((e) => e.atomId === 'a')?.status).toBe('revalidating');
    expect(
      apply(editing, queued([item('b', 'low-confidence')], 1)).find((e) => e.atomId === 'a')?.status,
    ).toBe('fixed');
    expect(apply(editing, queued([item('a', 'failed')], 1)).find((e) => e.atomId === 'a')?.status).toBe(
      'pending',
    );
  });

  it('changes nothing when an event comes twice', () => {
    const once = apply(
      start,
      createMessage('AtomApproved', { runId, atomId: 'b', by: 'ann', note: '' }, stamp('b')),
    );
    const twice = apply(
      once,
      createMessage('AtomApproved', { runId, atomId: 'b', by: 'ann', note: '' }, stamp('b')),
    );
    expect(twice).toEqual(once);
    expect(apply(start, queued([item('a', 'failed', 0.1), item('b', 'low-confidence')]))).toEqual(start);
  });
});
