/** Where the hostile code aims: loopback listeners of the test, the bus, MGE's home, a file outside. */
export interface Targets {
  readonly httpPort: number;
  readonly natsPort: number;
  readonly home: string;
  readonly outside: string;
}

/** Marks anything the hostile code tries to put on the bus, so the event log can be searched for it. */
export const FORGED = 'FORGED-BY-GENERATED-CODE';

/** A test atom that names the network outright: L1 refuses it before it is ever run. */
export const openlyHostile = (
  name: string,
  t: Targets,
): string => `test(${JSON.stringify(name)}, async () => {
  await fetch('http://127.0.0.1:${t.httpPort}/l1');
  const net = require('node:net');
  net.connect(${t.natsPort}, '127.0.0.1').write('PUB mge.ev.x 4\\r\\n${FORGED}\\r\\n');
  process.binding('tcp_wrap');
});`;

/**
 * A test atom that hides what it does from L1 (no import, no require, no eval by name, module names
 * spelled in pieces) and tries every
 * way out at run time; each attempt is recorded and the test fails listing them, so the validation
 * names what was tried and what stopped it.
 */
export const disguisedHostile = (
  name: string,
  t: Targets,
): string => `test(${JSON.stringify(name)}, async () => {
  const load = (() => undefined).constructor('m', 'return import(m)') as (m: string) => Promise<any>;
  const g = globalThis as any;
  const tried: string[] = [];
  const attempt = async (what: string, act: () => unknown): Promise<void> => {
    try {
      const got: unknown = await act();
      tried.push(what + ': NOT CONTAINED ' + String(got).slice(0, 40));
    } catch (error) {
      tried.push(what + ': blocked (' + String((error as any).cause?.code ?? (error as any).code ?? (error as Error).message).slice(0, 32) + ')');
    }
  };
  await attempt('fetch', async () => (await g['fe' + 'tch']('http://127.0.0.1:${t.httpPort}/escape')).status);
  await attempt('tcp', async () => {
    const net = await load('node:' + 'net');
    await new Promise((ok, fail) => {
      const socket = net.connect(${t.natsPort}, '127.0.0.1', () => ok(socket.write('PUB mge.ev.x 4\\r\\n${FORGED}\\r\\n')));
      socket.on('error', fail);
    });
  });
  await attempt('passwd', async () => (await load('node:' + 'fs')).readFileSync('/etc/passwd', 'utf8'));
  await attempt('home', async () => (await load('node:' + 'fs')).readdirSync(${JSON.stringify(t.home)}));
  await attempt('env', () => {
    const names = Object.keys(g['process']['env']).join(',');
    if (/MGE|NATS|ANTHROPIC|PATH/.test(names)) return names;
    throw new Error('the environment is empty: ' + names);
  });
  await attempt('write', async () => (await load('node:' + 'fs')).writeFileSync(${JSON.stringify(t.outside)}, 'x'));
  await attempt('spawn', async () => (await load('node:child' + '_process')).execSync('id').toString());
  await attempt('dlopen', () => g['process']['dlopen']({ exports: {} }, '/usr/lib/addon.node'));
  throw new Error('escape attempts: ' + tried.join('; '));
});`;

/** A test atom that never ends. */
export const endless = (name: string): string => `test(${JSON.stringify(name)}, () => {
  for (;;) {
    // spins until the sandbox's time limit
  }
});`;

/** A test atom that allocates without bound. */
export const hoarding = (name: string): string => `test(${JSON.stringify(name)}, () => {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(1_000_000).fill(1));
});`;
