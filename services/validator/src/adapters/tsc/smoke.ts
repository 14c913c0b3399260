import { createServer } from 'node:net';
import type { SandboxLimits } from './sandbox.js';
import { spawnSandboxed } from './sandbox.js';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

async function waitUntilAnswering(url: string, deadline: number, exited: () => boolean): Promise<void> {
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (exited()) throw new Error('the server exited before answering', { cause: error });
      if (Date.now() > deadline) throw new Error('the server did not answer in time', { cause: error });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Starts `dist/main.js` in the sandbox on a free port; GET `path` must answer 200 and an unknown route 404. */
export async function smokeTest(
  dir: string,
  path: string,
  limits: SandboxLimits,
): Promise<{ passed: boolean; detail: string }> {
  const port = await freePort();
  const child = spawnSandboxed(dir, ['dist/main.js'], limits, { HOST: '127.0.0.1', PORT: String(port) });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
  const exited = new Promise<void>((r) => child.on('close', () => r()));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(
      `${base}${path}`,
      Date.now() + Math.min(limits.timeoutMs, 15_000),
      () => child.exitCode !== null,
    );
    const found = await fetch(`${base}${path}`);
    const missing = await fetch(`${base}/__mge_smoke_unknown_route`);
    const passed = found.status === 200 && missing.status === 404;
    return {
      passed,
      detail: `GET ${path} → ${found.status}, GET /__mge_smoke_unknown_route → ${missing.status}`,
    };
  } catch (error) {
    return {
      passed: false,
      detail: `${(error as Error).message}${stderr === '' ? '' : `: ${stderr.trim().slice(-500)}`}`,
    };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
}
