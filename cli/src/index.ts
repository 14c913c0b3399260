export { runCli } from './program.js';
export type { CommandContext } from './commands/context.js';
export { CliConfig } from './config.js';
export { ExitCode, UsageError } from './errors.js';
