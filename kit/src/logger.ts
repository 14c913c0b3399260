import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';

/** The logger every service uses: pino, JSON; children carry `service`, `runId`, `correlationId`. */
export type Logger = PinoLogger;

export interface LoggerOptions {
  readonly service: string;
  readonly level?: string;
  /** Where lines go; stderr when absent. */
  readonly destination?: DestinationStream;
  /** A file to append lines to (its folder is made), instead of `destination`. */
  readonly file?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level ?? 'info', base: { service: options.service }, redact: ['apiKey', '*.apiKey'] },
    options.file !== undefined
      ? pino.destination({ dest: options.file, mkdir: true, sync: false })
      : (options.destination ?? pino.destination(2)),
  );
}

/** A logger that writes nothing (for tests and quiet commands). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
