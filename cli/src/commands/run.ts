import { ulid } from 'ulid';
import type { CommandContext } from './context.js';
import { driveRun } from './drive-run.js';
import { requestRun } from './request-run.js';
import type { RunFlags } from './run-input.js';
import { parseRunInput } from './run-input.js';

/** `mge run`: starts the services in this process, records the request, shows progress until the run completes. */
export async function runCommand(
  request: string | undefined,
  flags: RunFlags,
  ctx: CommandContext,
): Promise<number> {
  const runId = `r-${ulid()}`;
  const input = await parseRunInput(request, flags, ctx.config, runId);
  ctx.stderr.write(`mge run ${runId}\n`);
  for (const note of input.notes) ctx.stderr.write(`note: ${note}\n`);
  return driveRun(ctx, runId, { json: input.json, concurrency: input.concurrency }, (bus, display) =>
    requestRun(bus, ctx, runId, input, display),
  );
}
