import type { StoredEvent } from '@mge/contracts';
import { foldRun } from '@mge/run';
import { silentLogger } from '@mge/kit';
import { ExitCode } from '../errors.js';
import { progressOf } from '@mge/run';
import { openCliBus } from '../runtime/bus.js';
import type { CommandContext } from './context.js';

interface RunRow {
  readonly runId: string;
  /** v1 or v2, with its role when it is half of a parallel pair. */
  readonly mode: string;
  readonly status: string;
  readonly requestedAt: string;
  /** Atoms passed (V2) or files written (V1), of all. */
  readonly progress: string;
  readonly request: string;
}

function rowOf(runId: string, events: readonly StoredEvent[]): RunRow {
  const view = foldRun(runId, events);
  const p = progressOf(view);
  return {
    runId,
    mode: `${view.requested?.mode ?? '?'}${view.requested?.pairing === undefined ? '' : ` ${view.requested.pairing.role}`}`,
    status: view.completed?.status ?? 'running',
    requestedAt: view.requestedAt ?? '',
    progress: `${p.passed}/${p.atoms} ${p.unit}`,
    request: view.requested?.request || '(spec)',
  };
}

/** `mge runs`: runs known to the event log, newest first, with status and progress. */
export async function runsCommand(flags: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const ids = (await cli.bus.store.listRuns()).reverse();
    const rows = await Promise.all(
      ids.map(async (id) => rowOf(id, (await cli.bus.store.readRun(id)).events)),
    );
    if (flags.json === true) {
      for (const row of rows) ctx.stdout.write(`${JSON.stringify(row)}\n`);
    } else if (rows.length === 0) {
      ctx.stderr.write('no runs yet; start one with mge run "Create a REST API for user management"\n');
    } else {
      for (const r of rows)
        ctx.stdout.write(
          `${r.runId}  ${r.mode.padEnd(10)}  ${r.status.padEnd(9)}  ${r.requestedAt.slice(0, 19)}  ${r.progress.padStart(15)}  ${r.request.slice(0, 60)}\n`,
        );
    }
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}
