import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { checkNatsEnv, natsAuthEnv, natsEnv, natsTargetOf, natsUrl } from './env.js';

const ServiceConfig = z.object({ ...natsEnv }).superRefine(checkNatsEnv);
const CliLikeConfig = z.object({ NATS_URL: natsUrl.optional(), ...natsAuthEnv }).superRefine(checkNatsEnv);

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('no ConfigError');
};

describe('a service config holding natsEnv', () => {
  it('defaults to a local server without credentials', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(natsTargetOf(config)).toEqual({ url: 'nats://127.0.0.1:4222', auth: undefined });
  });

  it('when NATS_URL carries a user and password, then the target presents them apart from the address', () => {
    const config = loadConfig(ServiceConfig, { NATS_URL: 'nats://svc:pw@nats:4222' });
    expect(natsTargetOf(config)).toEqual({
      url: 'nats://nats:4222',
      auth: { kind: 'user', user: 'svc', pass: 'pw' },
    });
  });

  it('reads NATS_TOKEN, NATS_CREDS and NATS_NKEY', () => {
    const of = (env: Record<string, string>) => natsTargetOf(loadConfig(ServiceConfig, env)).auth;
    expect(of({ NATS_TOKEN: 't0k' })).toEqual({ kind: 'token', token: 't0k' });
    expect(of({ NATS_CREDS: '/run/secrets/mge.creds' })).toEqual({
      kind: 'creds',
      file: '/run/secrets/mge.creds',
    });
    expect(of({ NATS_NKEY: '/run/secrets/mge.nk' })).toEqual({ kind: 'nkey', file: '/run/secrets/mge.nk' });
  });

  it('when NATS_URL is not a URL, then the error names NATS_URL without repeating its value', () => {
    const problems = problemsOf(() =>
      loadConfig(ServiceConfig, { NATS_URL: 'http://mge:hunter2@nats:4222' }),
    );
    expect(problems).toEqual([expect.stringMatching(/^NATS_URL: must start with nats:\/\//)]);
    expect(problems.join()).not.toContain('hunter2');
    expect(problemsOf(() => loadConfig(ServiceConfig, { NATS_URL: 'nats://:pw@nats:4222' }))).toEqual([
      'NATS_URL: has a password but no user before it',
    ]);
    expect(problemsOf(() => loadConfig(ServiceConfig, { NATS_URL: 'nats://u:%zz@nats:4222' }))).toEqual([
      expect.stringMatching(/^NATS_URL: has credentials that are not URL-encoded/),
    ]);
  });

  it('when two ways to authenticate are set, then the error names them', () => {
    expect(
      problemsOf(() => loadConfig(ServiceConfig, { NATS_URL: 'nats://u:p@nats:4222', NATS_TOKEN: 't' })),
    ).toEqual(['NATS_TOKEN: choose one way to authenticate, not credentials in NATS_URL and NATS_TOKEN']);
    expect(problemsOf(() => loadConfig(ServiceConfig, { NATS_CREDS: '/a', NATS_NKEY: '/b' }))).toEqual([
      'NATS_NKEY: choose one way to authenticate, not NATS_CREDS and NATS_NKEY',
    ]);
  });
});

describe('the CLI, whose NATS_URL is optional', () => {
  it('when NATS_TOKEN is set without NATS_URL, then the error names NATS_TOKEN', () => {
    expect(problemsOf(() => loadConfig(CliLikeConfig, { NATS_TOKEN: 't' }))).toEqual([
      'NATS_TOKEN: is used only with NATS_URL (the embedded nats-server has its own credential)',
    ]);
  });
});
