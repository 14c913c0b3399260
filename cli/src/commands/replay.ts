import { isDeepStrictEqual } from 'node:util';
import type { RunSummary } from '@mge/contracts';
import { foldRun, summarizeRun } from '@mge/run';
import { ExitCode } from '../errors.js';
import { formatSummary } from '../format/summary.js';
import type { CommandContext } from './context.js';
import { withRunEvents } from './read-run.js';

/** The top-level fields where two summaries differ. */
const differences = (a: RunSummary, b: RunSummary): string[] =>
  (Object.keys(a) as (keyof RunSummary)[]).filter((k) => !isDeepStrictEqual(a[k], b[k]));

/** `mge replay <runId>`: folds the log alone into the run's summary and checks it against the recorded one. */
export async function replayCommand(
  runIdText: string,
  flags: { json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  return withRunEvents(runIdText, ctx, (events) => {
    const started = performance.now();
    // The summary was made from what was stored before RunCompleted; results arriving later are not in it.
    // A run a reviewer reopened completed again: its latest completion is the one to check.
    const end = events.findLastIndex((e) => e.type === 'RunCompleted');
    const view = foldRun(runIdText, end < 0 ? events : events.slice(0, end));
    const completed = end < 0 ? undefined : events[end];
    const rebuilt = summarizeRun(view, completed?.time ?? new Date().toISOString());
    const ms = (performance.now() - started).toFixed(1);
    ctx.stdout.write(flags.json === true ? `${JSON.stringify(rebuilt)}\n` : `${formatSummary(rebuilt)}\n`);
    if (completed?.type !== 'RunCompleted') {
      ctx.stderr.write(
        `replayed ${events.length} events in ${ms} ms; the run has not completed, so there is nothing to compare with\n`,
      );
      return ExitCode.runFailed;
    }
    const diff = differences(completed.data.summary, rebuilt);
    if (diff.length > 0) {
      ctx.stderr.write(`replay differs from the recorded summary in: ${diff.join(', ')}\n`);
      return ExitCode.runFailed;
    }
    ctx.stderr.write(`replayed ${events.length} events in ${ms} ms: the summary matches the recorded one\n`);
    return ExitCode.ok;
  });
}
