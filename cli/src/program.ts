import { Command, CommanderError } from 'commander';
import type { BenchFlags } from './commands/bench.js';
import { benchCommand } from './commands/bench.js';
import type { CompareFlags } from './commands/compare.js';
import { compareCommand } from './commands/compare.js';
import type { DiscoveryEvalFlags } from './commands/discovery-eval.js';
import { discoveryEvalCommand } from './commands/discovery-eval.js';
import { eventsCommand } from './commands/events.js';
import { fetchCommand } from './commands/fetch.js';
import { flagsGetCommand, flagsSetCommand } from './commands/flags.js';
import type { CommandContext } from './commands/context.js';
import { resumeCommand } from './commands/resume.js';
import { replayCommand } from './commands/replay.js';
import { rerunCommand } from './commands/rerun.js';
import type { ReviewFlags } from './commands/review.js';
import {
  reviewListCommand,
  reviewRedoCommand,
  reviewShowCommand,
  reviewVerdictCommand,
} from './commands/review.js';
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
    .option('--mode <mode>', 'v2 | v1 | parallel (default: the V2 rollout decides)')
    .option('--user <key>', 'assignment key for the rollout (the same key always gets the same pipeline)')
    .option('--tenant <key>', 'assignment key for the rollout, when no --user is given')
    .option('--idempotency-key <key>', 'the same key again gives the same run, and starts nothing new')
    .option('--provider <name>', 'offline | simulated | anthropic')
    .option('--concurrency <n>', 'atoms in flight at once', '16')
    .option('--fault-rate <f>', 'simulated provider: fault rate 0..1')
    .option('--seed <n>', 'simulated provider: seed')
    .option(
      '--latency-ms <ms>',
      'simulated provider: mean latency of a 10-line atom (default MGE_SIM_LATENCY_MS)',
    )
    .option('--fail-atom <id...>', 'simulated provider: atoms whose every attempt is faulty')
    .option('--temperatures <list>', 'one temperature per attempt', '0.7,0.5,0.3,0.3')
    .option('--budget-usd <usd>', 'stop dispatching before the reserved cost would pass this')
    .option('--no-cache', 'anthropic: send every model call to the API, even one answered before')
    .option('--strict', 'stop before planning (exit 2) when discovery has open questions')
    .option('--json', 'print one summary object as the last line of stdout')
    .action(async (request: string | undefined, flags: Record<string, string>) => {
      code = await runCommand(request, flags, ctx);
    });
  program
    .command('discovery')
    .description('how well requests are read')
    .command('eval')
    .description('offline discovery on the labelled corpus: precision, recall and F1, and the worst readings')
    .option('--corpus <dir>', 'a folder of labelled .yaml files (default: the shipped corpus)')
    .option('--worst <n>', 'how many of the worst readings to list', '10')
    .option('--json', 'print one result object')
    .action(async (flags: DiscoveryEvalFlags) => {
      code = await discoveryEvalCommand(flags, ctx);
    });
  program
    .command('rerun')
    .argument('<runId>')
    .description(
      're-execute an anthropic run from its recorded model calls (no API calls) and check it reproduces',
    )
    .option('--out <dir>', 'where to write the project (default ./out/<newRunId>)')
    .option('--json', 'print one summary object as the last line of stdout')
    .action(async (runId: string, flags: { out?: string; json?: boolean }) => {
      code = await rerunCommand(runId, flags, ctx);
    });
  program
    .command('compare')
    .argument('[request]', 'what to build, in plain English')
    .description('V1 against V2 on the same input: N parallel-mode runs, with statistics')
    .option('--runs <n>', 'pairs of runs', '5')
    .option('--spec <file>', 'a DiscoveryDocument (JSON) instead of plain English')
    .option('--out <dir>', 'where to write the projects (default ./out/<compareId>)')
    .option('--provider <name>', 'offline | simulated | anthropic')
    .option('--concurrency <n>', 'V2 atoms in flight at once', '16')
    .option('--fault-rate <f>', 'simulated provider: fault rate 0..1')
    .option('--seed <n>', "simulated provider: the seed each pair's seed is derived from")
    .option('--latency-ms <ms>', `simulated provider: mean latency of 10 lines (default 200)`)
    .option('--fail-atom <id...>', 'simulated provider: V2 atoms whose every attempt is faulty')
    .option('--temperatures <list>', 'one temperature per attempt', '0.7,0.5,0.3,0.3')
    .option('--json', 'print the figures as one JSON object')
    .action(async (request: string | undefined, flags: CompareFlags) => {
      code = await compareCommand(request, flags, ctx);
    });
  const flagsCommand = program.command('flags').description('the V2 flags: on/off and rollout percentage');
  flagsCommand
    .command('get')
    .description('the flags in force and their latest changes')
    .option('--json', 'one JSON object')
    .action(async (flags: { json?: boolean }) => {
      code = await flagsGetCommand(flags, ctx);
    });
  flagsCommand
    .command('set')
    .argument('<flag>', 'v2.enabled | v2.rollout')
    .argument('<value>', 'true/false, or a percentage 0–100')
    .requiredOption('--reason <text>', 'why (recorded with the change)')
    .option('--by <name>', 'who (default user@host)')
    .action(async (flag: string, value: string, flags: { reason?: string; by?: string }) => {
      code = await flagsSetCommand(flag, value, flags, ctx);
    });
  const review = program.command('review').description('the review queue: failed and least sure atoms');
  review
    .command('list')
    .description('atoms waiting for a reviewer, least sure first')
    .option('--run <runId>', 'only this run')
    .option('--all', 'every status, not only pending and rejected')
    .option('--json', 'one JSON object per line')
    .action(async (flags: ReviewFlags) => {
      code = await reviewListCommand(flags, ctx);
    });
  review
    .command('show')
    .argument('<atomId>')
    .description("an atom's confidence, code and errors")
    .option('--run <runId>', 'the run (default: the newest that queued the atom)')
    .option('--json', 'one JSON object')
    .action(async (atomId: string, flags: ReviewFlags) => {
      code = await reviewShowCommand(atomId, flags, ctx);
    });
  for (const verdict of ['approve', 'reject'] as const)
    review
      .command(verdict)
      .argument('<atomId>')
      .description(verdict === 'approve' ? 'accept the atom as it is' : 'turn the atom down')
      .option('--run <runId>', 'the run (default: the newest that queued the atom)')
      .option(
        verdict === 'approve' ? '--note <text>' : '--reason <text>',
        verdict === 'approve' ? 'a note' : 'why',
      )
      .option('--by <name>', 'who (default user@host)')
      .action(async (atomId: string, flags: ReviewFlags) => {
        code = await reviewVerdictCommand(verdict, atomId, flags, ctx);
      });
  for (const action of ['edit', 'regenerate'] as const)
    review
      .command(action)
      .argument('<atomId>')
      .description(
        action === 'edit'
          ? "write the atom's next attempt by hand; the run re-validates it and what depends on it"
          : 'ask the model for a new attempt (the note is fed back); the run re-validates it and what depends on it',
      )
      .option('--run <runId>', 'the run (default: the newest that queued the atom)')
      .option(
        action === 'edit' ? '--file <file>' : '--note <text>',
        action === 'edit' ? 'the new code' : 'what to fix',
      )
      .option('--out <dir>', 'where to write the project once it passes again (default ./out/<runId>)')
      .option('--by <name>', 'who (default user@host)')
      .option('--json', 'print the run summary as JSON')
      .action(async (atomId: string, flags: ReviewFlags) => {
        code = await reviewRedoCommand(action, atomId, flags, ctx);
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
    .command('fetch')
    .argument('<runId>')
    .description("unpack the run's built project from the object store")
    .option('--out <dir>', 'where to unpack it (default ./out/<runId>)')
    .option('--force', 'unpack into a folder that is not empty')
    .action(async (runId: string, flags: { out?: string; force?: boolean }) => {
      code = await fetchCommand(runId, flags, ctx);
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
    .command('resume')
    .argument('<runId>')
    .description('continue an interrupted run from its log')
    .option('--json', 'print one summary object as the last line of stdout')
    .option(
      '--out <dir>',
      'where to write the project (default the folder it was asked for, else ./out/<runId>)',
    )
    .action(async (runId: string, flags: { json?: boolean; out?: string }) => {
      code = await resumeCommand(runId, flags, ctx);
    });
  program
    .command('serve')
    .description('run services and the HTTP gateway against NATS_URL (all by default)')
    .option(
      '--services <list>',
      'comma-separated: intake,discovery,planner,atomizer,executor,validator,rollout,review,gateway',
    )
    .option('--concurrency <n>', 'atom generations at once in this process', '16')
    .action(async (flags: { services?: string; concurrency?: string }) => {
      code = await serveCommand(flags, ctx);
    });
  program
    .command('bench')
    .description(
      'run a synthetic plan with the simulated provider and compare the wall time with the physical limit',
    )
    .option('--atoms <n>', 'size of the synthetic plan', '800')
    .option('--concurrency <n>', 'atoms in flight at once', '100')
    .option('--latency-ms <ms>', 'simulated latency of a 10-line atom', '200')
    .option('--fault-rate <f>', 'simulated fault rate', '0')
    .option('--seed <n>', 'simulated seed', '1')
    .option('--json', 'print the figures as one JSON object')
    .action(async (flags: BenchFlags) => {
      code = await benchCommand(flags, ctx);
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
