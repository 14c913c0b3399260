import { join } from 'node:path';
import { writeFileAtomically } from '../files.js';

/** The one user a nats-server accepts: a user and password, or an nkey (its public key, `U…`). */
export type NatsServerAuth = { readonly user: string; readonly pass: string } | { readonly nkey: string };

const SAFE = /^[A-Za-z0-9_-]+$/;

/** Writes `<dir>/nats-server.conf` whole to a private file (mode 0600), then renames it into place. */
export async function writeServerConfig(dir: string, auth: NatsServerAuth): Promise<string> {
  const path = join(dir, 'nats-server.conf');
  await writeFileAtomically(path, authorization(auth), 0o600);
  return path;
}

function authorization(auth: NatsServerAuth): string {
  const values = 'nkey' in auth ? [auth.nkey] : [auth.user, auth.pass];
  if (!values.every((value) => SAFE.test(value)))
    throw new TypeError('nats-server credentials are letters, digits, - and _ only');
  const user =
    'nkey' in auth
      ? `users: [{ nkey: ${JSON.stringify(auth.nkey)} }]`
      : `user: ${JSON.stringify(auth.user)}\n  password: ${JSON.stringify(auth.pass)}`;
  return `authorization {\n  ${user}\n}\n`;
}
