import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, nkeys } from '@nats-io/transport-node';
import { ConfigError, InfrastructureError } from '../errors.js';
import type { TestNatsServer } from '../testing/nats-server.js';
import { startTestNatsServer } from '../testing/nats-server.js';
import { natsAuthOptions } from './auth.js';
import { connectNats, drainNats } from './connect.js';
import type { NatsServerProcess } from './server-process.js';
import { spawnNatsServer } from './server-process.js';

const commandLine = async (pid: number) => (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');

describe('the test harness nats-server', () => {
  let server: TestNatsServer;
  beforeAll(async () => {
    server = await startTestNatsServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('when a raw client brings no credentials, then it is refused with an authorization error', async () => {
    await expect(connect({ servers: server.address, timeout: 3_000 })).rejects.toThrow(
      /Authorization Violation/,
    );
    const refused = connectNats(server.address, 'spec');
    await expect(refused).rejects.toBeInstanceOf(InfrastructureError);
    await expect(refused).rejects.toThrow(
      /refused this client.*NATS_URL, NATS_TOKEN, NATS_CREDS or NATS_NKEY/,
    );
  });

  it('when the client brings a wrong password, then the message names the address but not the password', async () => {
    const wrong = server.url.replace(/:[^:@/]+@/, ':not-the-password@');
    const error = await connectNats(wrong, 'spec').catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(InfrastructureError);
    expect((error as Error).message).toContain(server.address);
    expect((error as Error).message).not.toContain('not-the-password');
  });

  it('accepts the authenticated URL and the target alike, also after a restart', async () => {
    for (const via of [server.url, server.target]) {
      const nc = await connectNats(via, 'spec');
      expect(nc.info?.auth_required).toBe(true);
      await drainNats(nc);
    }
    await server.restart();
    const nc = await connectNats(server.url, 'spec');
    await drainNats(nc);
  });

  it('keeps the password in a config file of mode 0600, never on the command line', async () => {
    const pass = (server.target.auth as { pass: string }).pass;
    expect(pass.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const args = await commandLine(server.process.pid);
    expect(args.join(' ')).not.toContain(pass);
    const config = args[args.indexOf('-c') + 1]!;
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    expect(await readFile(config, 'utf8')).toContain(pass);
  });
});

describe('a server that knows its user by an nkey', () => {
  const user = nkeys.createUser();
  let dir: string;
  let server: NatsServerProcess;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-nkey-'));
    server = await spawnNatsServer({ dir, auth: { nkey: user.getPublicKey() } });
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('when NATS_NKEY names the seed file, then the client is accepted', async () => {
    const file = join(dir, 'user.nk');
    await writeFile(file, `${new TextDecoder().decode(user.getSeed())}\n`, { mode: 0o600 });
    const nc = await connectNats({ url: server.url, auth: { kind: 'nkey', file } }, 'spec');
    await drainNats(nc);
    await expect(connectNats(server.url, 'spec')).rejects.toThrow(/refused this client/);
  });

  it('when the nkey file is missing or holds no seed, then the ConfigError names NATS_NKEY', async () => {
    const missing = natsAuthOptions({ kind: 'nkey', file: join(dir, 'absent.nk') });
    await expect(missing).rejects.toBeInstanceOf(ConfigError);
    await expect(missing).rejects.toThrow(/NATS_NKEY: cannot read .*absent\.nk \(ENOENT\)/);
    const garbage = join(dir, 'garbage.nk');
    await writeFile(garbage, 'not a seed');
    await expect(natsAuthOptions({ kind: 'nkey', file: garbage })).rejects.toThrow(
      /NATS_NKEY: .* is not an nkey seed file/,
    );
  });
});

describe('a NATS_CREDS file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-creds-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('presents the JWT it holds, signed with its seed', async () => {
    const seed = new TextDecoder().decode(nkeys.createUser().getSeed());
    const file = join(dir, 'user.creds');
    const creds = [
      '-----BEGIN NATS USER JWT-----',
      'eyJ0eXAiOiJKV1QifQ.e30.c2ln',
      '------END NATS USER JWT------',
      '',
      '-----BEGIN USER NKEY SEED-----',
      seed,
      '------END USER NKEY SEED------',
      '',
    ].join('\n');
    await writeFile(file, creds, { mode: 0o600 });
    const { authenticator } = await natsAuthOptions({ kind: 'creds', file });
    if (typeof authenticator !== 'function') throw new Error('no authenticator');
    expect(authenticator('nonce')).toMatchObject({
      jwt: 'eyJ0eXAiOiJKV1QifQ.e30.c2ln',
      nkey: expect.stringMatching(/^U/),
    });
  });

  it('when it is not a creds file, then the ConfigError names NATS_CREDS', async () => {
    const file = join(dir, 'wrong.creds');
    await writeFile(file, 'hello');
    await expect(natsAuthOptions({ kind: 'creds', file })).rejects.toThrow(
      /NATS_CREDS: .*wrong\.creds is not a NATS credentials file/,
    );
  });
});
