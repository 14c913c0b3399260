import { Command, CommanderError } from 'commander';
import { benchCommand } from './commands/bench.js';
import { eventsCommand } from './commands/events.js';
import type { CommandContext } from './commands/context.js';
import { replayCommand } from './commands/replay.js';
import { runCommand } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { serveCommand } from './commands/serve.js';
import { ExitCode, UsageError } from './errors.js';

/** The `mge` command line; resolves with the exit code of the command it ran. */
export async function runCli(argv: readonly string[], ctx: CommandContext): Promise<number> {
  let code: number = ExitCode.ok;
  const program = new Command('mge')
    .description('MGE turns a plain-language request into a working, tested TypeScript backend.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true);
  program
    .command('run')
    .argument('[request]', 'what to build, in plain English')
    .description('run the pipeline with live progress on stderr')
    .option('--spec <file>', 'a DiscoveryDocument (JSON) instead of plain English')
    .option('--out <dir>', 'where to write the project (default ./out/<runId>)')
    .option('--mode <mode>', 'v2 | v1 | parallel', 'v2')
    .option('--provider <name>', 'offline | simulated | anthropic')
    .option('--concurrency <n>', 'atoms in flight at once', '16')
    .option('--fault-rate <f>', 'simulated provider: fault rate 0..1')
    .option('--seed <n>', 'simulated provider: seed')
    .option('--json', 'print one summary object as the last line of stdout')
    .action(async (request: string | undefined, flags: Record<string, string>) => {
      code = await runCommand(request, flags, ctx);
    });
  program
    .command('runs')
    .description('runs known to the event log, newest first')
    .option('--json', 'one JSON object per line')
    .action(async (flags: { json?: boolean }) => {
      code = await runsCommand(flags, ctx);
    });
  program
    .command('events')
    .argument('<runId>')
    .description("the run's events in order")
    .option('--json', 'one CloudEvent per line, data inline')
    .action(async (runId: string, flags: { json?: boolean }) => {
      code = await eventsCommand(runId, flags, ctx);
    });
  program
    .command('replay')
    .argument('<runId>')
    .description('rebuild the run from its log and check it against the recorded summary')
    .option('--json', 'print the rebuilt summary as JSON')
    .action(async (runId: string, flags: { json?: boolean }) => {
      code = await replayCommand(runId, flags, ctx);
    });
  program
    .command('serve')
    .description('run services against NATS_URL (all by default)')
    .option('--services <list>', 'comma-separated: discovery,planner,atomizer,executor,validator')
    .option('--concurrency <n>', 'atom generations at once in this process', '16')
    .action(async (flags: { services?: string; concurrency?: string }) => {
      code = await serveCommand(flags, ctx);
    });
  program
    .command('bench')
    .argument('[request]', 'what to build', 'Create a REST API for user management')
    .description('run a request several times and print the wall time of each phase')
    .option('--runs <n>', 'how many runs', '3')
    .option('--json', 'print the figures as JSON')
    .action(async (request: string, flags: { runs?: string; json?: boolean }) => {
      code = await benchCommand(request, flags, ctx);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return ExitCode.ok; // --help, --version
    throw new UsageError(error.message.replace(/^error: /, ''));
  }
  return code;
}
