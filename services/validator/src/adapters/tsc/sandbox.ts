import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Containment } from '../sandbox/containment.js';

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

/**
 * Node flags that confine a child to `dir`: no file access outside it (but for reading the preload),
 * no child processes, capped memory, and the preload imported before anything else.
 */
export const sandboxFlags = (dir: string, limits: SandboxLimits, preload: string | undefined): string[] => [
  '--experimental-permission',
  `--allow-fs-read=${dir}`,
  ...(preload === undefined ? [] : [`--allow-fs-read=${preload}`]),
  `--allow-fs-write=${dir}`,
  `--max-old-space-size=${limits.memoryMb}`,
  '--no-warnings=ExperimentalWarning',
  ...(preload === undefined ? [] : [`--import=${pathToFileURL(preload).href}`]),
];

/** The command line of a sandboxed node running `args` in `dir`, under the containment's layer. */
export const sandboxedNode = (
  containment: Containment,
  dir: string,
  args: readonly string[],
  limits: SandboxLimits,
): string[] =>
  containment.wrap([process.execPath, ...sandboxFlags(dir, limits, containment.preload), ...args]);

/** Runs `argv` in `dir` with an emptied environment; kills it after the time limit. */
export function runCollecting(
  argv: readonly string[],
  dir: string,
  timeoutMs: number,
): Promise<SandboxResult> {
  const child = spawn(argv[0]!, argv.slice(1), { cwd: dir, env: {}, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-MAX_OUTPUT)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-MAX_OUTPUT)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => (stderr += `\n${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/**
 * Runs test files in one sandboxed node that imports them: `node --test` cannot run under the
 * permission model (it spawns a child per file), but node:test reports TAP in-process as well.
 */
export function runTestFiles(
  containment: Containment,
  dir: string,
  files: readonly string[],
  limits: SandboxLimits,
): Promise<SandboxResult> {
  const imports = files.map((f) => `await import(${JSON.stringify(pathToFileURL(f).href)});`).join('\n');
  const args = ['--test-reporter=tap', '--input-type=module', '-e', imports];
  return runCollecting(sandboxedNode(containment, dir, args, limits), dir, limits.timeoutMs);
}
