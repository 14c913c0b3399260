import type { StoredEvent } from '@mge/contracts';
import { silentLogger } from '@mge/kit';
import { runIdArg } from '../args.js';
import { UsageError } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import type { CommandContext } from './context.js';

/**
 * Reads one run's events (a usage error naming the run when the log has none), hands them to `use`,
 * and lets go of the bus afterwards. `invalid` counts stored events that do not parse.
 */
export async function withRunEvents<T>(
  runIdText: string,
  ctx: CommandContext,
  use: (events: StoredEvent[], invalid: number) => T,
): Promise<T> {
  const runId = runIdArg(runIdText);
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const { events, invalid } = await cli.bus.store.readRun(runId);
    if (events.length === 0 && invalid.length === 0) {
      throw new UsageError(`no run ${runId} in the event log at ${cli.url}; see mge runs`);
    }
    return use(events, invalid.length);
  } finally {
    await cli.close();
  }
}
