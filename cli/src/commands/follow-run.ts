import type { Envelope, ParallelSummary, RunSummary, StageFailed } from '@mge/contracts';
import type { RunView } from '@mge/run';
import { applyEvent, createRunView } from '@mge/run';
import type { Bus } from '@mge/kit';
import { isStoredEvent } from '@mge/kit';
import type { ProgressDisplay } from '../progress/display.js';
import { progressOf } from '@mge/run';

/** What a driven run ends with: its summary, a pair's summary, or nothing when interrupted. */
export type Outcome = RunSummary | ParallelSummary | undefined;

/**
 * Records `openings` (RunRequested, RunResumed, a reviewer's edit; when given) and follows the run's
 * events from its start, showing progress, until it completes (once `done` holds too: a reopened run
 * completes again) or is interrupted.
 */
export async function followRun(
  bus: Bus,
  runId: string,
  openings: readonly Envelope[],
  display: ProgressDisplay,
  interrupted: AbortSignal,
  done: (view: RunView) => boolean = () => true,
): Promise<RunSummary | undefined> {
  const view: RunView = createRunView(runId);
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  interrupted.addEventListener('abort', onInterrupt, { once: true });
  try {
    const events = bus.store.followRun(runId, { signal: stop.signal });
    await bus.store.append(openings);
    for await (const item of events) {
      if (!isStoredEvent(item)) continue;
      applyEvent(view, item);
      display.show(progressOf(view));
      if (item.type === 'MessageRejected')
        display.note(`warning: ${item.data.service} rejected a message: ${item.data.reason}`);
      if (item.type === 'StageFailed') display.note(stageFailedNote(view, item.data));
      if (view.completed !== undefined && done(view)) return view.completed;
    }
    return undefined;
  } finally {
    interrupted.removeEventListener('abort', onInterrupt);
  }
}

const stageFailedNote = (view: RunView, failure: StageFailed): string =>
  [
    `${view.requested?.pairing === undefined ? '' : `${view.requested.mode}: `}${failure.stage} failed: ${failure.message}`,
    ...failure.details.slice(0, 10).map((d) => `  ${d}`),
  ].join('\n');
