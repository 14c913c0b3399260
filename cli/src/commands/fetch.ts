import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openArtifactReader, silentLogger } from '@mge/kit';
import { runIdArg } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import type { CommandContext } from './context.js';

/** `mge fetch <runId> [--out DIR] [--force]`: unpacks the run's built project from the object store. */
export async function fetchCommand(
  runIdText: string,
  flags: { out?: string; force?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const runId = runIdArg(runIdText);
  const dir = resolve(flags.out ?? `out/${runId}`);
  const present = await readdir(dir).catch(() => []);
  if (present.length > 0 && flags.force !== true)
    throw new UsageError(`${dir} is not empty: choose another --out, or --force to unpack over it`);
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const unpacked = await (await openArtifactReader(cli.bus.nc)).unpack(runId, dir);
    if (unpacked === undefined) {
      ctx.stderr.write(
        `mge: run ${runId} has no stored project (unknown run, not finished, or past its retention)\n`,
      );
      return ExitCode.runFailed;
    }
    ctx.stdout.write(
      `${dir}: ${unpacked.files} files from ${unpacked.size} bytes (sha256 ${unpacked.sha256})\n`,
    );
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}
