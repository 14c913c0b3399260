import type { CommandContext } from './context.js';
import { driveRun } from './drive-run.js';
import { requestRun } from './request-run.js';
import type { RunFlags } from './run-input.js';
import { parseRunInput } from './run-input.js';

/**
 * `mge run`: starts the services in this process, submits the request to the intake like any other
 * client, shows progress until the run completes and writes the project from the object store.
 */
export async function runCommand(
  request: string | undefined,
  flags: RunFlags,
  ctx: CommandContext,
): Promise<number> {
  const input = await parseRunInput(request, flags, ctx.config);
  const target = { logName: `run-${Date.now()}`, runId: undefined as string | undefined };
  return driveRun(ctx, target, { json: input.json, concurrency: input.concurrency }, (bus, display) =>
    requestRun(bus, ctx, input, display, (runId) => {
      target.runId = runId;
      for (const note of input.notes) ctx.stderr.write(`note: ${note}\n`);
    }),
  );
}
