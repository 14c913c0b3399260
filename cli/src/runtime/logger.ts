import { join } from 'node:path';
import type { Logger } from '@mge/kit';
import { createLogger } from '@mge/kit';

/** In-process services log to a file under MGE_HOME, keeping the terminal for progress. */
export function fileLogger(home: string, name: string, level: string): { logger: Logger; file: string } {
  const file = join(home, 'logs', `${name}.log`);
  return { logger: createLogger({ service: 'mge', level, file }), file };
}
