import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxNetworkMode } from '../../config.js';
import { runTestFiles } from '../tsc/sandbox.js';
import { smokeTest } from '../tsc/smoke.js';
import { parseTap } from '../tsc/tap.js';
import type { Containment } from './containment.js';
import { probeNamespace, resolveSandbox } from './containment.js';

const limits = { timeoutMs: 20_000, memoryMb: 128 };

/** Listeners on the host's loopback that sandboxed code must never reach; each counts its connections. */
async function listen(server: Server): Promise<{ port: number; seen: () => number }> {
  let seen = 0;
  server.on('connection', () => seen++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no address');
  return { port: address.port, seen: () => seen };
}

/** Every way out a generated test might try; each must fail, and the test asserts it did. */
const escapes = (http: number, tcp: number) => `
import { test } from 'node:test';
import { rejects, throws, equal } from 'node:assert/strict';
import net from 'node:net';
import { createServer } from 'node:http';
import { lookup } from 'node:dns';
import dgram from 'node:dgram';

test('fetch to the host', async () => {
  await rejects(fetch('http://127.0.0.1:${http}/stolen'));
});
test('net.connect and write', async () => {
  await rejects(new Promise((resolve, reject) => {
    const socket = net.connect(${tcp}, '127.0.0.1', () => { socket.write('PUB mge.ev.x 1\\r\\nx\\r\\n'); resolve(); });
    socket.on('error', reject);
  }));
});
test('dns.lookup', async () => {
  await rejects(new Promise((resolve, reject) => {
    try { lookup('example.com', (error) => (error ? reject(error) : resolve())); } catch (error) { reject(error); }
  }));
});
test('dgram', async () => {
  await rejects(new Promise((resolve, reject) => {
    try {
      const socket = dgram.createSocket('udp4');
      const done = (error) => { socket.close(); error ? reject(error) : resolve(); };
      socket.on('error', done);
      socket.send('x', 53, '8.8.8.8', done);
    } catch (error) { reject(error); }
  }));
});
test('process.binding', () => {
  throws(() => process.binding('tcp_wrap'));
});
test('its own server on loopback still answers', async () => {
  const server = createServer((request, response) => response.end('own'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const answer = await fetch('http://127.0.0.1:' + server.address().port + '/');
  equal(await answer.text(), 'own');
  await new Promise((resolve) => server.close(resolve));
});
`;

const SERVER = `
import { createServer } from 'node:http';
fetch('http://127.0.0.1:' + process.env.LEAK + '/from-smoke').catch(() => undefined);
createServer((request, response) => {
  response.statusCode = request.url === '/items' ? 200 : 404;
  response.end('[]');
}).listen(Number(process.env.PORT), process.env.HOST);
`;

describe('the sandbox keeps generated code off the network', () => {
  let root: string;
  let project: string;
  const http = createHttpServer((request, response) => response.end('leaked'));
  const tcp = createTcpServer((socket) => socket.destroy());
  let httpPort: { port: number; seen: () => number };
  let tcpPort: { port: number; seen: () => number };
  const sandboxOf = async (mode: SandboxNetworkMode): Promise<Containment> => {
    const sandbox = await resolveSandbox(mode, join(root, '.sandbox'));
    if (sandbox.layer === 'refused') throw new Error(sandbox.reason);
    return sandbox;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mge-sandbox-'));
    project = join(root, 'project');
    await mkdir(join(project, 'dist'), { recursive: true });
    httpPort = await listen(http);
    tcpPort = await listen(tcp);
    await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(project, 'escapes.test.js'), escapes(httpPort.port, tcpPort.port));
    await writeFile(
      join(project, 'dist', 'main.js'),
      SERVER.replace('process.env.LEAK', String(httpPort.port)),
    );
  });
  afterAll(async () => {
    http.close();
    tcp.close();
    await rm(root, { recursive: true, force: true });
  });

  const layers: [string, () => Promise<Containment | undefined>][] = [
    [
      'namespace with the preload',
      async () => ((await probeNamespace()) instanceof Array ? sandboxOf('namespace') : undefined),
    ],
    [
      'namespace alone',
      async () => {
        if (!((await probeNamespace()) instanceof Array)) return undefined;
        return { ...(await sandboxOf('namespace')), preload: undefined };
      },
    ],
    ['preload alone (MGE_SANDBOX_NETWORK=preload)', () => sandboxOf('preload')],
  ];

  it.each(layers)(
    '%s: every escape fails, its own loopback server answers, nothing reaches the host',
    async (_, make) => {
      const containment = await make();
      if (containment === undefined) return; // no namespace on this machine: the preload case covers it
      const result = await runTestFiles(containment, project, [join(project, 'escapes.test.js')], limits);
      const tap = parseTap(result.stdout);
      expect(tap.filter((t) => !t.passed).map((t) => `${t.name}: ${t.detail}`)).toEqual([]);
      expect(tap).toHaveLength(6);
      expect(result.code).toBe(0);
      expect(httpPort.seen() + tcpPort.seen()).toBe(0);
    },
  );

  it.each(layers)('%s: the smoke test starts the server and asks it on loopback', async (_, make) => {
    const containment = await make();
    if (containment === undefined) return;
    expect(await smokeTest(containment, project, '/items', limits)).toEqual({
      passed: true,
      detail: 'GET /items → 200, GET /__mge_smoke_unknown_route → 404',
    });
    expect(httpPort.seen()).toBe(0);
  });

  it('with MGE_SANDBOX_NETWORK=off the same test does reach the host (the listeners do see leaks)', async () => {
    const result = await runTestFiles(
      await sandboxOf('off'),
      project,
      [join(project, 'escapes.test.js')],
      limits,
    );
    expect(parseTap(result.stdout).find((t) => t.name === 'fetch to the host')?.passed).toBe(false);
    expect(httpPort.seen()).toBeGreaterThan(0);
  });

  it('refuses, with the reason, when asked to and when no layer applies', async () => {
    expect(await resolveSandbox('refuse', join(root, '.sandbox'))).toMatchObject({ layer: 'refused' });
    const detected = await probeNamespace();
    const namespace = await resolveSandbox('namespace', join(root, '.sandbox'));
    expect(namespace.layer).toBe(detected instanceof Array ? 'namespace' : 'refused');
    expect(await resolveSandbox('auto', join(root, '.sandbox'))).toMatchObject({
      layer: detected instanceof Array ? 'namespace' : 'preload',
    });
  });
});
