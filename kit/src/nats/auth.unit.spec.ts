import { describe, expect, it } from '@jest/globals';
import { natsUrlWithUser, parseNatsUrl, redactUrl, toNatsTarget } from './auth.js';

describe('parseNatsUrl', () => {
  it('takes a user and password out of the URL, decoding them', () => {
    expect(parseNatsUrl('nats://mge:p%40ss@nats.example:4222')).toEqual({
      url: 'nats://nats.example:4222',
      auth: { kind: 'user', user: 'mge', pass: 'p@ss' },
    });
  });

  it('reads a lone user part as a token', () => {
    expect(parseNatsUrl('nats://s3cret@127.0.0.1:4222')).toEqual({
      url: 'nats://127.0.0.1:4222',
      auth: { kind: 'token', token: 's3cret' },
    });
  });

  it('leaves a URL without credentials, or without a scheme, as it is', () => {
    expect(parseNatsUrl('nats://127.0.0.1:4222')).toEqual({ url: 'nats://127.0.0.1:4222' });
    expect(parseNatsUrl('localhost:4222')).toEqual({ url: 'localhost:4222' });
    expect(parseNatsUrl('u:p@localhost:4222')).toEqual({
      url: 'localhost:4222',
      auth: { kind: 'user', user: 'u', pass: 'p' },
    });
  });

  it('hands a target through untouched', () => {
    const target = { url: 'nats://h:1', auth: { kind: 'token', token: 't' } } as const;
    expect(toNatsTarget(target)).toBe(target);
  });
});

describe('redactUrl', () => {
  it('hides the credentials of every URL in a message, and keeps the rest', () => {
    const message =
      'cannot reach nats://mge:hunter2@h:4222 or tls://tok@other:4443/x; nats://plain:4222 is fine';
    expect(redactUrl(message)).toBe(
      'cannot reach nats://***@h:4222 or tls://***@other:4443/x; nats://plain:4222 is fine',
    );
    expect(redactUrl(message)).not.toMatch(/hunter2|tok@/);
  });
});

describe('natsUrlWithUser', () => {
  it('writes a user and password into a URL that parseNatsUrl reads back', () => {
    const url = natsUrlWithUser('nats://127.0.0.1:4222', 'mge-test', 'a-b_c');
    expect(url).toBe('nats://mge-test:a-b_c@127.0.0.1:4222');
    expect(parseNatsUrl(url).auth).toEqual({ kind: 'user', user: 'mge-test', pass: 'a-b_c' });
  });
});
