import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';

/** The logger every process uses: pino, JSON; `process` names the process, children carry `service`, `runId`, `correlationId`. */
export type Logger = PinoLogger;

export interface LoggerOptions {
  /** The process: a service's name when it runs alone, `mge` for the command line. */
  readonly service: string;
  readonly level?: string;
  /** Where lines go; stderr when absent. */
  readonly destination?: DestinationStream;
  /** A file to append lines to (its folder is made), instead of `destination`. */
  readonly file?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { process: options.service },
      redact: ['apiKey', '*.apiKey', 'pass', '*.pass', 'token', '*.token'],
    },
    options.file !== undefined
      ? pino.destination({ dest: options.file, mkdir: true, sync: false })
      : (options.destination ?? pino.destination(2)),
  );
}

/** A logger that writes nothing (for tests and quiet commands). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
