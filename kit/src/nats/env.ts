import { z } from 'zod';
import type { NatsAuth, NatsTarget } from './auth.js';
import { parseNatsUrl } from './auth.js';

const empty = (v: unknown) => (v === '' ? undefined : v);
const SCHEMES = ['nats:', 'tls:', 'ws:', 'wss:'];

/** Why a NATS_URL cannot be used, or undefined; the message never repeats the URL, which may hold a secret. */
export function natsUrlProblem(url: string): string | undefined {
  let target: NatsTarget;
  try {
    target = parseNatsUrl(url);
  } catch {
    return 'has credentials that are not URL-encoded (percent-encode them)';
  }
  const address = /^[a-z][a-z0-9+.-]*:\/\//i.test(target.url) ? target.url : `nats://${target.url}`;
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return 'must be a URL such as nats://host:4222 (or nats://user:password@host:4222)';
  }
  if (!SCHEMES.includes(parsed.protocol)) return `must start with ${SCHEMES.map((s) => `${s}//`).join(', ')}`;
  if (parsed.hostname === '') return 'names no host';
  if (target.auth?.kind === 'user' && target.auth.user === '') return 'has a password but no user before it';
  return undefined;
}

/** A NATS server URL, with or without credentials before its host. */
export const natsUrl = z.string().superRefine((url, ctx) => {
  const problem = natsUrlProblem(url);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** The credentials a process presents to a NATS_URL server, besides those in the URL itself. */
export const natsAuthEnv = {
  /** A token the server expects (the same as `nats://token@host`). */
  NATS_TOKEN: z.preprocess(empty, z.string().min(1).optional()),
  /** A .creds file (a user JWT and its nkey seed) for a server in operator mode. */
  NATS_CREDS: z.preprocess(empty, z.string().min(1).optional()),
  /** A file holding an nkey seed (`SU…`) whose public key the server lists. */
  NATS_NKEY: z.preprocess(empty, z.string().min(1).optional()),
};

/** A service's NATS settings: where the server listens and how to authenticate. */
export const natsEnv = {
  /** Where NATS listens; `nats://user:password@host:4222` or `nats://token@host:4222` carry credentials. */
  NATS_URL: z.preprocess(empty, natsUrl.default('nats://127.0.0.1:4222')),
  ...natsAuthEnv,
};

/** The NATS part of a parsed config. */
export interface NatsEnv {
  readonly NATS_URL?: string | undefined;
  readonly NATS_TOKEN?: string | undefined;
  readonly NATS_CREDS?: string | undefined;
  readonly NATS_NKEY?: string | undefined;
}

/** For `.superRefine` of a config holding `natsEnv`: one way to authenticate at most, and none without NATS_URL. */
export function checkNatsEnv(env: NatsEnv, ctx: z.RefinementCtx): void {
  const urlHasAuth = env.NATS_URL !== undefined && safeAuthOf(env.NATS_URL) !== undefined;
  const set = (['NATS_TOKEN', 'NATS_CREDS', 'NATS_NKEY'] as const).filter((key) => env[key] !== undefined);
  for (const key of set) {
    if (env.NATS_URL === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'is used only with NATS_URL (the embedded nats-server has its own credential)',
      });
  }
  const sources = [...(urlHasAuth ? ['credentials in NATS_URL'] : []), ...set];
  if (sources.length > 1)
    ctx.addIssue({
      code: 'custom',
      path: [set[set.length - 1]!],
      message: `choose one way to authenticate, not ${sources.join(' and ')}`,
    });
}

/** Where to connect and how, from a parsed config holding `natsEnv`. */
export function natsTargetOf(env: NatsEnv & { readonly NATS_URL: string }): NatsTarget {
  const target = parseNatsUrl(env.NATS_URL);
  const auth: NatsAuth | undefined =
    env.NATS_TOKEN !== undefined
      ? { kind: 'token', token: env.NATS_TOKEN }
      : env.NATS_CREDS !== undefined
        ? { kind: 'creds', file: env.NATS_CREDS }
        : env.NATS_NKEY !== undefined
          ? { kind: 'nkey', file: env.NATS_NKEY }
          : target.auth;
  return { url: target.url, auth };
}

function safeAuthOf(url: string): NatsAuth | undefined {
  try {
    return parseNatsUrl(url).auth;
  } catch {
    return undefined;
  }
}
