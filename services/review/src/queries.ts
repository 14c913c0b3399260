import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MgeEvent } from '@mge/contracts';
import { createMessage, streams } from '@mge/contracts';
import type { RunView } from '@mge/run';
import { foldRun } from '@mge/run';
import type { Bus } from '@mge/kit';
import { IllegalStateError, silentLogger, ValidationFailure } from '@mge/kit';
import { openKvReviewStore } from './adapters/kv-store.js';
import type { ReviewEntry } from './domain/queue.js';
import { createReviewService } from './service.js';

const PROJECTORS = ['review-projector'];

/** The statuses still waiting for a reviewer. */
export const OPEN_REVIEW: ReadonlySet<string> = new Set(['pending', 'rejected']);

/** Runs the review projector here until it has applied every recorded review event, then reads the queue. */
export async function caughtUpQueue(bus: Bus): Promise<ReviewEntry[]> {
  const projector = createReviewService({ bus, logger: silentLogger() });
  await projector.start();
  try {
    for (let i = 0; i < 200; i += 1) {
      const infos = await Promise.all(PROJECTORS.map((name) => bus.jsm.consumers.info(streams.events, name)));
      if (infos.every((c) => c.num_pending === 0 && c.num_ack_pending === 0)) break;
      await sleep(50);
    }
  } finally {
    await projector.stop();
  }
  return (await openKvReviewStore(bus.nc)).all();
}

/** The queue entry of an atom: in the given run, else in the newest run that queued it. */
export async function findReviewEntry(
  bus: Bus,
  atomId: string,
  runId: string | undefined,
): Promise<ReviewEntry> {
  const found = (await caughtUpQueue(bus))
    .filter((e) => e.atomId === atomId && (runId === undefined || e.runId === runId))
    .sort((a, b) => b.runId.localeCompare(a.runId))[0];
  if (found === undefined)
    throw new ValidationFailure(
      `${atomId} is not in the review queue${runId === undefined ? '' : ` of ${runId}`}`,
      [],
      { code: 'not_found' },
    );
  return found;
}

/** The run of a queued atom, once it has completed (a reviewer works on ended runs only). */
export async function completedRun(bus: Bus, runId: string): Promise<RunView> {
  const view = foldRun(runId, (await bus.store.readRun(runId)).events);
  if (view.completed === undefined)
    throw new IllegalStateError('still_running', `run ${runId} is still going: review it once it completed`);
  return view;
}

/** What a reviewer does to a queued atom. */
export type ReviewVerdict =
  | { readonly action: 'approve'; readonly note: string }
  | { readonly action: 'reject'; readonly reason: string }
  | { readonly action: 'edit'; readonly code: string }
  | { readonly action: 'regenerate'; readonly note: string };

/**
 * The event that records a reviewer's verdict on an atom of a completed run: approval and rejection
 * change only the queue; an edit or a regeneration is a new attempt that reopens the run.
 */
export function reviewEvent(
  view: RunView,
  atomId: string,
  verdict: ReviewVerdict,
  who: { readonly by: string; readonly source: string; readonly time: string },
): MgeEvent {
  const atom = view.atoms.get(atomId);
  if (atom === undefined)
    throw new ValidationFailure(`${atomId} is not an atom of ${view.runId}`, [], { code: 'not_found' });
  const base = { runId: view.runId, atomId, by: who.by };
  const meta = (key: (string | number)[]) => ({ source: who.source, time: who.time, key, subject: atomId });
  const attempt = atom.attempt + 1;
  switch (verdict.action) {
    case 'approve':
      return createMessage(
        'AtomApproved',
        { ...base, note: verdict.note },
        meta([atomId, Date.parse(who.time)]),
      );
    case 'reject':
      return createMessage(
        'AtomRejected',
        { ...base, reason: verdict.reason },
        meta([atomId, Date.parse(who.time)]),
      );
    case 'edit':
      return createMessage(
        'AtomEdited',
        {
          ...base,
          attempt,
          code: verdict.code,
          codeHash: createHash('sha256').update(verdict.code).digest('hex'),
        },
        meta([atomId, attempt]),
      );
    case 'regenerate':
      return createMessage(
        'AtomRegenerationRequested',
        { ...base, attempt, note: verdict.note },
        meta([atomId, attempt]),
      );
  }
}
