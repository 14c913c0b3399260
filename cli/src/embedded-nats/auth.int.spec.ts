import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { drainNats, connectNats, spawnNatsServer } from '@mge/kit';
import type { EmbeddedNats } from './index.js';
import { isAlive, NATS_BIN, rawConnect, readServerState, testHomes, waitFor } from './test-support.js';

const { newHome, acquire } = testHomes();
const passOf = (nats: EmbeddedNats) => (nats.target.auth as { pass: string }).pass;
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the embedded nats-server demands a credential', () => {
  it('when a raw client brings no credentials, then it is refused; with the home’s credential it is accepted', async () => {
    const nats = await acquire(await newHome());
    expect(await rawConnect(nats.url)).toBe("-ERR 'Authorization Violation'");
    expect(await rawConnect(nats.url, { user: 'mge', pass: passOf(nats) })).toBe('PONG');
    await expect(connectNats(nats.url, 'spec')).rejects.toThrow(/refused this client/);
    const wrong = { url: nats.url, auth: { kind: 'user', user: 'mge', pass: 'guessed' } } as const;
    await expect(connectNats(wrong, 'spec')).rejects.toThrow(/refused this client/);

    const nc = await connectNats(nats.target, 'spec');
    expect(nc.info?.auth_required).toBe(true);
    await drainNats(nc);
    await nats.release();
  });

  it('keeps the credential private: files of mode 0600 in a 0700 folder, nothing on the command line', async () => {
    const home = await newHome();
    const nats = await acquire(home);
    const dir = join(home, 'nats');
    const pass = passOf(nats);
    expect(pass).toMatch(/^[A-Za-z0-9_-]{43,}$/); // 32 random bytes, base64url
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'credential.json'))).toBe(0o600);
    expect(await modeOf(join(dir, 'nats-server.conf'))).toBe(0o600);
    const { pid } = readServerState(home)!;
    expect(await readFile(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(pass);
    expect(await readFile(join(dir, 'server.json'), 'utf8')).not.toContain(pass);
    expect(nats.url).not.toContain(pass);
    await nats.release();
  });

  it('reuses the credential for the next server, and makes a new one when the file is gone', async () => {
    const home = await newHome();
    const first = await acquire(home);
    const { pid } = readServerState(home)!;
    await first.release();
    await waitFor(() => !isAlive(pid), 2_000);

    const second = await acquire(home);
    expect(passOf(second)).toBe(passOf(first));
    await second.release();
    await waitFor(() => readServerState(home) === undefined, 2_000);

    await rm(join(home, 'nats', 'credential.json'));
    const third = await acquire(home);
    expect(passOf(third)).not.toBe(passOf(first));
    await drainNats(await connectNats(third.target, 'spec'));
    await third.release();
  });

  it('when the credential file of a running server is gone, then the server is replaced by one with a new credential', async () => {
    const home = await newHome();
    const first = await acquire(home);
    const { pid } = readServerState(home)!;
    await rm(join(home, 'nats', 'credential.json'));

    const second = await acquire(home);
    await waitFor(() => !isAlive(pid), 2_000);
    expect(passOf(second)).not.toBe(passOf(first));
    await drainNats(await connectNats(second.target, 'spec'));
    await first.release();
    await second.release();
  });

  it('replaces a recorded server that accepts clients without credentials (one an older mge started)', async () => {
    const home = await newHome();
    const open = await spawnNatsServer({ dir: join(home, 'nats'), bin: NATS_BIN, detached: true });
    await writeFile(
      join(home, 'nats', 'server.json'),
      JSON.stringify({ pid: open.pid, url: open.url, port: open.port, startedAt: '' }),
    );

    const nats = await acquire(home);
    expect(nats.url).not.toBe(open.url);
    await waitFor(() => !isAlive(open.pid), 5_000);
    expect(await rawConnect(nats.url)).toBe("-ERR 'Authorization Violation'");
    await nats.release();
  });
});
