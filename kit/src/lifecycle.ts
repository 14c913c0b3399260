import type { z } from 'zod';
import { loadConfig } from './config.js';
import { ConfigError, InfrastructureError } from './errors.js';
import type { Logger } from './logger.js';

/**
 * Runs a long-lived process: `start` returns its `stop`; SIGINT/SIGTERM stop it and exit. A start
 * that fails for a known reason prints one line and exits 3 (infrastructure) or 2 (configuration).
 */
export async function runUntilSignal(
  logger: Logger,
  start: () => Promise<() => Promise<void>>,
): Promise<void> {
  let stop: () => Promise<void>;
  try {
    stop = await start();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InfrastructureError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof ConfigError ? 2 : 3);
    }
    throw error;
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** A process's config from its environment; every problem is printed at once and the process exits 2. */
export function loadConfigOrExit<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<S>> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
