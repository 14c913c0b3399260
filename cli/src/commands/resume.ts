import { randomUUID } from 'node:crypto';
import { createMessage, foldRun } from '@mge/contracts';
import { ExitCode, UsageError } from '../errors.js';
import { formatSummary } from '../format/summary.js';
import type { CommandContext } from './context.js';
import { withRunEvents } from './read-run.js';
import { driveRun, followRun } from './run.js';

/**
 * `mge resume <runId>`: continues an interrupted run from its log. The services start in this process;
 * RunResumed makes the scheduler re-read the run and re-issue whatever work was lost with the old
 * processes; finished atoms keep their results (their events are in the log).
 */
export async function resumeCommand(
  runIdText: string,
  flags: { json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const view = await withRunEvents(runIdText, ctx, (events) => foldRun(runIdText, events));
  const json = flags.json === true;
  if (view.completed !== undefined) {
    ctx.stderr.write(`run ${view.runId} already completed; nothing to resume\n`);
    ctx.stdout.write(json ? `${JSON.stringify(view.completed)}\n` : `${formatSummary(view.completed)}\n`);
    return view.completed.status === 'succeeded' ? ExitCode.ok : ExitCode.runFailed;
  }
  if (view.requested === undefined)
    throw new UsageError(`run ${view.runId} has no RunRequested event to resume from`);
  const done = [...view.atoms.values()].filter((a) => a.status === 'passed').length;
  ctx.stderr.write(
    `mge resume ${view.runId}: ${done}/${view.atoms.size} atoms passed before the interruption\n`,
  );
  const resumed = createMessage(
    'RunResumed',
    { runId: view.runId, by: 'mge/cli' },
    { source: 'mge/cli', time: new Date().toISOString(), key: [randomUUID()] },
  );
  return driveRun(ctx, view.runId, { json, concurrency: view.requested.concurrency }, (bus, display) =>
    followRun(bus, view.runId, [resumed], display, ctx.interrupted),
  );
}
