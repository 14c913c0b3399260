import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import type { MgeEvent } from '@mge/contracts';
import type { RunView } from '@mge/run';
import { createMessage, streams } from '@mge/contracts';
import { foldRun } from '@mge/run';
import type { Bus } from '@mge/kit';
import type { ReviewEntry } from '@mge/review';
import { createReviewService, openKvReviewStore } from '@mge/review';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '@mge/kit';
import { runIdArg } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import type { CommandContext } from './context.js';
import { driveRun, knownRun } from './drive-run.js';
import { followRun } from './follow-run.js';

export interface ReviewFlags {
  readonly run?: string;
  readonly all?: boolean;
  readonly json?: boolean;
  readonly note?: string;
  readonly reason?: string;
  readonly file?: string;
  readonly by?: string;
}

const OPEN: ReadonlySet<string> = new Set(['pending', 'rejected']);
const PROJECTORS = ['review-projector'];

/** Runs the review projector in this process until it has applied every recorded review event, then reads the queue. */
async function caughtUpQueue(bus: Bus): Promise<ReviewEntry[]> {
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

const reviewer = (flags: ReviewFlags) => flags.by ?? `${userInfo().username}@${hostname()}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `mge review list`: what waits for a reviewer (every status with --all), least sure first. */
export async function reviewListCommand(flags: ReviewFlags, ctx: CommandContext): Promise<number> {
  const runId = flags.run === undefined ? undefined : runIdArg(flags.run);
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const entries = (await caughtUpQueue(cli.bus))
      .filter((e) => (runId === undefined || e.runId === runId) && (flags.all === true || OPEN.has(e.status)))
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

/** Finds the queue entry of an atom: in the given run, else in the newest run that queued it. */
async function entryOf(bus: Bus, atomId: string, flags: ReviewFlags): Promise<ReviewEntry> {
  const runId = flags.run === undefined ? undefined : runIdArg(flags.run);
  const found = (await caughtUpQueue(bus))
    .filter((e) => e.atomId === atomId && (runId === undefined || e.runId === runId))
    .sort((a, b) => b.runId.localeCompare(a.runId))[0];
  if (found === undefined)
    throw new UsageError(
      `${atomId} is not in the review queue${runId === undefined ? '' : ` of ${runId}`}; see mge review list`,
    );
  return found;
}

async function completedRun(bus: Bus, runId: string): Promise<RunView> {
  const { events } = await bus.store.readRun(runId);
  const view = foldRun(runId, events);
  if (view.completed === undefined)
    throw new UsageError(`run ${runId} is still going: review it once it completed`);
  return view;
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
    const base = { runId: entry.runId, atomId, by: reviewer(flags) };
    const meta = {
      source: 'mge/cli',
      time: new Date().toISOString(),
      key: [atomId, Date.now()],
      subject: atomId,
    };
    const event: MgeEvent =
      verdict === 'approve'
        ? createMessage('AtomApproved', { ...base, note: flags.note ?? '' }, meta)
        : createMessage('AtomRejected', { ...base, reason: flags.reason!.trim() }, meta);
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
  try {
    const entry = await entryOf(cli.bus, atomId, flags);
    const view = await completedRun(cli.bus, entry.runId);
    const atom = view.atoms.get(atomId)!;
    runId = view.runId;
    reopens = view.reopens + 1;
    concurrency = view.requested!.concurrency;
    const base = { runId, atomId, by: reviewer(flags), attempt: atom.attempt + 1 };
    const meta = {
      source: 'mge/cli',
      time: new Date().toISOString(),
      key: [atomId, base.attempt],
      subject: atomId,
    };
    opening =
      code === undefined
        ? createMessage('AtomRegenerationRequested', { ...base, note: flags.note ?? 'regenerate' }, meta)
        : createMessage(
            'AtomEdited',
            { ...base, code, codeHash: createHash('sha256').update(code).digest('hex') },
            meta,
          );
  } finally {
    await cli.close();
  }
  ctx.stderr.write(
    `mge review ${action} ${atomId}: reopening ${runId} (attempt ${(opening.data as { attempt: number }).attempt})\n`,
  );
  return driveRun(ctx, knownRun(runId), { json: flags.json === true, concurrency }, async (bus, display) => {
    const summary = await followRun(
      bus,
      runId,
      [opening],
      display,
      ctx.interrupted,
      (v) => v.reopens >= reopens,
    );
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
