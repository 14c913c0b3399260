import { atom, testAtom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/config.ts: the only place that reads the environment. */
export function configFile(): FileTemplate {
  return {
    ...INFRA.config,
    kind: 'source',
    description: 'Configuration from the environment: HOST, PORT and DATA_FILE with their defaults',
    atoms: [
      atom(
        'interface',
        'Config',
        'Where the server listens and where it keeps its data',
        `
/** Where the server listens and where it keeps its data. */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** JSON file holding every collection; undefined keeps the data in memory only. */
  readonly dataFile: string | undefined;
}`,
      ),
      atom(
        'type',
        'Environment',
        'Environment variables as Node exposes them',
        `
/** Environment variables as Node exposes them. */
export type Environment = Readonly<Record<string, string | undefined>>;`,
      ),
      atom(
        'function',
        'parsePort',
        'Parses PORT: an integer from 0 to 65535, 3000 when unset',
        `
/** Parses PORT: an integer from 0 to 65535 (0 picks a free port), 3000 when unset. */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(\`PORT must be an integer from 0 to 65535, got "\${value}"\`);
  }
  return port;
}`,
      ),
      atom(
        'function',
        'loadConfig',
        'Reads HOST, PORT and DATA_FILE; the process environment by default',
        `
/** Reads HOST, PORT and DATA_FILE; tests pass their own record, the server the process environment. */
export function loadConfig(env: Environment = process.env): Config {
  const dataFile = env.DATA_FILE?.trim();
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: parsePort(env.PORT),
    dataFile: dataFile === undefined || dataFile === '' ? undefined : dataFile,
  };
}`,
      ),
    ],
  };
}

/** src/config.test.ts: defaults, overrides and a bad PORT. */
export function configTestFile(): FileTemplate {
  return {
    ...INFRA.configTest,
    kind: 'test',
    description: 'Tests of the configuration: defaults, HOST/PORT/DATA_FILE and invalid ports',
    atoms: [
      testAtom(
        'config: defaults to 127.0.0.1:3000 in memory',
        'defaults',
        `
deepEqual(loadConfig({}), { host: '127.0.0.1', port: 3000, dataFile: undefined });`,
      ),
      testAtom(
        'config: reads HOST, PORT and DATA_FILE',
        'overrides',
        `
const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080', DATA_FILE: 'data/store.json' });
deepEqual(config, { host: '0.0.0.0', port: 8080, dataFile: 'data/store.json' });`,
      ),
      testAtom(
        'config: refuses a PORT that is not a port number',
        'bad-port',
        `
for (const value of ['http', '-1', '65536', '80.5']) {
  throws(() => loadConfig({ PORT: value }), /PORT must be an integer/, value);
}`,
      ),
    ],
  };
}
