import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hostname, userInfo } from 'node:os';
import type { MgeEvent } from '@mge/contracts';
import { foldRun } from '@mge/run';
import type { Bus } from '@mge/kit';
import type { ReviewEntry } from '@mge/review';
import { caughtUpQueue, completedRun, findReviewEntry, OPEN_REVIEW, reviewEvent } from '@mge/review';
import { silentLogger } from '@mge/kit';
import { runIdArg } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import type { CommandContext } from './context.js';
import { driveRun, knownRun } from './drive-run.js';
import { followRun } from './follow-run.js';
import { deliveredSummary } from './deliver-artifact.js';

export interface ReviewFlags {
  readonly run?: string;
  readonly all?: boolean;
  readonly json?: boolean;
  readonly note?: string;
  readonly reason?: string;
  readonly file?: string;
  readonly by?: string;
  readonly out?: string;
}

const reviewer = (flags: ReviewFlags) => flags.by ?? `${userInfo().username}@${hostname()}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `mge review list`: what waits for a reviewer (every status with --all), least sure first. */
export async function reviewListCommand(flags: ReviewFlags, ctx: CommandContext): Promise<number> {
  const runId = flags.run === undefined ? undefined : runIdArg(flags.run);
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const entries = (await caughtUpQueue(cli.bus))
      .filter(
        (e) =>
          (runId === undefined || e.runId === runId) && (flags.all === true || OPEN_REVIEW.has(e.status)),
      )
      .sort((a, b) => b.runId.localeCompare(a.runId) || a.confidence.score - b.confidence.score);
    if (flags.json === true) for (const e of entries) ctx.stdout.write(`${JSON.stringify(e)}\n`);
    else if (entries.length === 0) ctx.stdout.write('nothing to review\n');
    else {
      const width = Math.max(...entries.map((e) => e.atomId.length)) + 2;
      for (const e of entries)
        ctx.stdout.write(
          `${e.runId}  ${e.atomId.padEnd(width)}${e.reason.padEnd(16)}${pct(e.confidence.score).padStart(4)}  ${e.status}\n`,
        );
    }
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}

/** The queue entry of an atom (in `--run`, else the newest run that queued it); a usage error when absent. */
async function entryOf(bus: Bus, atomId: string, flags: ReviewFlags): Promise<ReviewEntry> {
  const runId = flags.run === undefined ? undefined : runIdArg(flags.run);
  return findReviewEntry(bus, atomId, runId).catch((error: unknown) => {
    throw new UsageError(`${(error as Error).message}; see mge review list`);
  });
}

/** `mge review show <atomId>`: the entry, the confidence behind it, the atom's code and its latest errors. */
export async function reviewShowCommand(
  atomId: string,
  flags: ReviewFlags,
  ctx: CommandContext,
): Promise<number> {
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const entry = await entryOf(cli.bus, atomId, flags);
    const atom = (await completedRun(cli.bus, entry.runId)).atoms.get(atomId)!;
    if (flags.json === true) {
      ctx.stdout.write(
        `${JSON.stringify({ ...entry, atom: { status: atom.status, attempt: atom.attempt, code: atom.code, errors: atom.errors } })}\n`,
      );
      return ExitCode.ok;
    }
    const c = entry.confidence;
    const lines = [
      `${atomId} in ${entry.runId}: ${entry.status} (${entry.reason})`,
      `  confidence  ${pct(c.score)} = 40% validation ${pct(c.validation)} + 30% retries ${pct(c.retries)} + 20% complexity ${pct(c.complexity)} + 10% tests ${pct(c.tests)}`,
      `  atom        ${atom.spec.kind} ${atom.spec.symbol} in ${atom.spec.file}, ${atom.status} after ${atom.attempt} attempt(s)`,
      ...(entry.last === undefined
        ? []
        : [`  last        ${entry.last.action} by ${entry.last.by}: ${entry.last.note}`]),
      ...atom.errors
        .slice(0, 5)
        .map((e) => `  error       L${e.level} ${e.code}: ${e.message.slice(0, 300)}`),
      '',
      atom.code ?? '(no code)',
    ];
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}

/** `mge review approve|reject <atomId>`: records the reviewer's verdict. */
export async function reviewVerdictCommand(
  verdict: 'approve' | 'reject',
  atomId: string,
  flags: ReviewFlags,
  ctx: CommandContext,
): Promise<number> {
  if (verdict === 'reject' && (flags.reason ?? '').trim() === '')
    throw new UsageError('--reason: say why the atom is rejected');
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const entry = await entryOf(cli.bus, atomId, flags);
    const view = await cli.bus.views.load(entry.runId);
    const event = reviewEvent(
      view,
      atomId,
      verdict === 'approve'
        ? { action: 'approve', note: flags.note ?? '' }
        : { action: 'reject', reason: flags.reason!.trim() },
      { by: reviewer(flags), source: 'mge/cli', time: new Date().toISOString() },
    );
    await cli.bus.store.append([event]);
    ctx.stdout.write(`${atomId} in ${entry.runId}: ${verdict === 'approve' ? 'approved' : 'rejected'}\n`);
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}

/**
 * `mge review edit <atomId> --file F` / `mge review regenerate <atomId>`: a new attempt of the atom (the
 * reviewer's code, or the model's with the note fed back) in the same run, which reopens; the services
 * run here until it has validated the atom and everything that depends on it, and completed again.
 */
export async function reviewRedoCommand(
  action: 'edit' | 'regenerate',
  atomId: string,
  flags: ReviewFlags,
  ctx: CommandContext,
): Promise<number> {
  const code = action === 'edit' ? await readEdit(flags.file) : undefined;
  const cli = await openCliBus(ctx.config, silentLogger());
  let runId: string;
  let opening: MgeEvent;
  let reopens: number;
  let concurrency: number;
  let recordedOut: string | undefined;
  try {
    const entry = await entryOf(cli.bus, atomId, flags);
    const view = await completedRun(cli.bus, entry.runId);
    runId = view.runId;
    reopens = view.reopens + 1;
    concurrency = view.requested!.concurrency;
    recordedOut = view.requested!.outDir;
    opening = reviewEvent(
      view,
      atomId,
      code === undefined
        ? { action: 'regenerate', note: flags.note ?? 'regenerate' }
        : { action: 'edit', code },
      { by: reviewer(flags), source: 'mge/cli', time: new Date().toISOString() },
    );
  } finally {
    await cli.close();
  }
  ctx.stderr.write(
    `mge review ${action} ${atomId}: reopening ${runId} (attempt ${(opening.data as { attempt: number }).attempt})\n`,
  );
  const outDir = resolve(flags.out ?? recordedOut ?? `out/${runId}`);
  return driveRun(ctx, knownRun(runId), { json: flags.json === true, concurrency }, async (bus, display) => {
    const followed = await followRun(
      bus,
      runId,
      [opening],
      display,
      ctx.interrupted,
      (v) => v.reopens >= reopens,
    );
    const summary = await deliveredSummary(bus, followed, outDir);
    if (summary !== undefined && flags.json !== true) {
      const atom = foldRun(runId, (await bus.store.readRun(runId)).events).atoms.get(atomId)!;
      ctx.stderr.write(`${atomId}: ${atom.status} after attempt ${atom.attempt}\n`);
    }
    return summary;
  });
}

async function readEdit(file: string | undefined): Promise<string> {
  if (file === undefined) throw new UsageError('--file: give the file holding the atom’s new code');
  const code = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--file: cannot read ${file}: ${error.code ?? error.message}`);
  });
  if (code.trim() === '') throw new UsageError(`--file: ${file} is empty`);
  return code;
}
