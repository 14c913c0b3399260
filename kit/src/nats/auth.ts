import { readFile } from 'node:fs/promises';
import type { ConnectionOptions } from '@nats-io/transport-node';
import { credsAuthenticator, nkeyAuthenticator, nkeys } from '@nats-io/transport-node';
import { ConfigError } from '../errors.js';

/** How a client proves itself to NATS: a user and password, a token, a .creds file or an nkey seed file. */
export type NatsAuth =
  | { readonly kind: 'user'; readonly user: string; readonly pass: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'creds'; readonly file: string }
  | { readonly kind: 'nkey'; readonly file: string };

/** A server address without credentials, and the credentials to present to it. */
export interface NatsTarget {
  readonly url: string;
  readonly auth?: NatsAuth | undefined;
}

// `scheme://userinfo@`, the scheme optional since nats.js also takes `host:port`.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#@\s]*)@/i;
const USERINFO_ANYWHERE = /([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]+@/gi;

/** Splits credentials written into a URL (`nats://user:pass@host`, `nats://token@host`) from its address. */
export function parseNatsUrl(url: string): NatsTarget {
  const match = USERINFO.exec(url);
  if (match === null) return { url };
  const [whole, scheme = '', userinfo = ''] = match;
  const address = scheme + url.slice(whole.length);
  if (userinfo === '') return { url: address };
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { url: address, auth: { kind: 'token', token: decodeURIComponent(userinfo) } };
  const user = decodeURIComponent(userinfo.slice(0, colon));
  return { url: address, auth: { kind: 'user', user, pass: decodeURIComponent(userinfo.slice(colon + 1)) } };
}

/** A target from a URL that may carry credentials, or a target as is. */
export const toNatsTarget = (server: string | NatsTarget): NatsTarget =>
  typeof server === 'string' ? parseNatsUrl(server) : server;

/** The text with every URL's credentials replaced by `***`, for messages and logs. */
export const redactUrl = (text: string): string => text.replace(USERINFO_ANYWHERE, '$1***@');

/** A URL carrying the credentials of a user and password (for a child process's NATS_URL). */
export function natsUrlWithUser(url: string, user: string, pass: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(pass);
  return parsed.href.replace(/\/$/, '');
}

/** The connect options presenting `auth`; a creds or nkey file that cannot be used is a ConfigError naming its variable. */
export async function natsAuthOptions(auth: NatsAuth | undefined): Promise<Partial<ConnectionOptions>> {
  if (auth === undefined) return {};
  switch (auth.kind) {
    case 'user':
      return { user: auth.user, pass: auth.pass };
    case 'token':
      return { token: auth.token };
    case 'creds': {
      const authenticator = credsAuthenticator(await readAuthFile('NATS_CREDS', auth.file));
      check('NATS_CREDS', auth.file, 'a NATS credentials file', () => authenticator(''));
      return { authenticator };
    }
    case 'nkey': {
      const seed = new TextEncoder().encode(
        new TextDecoder().decode(await readAuthFile('NATS_NKEY', auth.file)).trim(),
      );
      check('NATS_NKEY', auth.file, 'an nkey seed file', () => nkeys.fromSeed(seed));
      return { authenticator: nkeyAuthenticator(seed) };
    }
  }
}

async function readAuthFile(variable: string, file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError([`${variable}: cannot read ${file} (${reason})`]);
  }
}

function check(variable: string, file: string, what: string, use: () => unknown): void {
  try {
    use();
  } catch (error) {
    throw new ConfigError([`${variable}: ${file} is not ${what} (${(error as Error).message})`]);
  }
}
