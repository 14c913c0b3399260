import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxLayer } from '@mge/contracts';
import type { SandboxNetworkMode } from '../../config.js';
import { PRELOAD_SOURCE } from './preload-source.js';
import { SMOKE_DRIVER_SOURCE } from './smoke-driver-source.js';

/** How generated code is contained on the network: the layer, and how a command is run under it. */
export interface Containment {
  readonly layer: Exclude<SandboxLayer, 'refused'>;
  /** The preload file a sandboxed node imports first; undefined when the containment is off. */
  readonly preload: string | undefined;
  /** The smoke test's driver file. */
  readonly smokeDriver: string;
  /** The command line running `argv` (a program and its arguments) under this layer. */
  wrap(argv: readonly string[]): string[];
}

/** No layer could apply: generated code is not run, and validations fail with `reason`. */
export interface Refusal {
  readonly layer: 'refused';
  readonly reason: string;
}

export type Sandbox = Containment | Refusal;

const TOOL_DIRS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin', '/usr/local/sbin'];
const findTool = (name: string): string | undefined =>
  TOOL_DIRS.map((d) => join(d, name)).find((f) => existsSync(f));

/** Brings loopback up inside the new namespace, then becomes the command (`$0` is `ip`). */
const LOOPBACK_UP = '"$0" link set lo up && exec "$@"';

const runs = (argv: readonly string[]): Promise<boolean> =>
  new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { env: {}, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.on('error', () => resolve(false));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });

let probed: Promise<string[] | string> | undefined;

/**
 * The command prefix that runs a command in a new network namespace with only loopback up, or why
 * there is none. Probed once per process by running node that way: as root `unshare --net`,
 * otherwise `unshare --net --map-root-user` (unprivileged user namespaces).
 */
export function probeNamespace(): Promise<string[] | string> {
  probed ??= (async () => {
    const unshare = findTool('unshare');
    const ip = findTool('ip');
    const sh = findTool('sh');
    if (unshare === undefined || ip === undefined || sh === undefined)
      return 'unshare, ip or sh is not installed';
    for (const flags of [['--net'], ['--net', '--map-root-user']]) {
      const prefix = [unshare, ...flags, sh, '-c', LOOPBACK_UP, ip];
      if (await runs([...prefix, process.execPath, '-e', ''])) return prefix;
    }
    return 'unshare --net failed (no privilege for network namespaces, nor user namespaces)';
  })();
  return probed;
}

/** Writes `text` to `dir/<name>-<hash>.mjs` once (content-addressed, atomically) and returns the path. */
async function writeOnce(dir: string, name: string, text: string): Promise<string> {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const file = join(dir, `${name}-${hash}.mjs`);
  if (existsSync(file)) return file;
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, text, { mode: 0o444 });
  await rename(temp, file);
  return file;
}

/**
 * The sandbox for `mode` (`MGE_SANDBOX_NETWORK`): `auto` takes a network namespace where the platform
 * allows one, else the preload; `namespace` and `preload` insist on one layer (and refuse to run
 * generated code when it cannot apply); `refuse` never runs generated code; `off` runs it with no
 * network containment. Its files are written under `dir`, which must lie outside every project
 * folder (the sandboxed node may read the preload, and nothing else there).
 */
export async function resolveSandbox(mode: SandboxNetworkMode, dir: string): Promise<Sandbox> {
  if (mode === 'refuse')
    return { layer: 'refused', reason: 'MGE_SANDBOX_NETWORK=refuse: generated code is never run' };
  let preload: string;
  let smokeDriver: string;
  try {
    await mkdir(dir, { recursive: true });
    preload = await writeOnce(dir, 'preload', PRELOAD_SOURCE);
    smokeDriver = await writeOnce(dir, 'smoke-driver', SMOKE_DRIVER_SOURCE);
  } catch (error) {
    return { layer: 'refused', reason: `cannot write the sandbox preload: ${(error as Error).message}` };
  }
  const direct = (argv: readonly string[]) => [...argv];
  if (mode === 'off') return { layer: 'off', preload: undefined, smokeDriver, wrap: direct };
  if (mode === 'preload') return { layer: 'preload', preload, smokeDriver, wrap: direct };
  const prefix = await probeNamespace();
  if (typeof prefix !== 'string')
    return { layer: 'namespace', preload, smokeDriver, wrap: (argv) => [...prefix, ...argv] };
  if (mode === 'auto') return { layer: 'preload', preload, smokeDriver, wrap: direct };
  return {
    layer: 'refused',
    reason: `MGE_SANDBOX_NETWORK=namespace, but no network namespace is available: ${prefix}`,
  };
}
