import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { createMessage } from '@mge/contracts';
import { foldRun, pairSummary } from '@mge/run';
import { ExitCode, UsageError } from '../errors.js';
import { formatSummary } from '../format/summary.js';
import type { CommandContext } from './context.js';
import { withRunEvents } from './read-run.js';
import { driveRun, knownRun } from './drive-run.js';
import { followRun } from './follow-run.js';
import { deliveredSummary } from './deliver-artifact.js';

/**
 * `mge resume <runId>`: continues an interrupted run from its log. The services start in this process;
 * RunResumed makes the scheduler re-read the run and re-issue whatever work was lost with the old
 * processes; finished atoms keep their results (their events are in the log). Half of a parallel
 * pair resumes with its twin.
 */
export async function resumeCommand(
  runIdText: string,
  flags: { json?: boolean; out?: string },
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
  const resumed = resumedEvent(view.runId);
  const pairing = view.requested.pairing;
  const correlationId = pairing?.correlationId ?? view.runId;
  // where the project goes (a pair's: <outDir>/<pipeline>): --out, else the recorded folder, else out/<correlation id>
  const recorded = view.requested.outDir;
  const outDir = resolve(
    flags.out ??
      (recorded === undefined
        ? `out/${correlationId}`
        : pairing === undefined
          ? recorded
          : dirname(recorded)),
  );
  return driveRun(
    ctx,
    knownRun(view.runId),
    { json, concurrency: view.requested.concurrency },
    async (bus, display) => {
      if (pairing === undefined)
        return deliveredSummary(
          bus,
          await followRun(bus, view.runId, [resumed], display, ctx.interrupted),
          outDir,
        );
      // half of a parallel pair: its twin goes on too, and the summary holds both again
      const twin = foldRun(pairing.twin, (await bus.store.readRun(pairing.twin)).events);
      const twinOpenings = twin.completed === undefined ? [resumedEvent(pairing.twin)] : [];
      const followed = await Promise.all([
        followRun(bus, view.runId, [resumed], display, ctx.interrupted),
        followRun(bus, pairing.twin, twinOpenings, display, ctx.interrupted),
      ]);
      const [own, other] = await Promise.all(
        followed.map((summary) => deliveredSummary(bus, summary, join(outDir, summary?.mode ?? ''))),
      );
      if (own === undefined || other === undefined) return undefined;
      const [serving, shadow] = pairing.role === 'serving' ? [own, other] : [other, own];
      return pairSummary(serving, shadow, {
        correlationId: pairing.correlationId,
        outDir,
      });
    },
  );
}

const resumedEvent = (runId: string) =>
  createMessage(
    'RunResumed',
    { runId, by: 'mge/cli' },
    { source: 'mge/cli', time: new Date().toISOString(), key: [randomUUID()] },
  );
