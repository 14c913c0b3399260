import { describe, expect, it } from '@jest/globals';
import type { AtomSpec, ExternalImport } from '@mge/contracts';
import { atomSpec } from '@mge/kit/testing';
import { checkAtom } from './l1-atom.js';
import { API_CLIENT_FILE, SERVER_FILE } from './l1-network.js';

const spec = (over: Partial<AtomSpec> = {}): AtomSpec =>
  atomSpec('t:send', { symbol: 'send', file: 'src/math.ts', estimatedLines: 3, ...over });
const fn = (body: string) => `export async function send(): Promise<unknown> {\n  ${body}\n}`;
const network = (s: AtomSpec, code: string, planFile = s.file) =>
  checkAtom(s, code, { planFile })
    .filter((e) => e.code === 'network')
    .map((e) => e.message);
const uses = (module: string, name: string, typeOnly = false): ExternalImport[] => [
  { module, name, typeOnly },
];

describe('L1: generated code may not reach the network', () => {
  it.each(['net', 'dgram', 'http', 'https', 'http2', 'tls', 'dns'])('rejects uses of node:%s', (module) => {
    const [message] = network(spec({ uses: uses(`node:${module}`, 'x') }), fn('return 1;'));
    expect(message).toBe(`uses node:${module} (x): network modules are refused outside ${SERVER_FILE}`);
  });

  it.each([
    ["return require('net');", 'names the network module net'],
    ["return require('node:dgram');", 'names the network module dgram'],
    ["return import('node:dns/promises');", 'names the network module dns'],
    ["return import('undici');", 'names the network module undici'],
    ["const m = 'node:https';\n  return m;", 'names the network module https'],
    ["return fetch('http://127.0.0.1:4222/');", 'uses fetch'],
    ["return globalThis.fetch('http://example.com');", 'uses fetch'],
    ["return globalThis['fetch']('http://example.com');", 'uses fetch'],
    ["const f = fetch;\n  return f('x');", 'uses fetch'],
    ["return new WebSocket('ws://127.0.0.1:1');", 'uses WebSocket'],
    ["return new EventSource('http://127.0.0.1:1');", 'uses EventSource'],
    ['return new XMLHttpRequest();', 'uses XMLHttpRequest'],
    ["return process.binding('tcp_wrap');", 'uses process.binding'],
    ["return process._linkedBinding('x');", 'uses process.binding'],
  ])('rejects %s naming what it used', (body, reason) => {
    const messages = network(spec(), fn(body));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toContain(reason);
    expect(checkAtom(spec(), fn(body), { planFile: 'src/math.ts' })[0]).toMatchObject({ level: 1, line: 2 });
  });

  it('allows node:http in the server file, and the same code in another file is rejected', () => {
    const server = spec({ file: SERVER_FILE, symbol: 'start', uses: uses('node:http', 'createServer') });
    const code = 'export function start(): Server {\n  return createServer(() => undefined);\n}';
    expect(checkAtom(server, code, { planFile: SERVER_FILE })).toEqual([]);
    const elsewhere = { ...server, file: 'src/app.ts' };
    expect(network(elsewhere, code)).toEqual([
      `uses node:http (createServer): network modules are refused outside ${SERVER_FILE}`,
    ]);
  });

  it('decides by the file of the task in the plan, not by the file the atom names', () => {
    const claims = spec({ file: SERVER_FILE, symbol: 'start', uses: uses('node:http', 'createServer') });
    const code = 'export function start(): Server {\n  return createServer(() => undefined);\n}';
    expect(network(claims, code, 'src/util.ts')).toHaveLength(1);
    expect(checkAtom(claims, code)).toHaveLength(1); // no plan known: refused
  });

  it("allows type-only imports anywhere, and fetch only in the tests' API client", () => {
    const types = spec({ uses: uses('node:http', 'IncomingMessage', true) });
    expect(network(types, fn('return 1;'))).toEqual([]);
    const client = spec({ file: API_CLIENT_FILE });
    expect(network(client, fn("return fetch('http://127.0.0.1:1/');"))).toEqual([]);
    expect(network(client, fn("return new WebSocket('ws://127.0.0.1:1');"))).toHaveLength(1);
  });

  it('leaves methods and properties that happen to be named fetch alone', () => {
    expect(network(spec(), fn('const repo = { fetch: () => 1 };\n  return repo.fetch();'))).toEqual([]);
  });
});
