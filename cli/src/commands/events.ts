import { runIdArg } from '../args.js';
import { ExitCode } from '../errors.js';
import { formatEventLine, toCloudEventJson } from '../format/events.js';
import { openCliBus } from '../runtime/bus.js';
import { silentLogger } from '@mge/kit';
import type { CommandContext } from './context.js';
import { readKnownRun } from './read-run.js';

/** `mge events <runId>`: every event of the run, in order. */
export async function eventsCommand(
  runIdText: string,
  flags: { json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const runId = runIdArg(runIdText);
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const { events, invalid } = await readKnownRun(cli.bus, runId, cli.url);
    for (const event of events)
      ctx.stdout.write(`${flags.json === true ? toCloudEventJson(event) : formatEventLine(event)}\n`);
    if (invalid > 0) ctx.stderr.write(`${invalid} event(s) of this run do not parse and were left out\n`);
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}
