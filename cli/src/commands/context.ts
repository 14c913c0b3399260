import type { CliConfig } from '../config.js';

/** What every command gets: its configuration and where to write. */
export interface CommandContext {
  readonly config: CliConfig;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** Aborted on Ctrl-C / SIGTERM: commands finish what they can and clean up. */
  readonly interrupted: AbortSignal;
}
