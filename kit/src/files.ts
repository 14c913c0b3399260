import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * Writes `text` whole to a new temporary file beside `path`, created with `mode` (0600 for secrets),
 * and renames it into place: a reader never sees half of it, nor the file under a wider mode.
 */
export async function writeFileAtomically(path: string, text: string, mode = 0o666): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text, { mode, flag: 'wx' });
  await rename(temporary, path);
}

/** A JSON record as `schema` says, or undefined when the text is missing, not JSON or not such a record. */
export function parseJsonRecord<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
