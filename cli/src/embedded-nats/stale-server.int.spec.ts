import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isAlive, isAnswering, readServerState, testHomes, waitFor } from './test-support.js';

const { newHome, acquire } = testHomes();

describe('acquireEmbeddedNats with a stale record', () => {
  it('breaks a lock left by a dead process', async () => {
    const home = await newHome();
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    await mkdir(join(home, 'nats'), { recursive: true });
    await writeFile(join(home, 'nats', 'lock'), JSON.stringify({ pid: gone.pid, token: 'left-behind' }));
    const nats = await acquire(home);
    expect(await isAnswering(nats.url)).toBe(true);
    await nats.release();
    expect(existsSync(join(home, 'nats', 'lock'))).toBe(false);
  });

  async function writeState(home: string, pid: number, port: number): Promise<void> {
    await mkdir(join(home, 'nats'), { recursive: true });
    const url = `nats://127.0.0.1:${port}`;
    await writeFile(join(home, 'nats', 'server.json'), JSON.stringify({ pid, url, port, startedAt: '' }));
  }

  async function closedPort(): Promise<number> {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    server.close();
    return port;
  }

  it('replaces a server whose pid is dead and whose port is closed', async () => {
    const home = await newHome();
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    const port = await closedPort();
    await writeState(home, gone.pid!, port);

    const nats = await acquire(home);
    expect(nats.url).not.toBe(`nats://127.0.0.1:${port}`);
    expect(await isAnswering(nats.url)).toBe(true);
    await nats.release();
  });

  it('leaves alone a live process that is not its server, and starts a fresh one', async () => {
    const home = await newHome();
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeState(home, stranger.pid!, await closedPort());
      const nats = await acquire(home);
      expect(await isAnswering(nats.url)).toBe(true);
      expect(isAlive(stranger.pid!)).toBe(true);
      await nats.release();
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('kills its own server when it stops answering (SIGSTOP) and starts a new one', async () => {
    const home = await newHome();
    const hung = await acquire(home);
    const { pid } = readServerState(home)!;
    process.kill(pid, 'SIGSTOP');

    const nats = await acquire(home);
    expect(readServerState(home)!.pid).not.toBe(pid);
    await waitFor(() => !isAlive(pid), 2_000);
    expect(await isAnswering(nats.url)).toBe(true);
    await hung.release();
    await nats.release();
  }, 30_000);
});
