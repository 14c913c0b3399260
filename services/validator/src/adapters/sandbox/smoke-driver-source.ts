/**
 * The smoke test's driver, written out by MGE and run with one JSON argument, inside the network
 * namespace when there is one (the server and its probe then share that namespace's loopback): it
 * starts the sandboxed server on a free loopback port, asks GET `path` and an unknown route, prints
 * one JSON line `{ passed, detail }` and stops the server. It is MGE's code, so it runs outside the
 * permission model (it starts a child), with an emptied environment.
 */
export const SMOKE_DRIVER_SOURCE = `import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const { argv, cwd, path, waitMs } = JSON.parse(process.argv[2]);
const UNKNOWN = '/__mge_smoke_unknown_route';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const child = spawn(argv[0], argv.slice(1), {
  cwd,
  env: { HOST: '127.0.0.1', PORT: String(port) },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let stderr = '';
child.stderr.on('data', (d) => (stderr = (stderr + d.toString()).slice(-4000)));
const exited = new Promise((resolve) => child.on('close', resolve));
const stop = async () => {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
};
process.on('SIGTERM', () => void stop().then(() => process.exit(1)));

const base = 'http://127.0.0.1:' + port;
const deadline = Date.now() + waitMs;
const answer = async () => {
  for (;;) {
    try {
      return await fetch(base + path);
    } catch (error) {
      if (child.exitCode !== null) throw new Error('the server exited before answering', { cause: error });
      if (Date.now() > deadline) throw new Error('the server did not answer in time', { cause: error });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
};
let result;
try {
  await answer();
  const found = await fetch(base + path);
  const missing = await fetch(base + UNKNOWN);
  result = {
    passed: found.status === 200 && missing.status === 404,
    detail: 'GET ' + path + ' → ' + found.status + ', GET ' + UNKNOWN + ' → ' + missing.status,
  };
} catch (error) {
  result = { passed: false, detail: error.message + (stderr === '' ? '' : ': ' + stderr.trim().slice(-500)) };
}
await stop();
process.stdout.write(JSON.stringify(result) + '\\n');
`;
