import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface SandboxLimits {
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

export interface SandboxResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

const MAX_OUTPUT = 1_000_000;

/** Node flags that confine a child to `dir`: no file access outside it, no child processes, capped memory. */
export const sandboxFlags = (dir: string, limits: SandboxLimits): string[] => [
  '--experimental-permission',
  `--allow-fs-read=${dir}`,
  `--allow-fs-write=${dir}`,
  `--max-old-space-size=${limits.memoryMb}`,
  '--no-warnings=ExperimentalWarning',
];

/** Starts node in the sandbox with an emptied environment (plus `env`), in `dir`. */
export function spawnSandboxed(
  dir: string,
  args: readonly string[],
  limits: SandboxLimits,
  env: Record<string, string> = {},
) {
  return spawn(process.execPath, [...sandboxFlags(dir, limits), ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs test files in one sandboxed node that imports them: `node --test` cannot run under the
 * permission model (it spawns a child per file), but node:test reports TAP in-process as well.
 */
export function runTestFiles(
  dir: string,
  files: readonly string[],
  limits: SandboxLimits,
): Promise<SandboxResult> {
  const imports = files.map((f) => `await import(${JSON.stringify(pathToFileURL(f).href)});`).join('\n');
  const child = spawnSandboxed(dir, ['--test-reporter=tap', '--input-type=module', '-e', imports], limits);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-MAX_OUTPUT)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-MAX_OUTPUT)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
