import { ExitCode } from '../errors.js';
import { formatEventLine, toCloudEventJson } from '../format/events.js';
import type { CommandContext } from './context.js';
import { withRunEvents } from './read-run.js';

/** `mge events <runId>`: every event of the run, in order. */
export async function eventsCommand(
  runIdText: string,
  flags: { json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  return withRunEvents(runIdText, ctx, (events, invalid) => {
    const format = flags.json === true ? toCloudEventJson : formatEventLine;
    for (const event of events) ctx.stdout.write(`${format(event)}\n`);
    if (invalid > 0) ctx.stderr.write(`${invalid} event(s) of this run do not parse and were left out\n`);
    return ExitCode.ok;
  });
}
