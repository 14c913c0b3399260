import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { parseJsonRecord, writeFileAtomically } from '@mge/kit';
import { z } from 'zod';

/** The one user the embedded server accepts; `pass` is 32 random bytes, base64url. */
export const Credential = z.object({
  user: z.string().regex(/^[A-Za-z0-9_-]+$/),
  pass: z.string().regex(/^[A-Za-z0-9_-]{43,}$/),
});
export type Credential = z.infer<typeof Credential>;

/** The credential on file; a missing or unreadable file is none. */
export async function readCredential(path: string): Promise<Credential | undefined> {
  return parseJsonRecord(Credential, await readFile(path, 'utf8').catch(() => undefined));
}

/**
 * The credential for a server about to start: the one on file (kept private), or a new one, written whole
 * to a private temporary file and renamed into place, so no reader ever sees half of one or a wider mode.
 */
export async function ensureCredential(path: string): Promise<Credential> {
  const existing = await readCredential(path);
  if (existing !== undefined) {
    await chmod(path, 0o600);
    return existing;
  }
  const fresh: Credential = { user: 'mge', pass: randomBytes(32).toString('base64url') };
  await writeFileAtomically(path, `${JSON.stringify(fresh)}\n`, 0o600);
  return fresh;
}
