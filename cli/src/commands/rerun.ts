import { resolve } from 'node:path';
import { createMessage } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { ulid } from 'ulid';
import { ExitCode, UsageError } from '../errors.js';
import type { CommandContext } from './context.js';
import { withRunEvents } from './read-run.js';
import type { RunOutcome } from './rerun-check.js';
import { differences, generatedCode } from './rerun-check.js';
import { driveRun, knownRun } from './drive-run.js';
import { followRun } from './follow-run.js';
import { deliveredSummary } from './deliver-artifact.js';

/**
 * `mge rerun <runId>`: runs the same request again as a new run whose every model call is answered
 * from the recordings of the first (no API calls, no key needed), then checks that it reproduced
 * the first run's atoms and summary.
 */
export async function rerunCommand(
  runIdText: string,
  flags: { out?: string; json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const source = await withRunEvents(runIdText, ctx, (events) => ({
    view: foldRun(runIdText, events),
    code: generatedCode(events),
  }));
  const { requested, completed } = source.view;
  if (requested === undefined)
    throw new UsageError(`run ${runIdText} has no RunRequested event to re-execute`);
  if (requested.provider !== 'anthropic')
    throw new UsageError(
      `run ${runIdText} used the ${requested.provider} provider, which records no model calls; only anthropic runs can be re-executed`,
    );
  if (completed === undefined)
    throw new UsageError(`run ${runIdText} has not completed: mge resume ${runIdText} first`);
  const runId = `r-${ulid()}`;
  const { pairing, ...same } = requested;
  // the shadow half of a pair was given its twin's document rather than discovering it: so is its rerun
  const given =
    pairing?.role === 'shadow' && source.view.document !== undefined ? { spec: source.view.document } : {};
  const data = {
    ...same,
    ...given,
    runId,
    outDir: resolve(flags.out ?? `out/${runId}`),
    rerunOf: requested.runId,
  };
  const opening = createMessage('RunRequested', data, {
    source: 'mge/cli',
    time: new Date().toISOString(),
    key: [],
  });
  ctx.stderr.write(
    `mge rerun ${runId}: re-executing ${requested.runId} from its ${source.view.modelCalls.calls} recorded model calls\n`,
  );
  let rerun: RunOutcome | undefined;
  const code = await driveRun(
    ctx,
    knownRun(runId),
    { json: flags.json === true, concurrency: requested.concurrency },
    async (bus, display) => {
      const summary = await deliveredSummary(
        bus,
        await followRun(bus, runId, [opening], display, ctx.interrupted),
        data.outDir,
      );
      if (summary !== undefined)
        rerun = { summary, code: generatedCode((await bus.store.readRun(runId)).events) };
      return summary;
    },
  );
  if (rerun === undefined) return code;
  const found = differences({ summary: completed, code: source.code }, rerun);
  if (found.length === 0) {
    ctx.stderr.write(
      `determinism: ${runId} reproduces ${requested.runId}: the same ${rerun.code.length} generated atoms and summary, ${rerun.summary.modelCalls?.requests ?? 0} API requests\n`,
    );
    return code;
  }
  ctx.stderr.write(
    `determinism: ${runId} differs from ${requested.runId}:\n${found.map((d) => `  ${d}\n`).join('')}`,
  );
  return ExitCode.runFailed;
}
