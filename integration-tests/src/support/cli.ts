import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `mge` command line as a child process. */
export function runMge(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 240_000,
): Promise<CliResult> {
  return startMge(args, env, timeoutMs).done;
}

/** Starts `mge`; `firstLine` resolves with the first line it writes to stderr, `done` when it exits. */
export function startMge(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 240_000,
): { firstLine: Promise<string>; done: Promise<CliResult>; kill(): void } {
  let kill = () => undefined as void;
  let announce: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (announce = resolve));
  const done = new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('\n')) announce(stderr.split('\n')[0]!);
    });
    kill = () => void child.kill('SIGKILL');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      announce(stderr.split('\n')[0]!);
      resolve({ code, stdout, stderr });
    });
  });
  return { firstLine, done, kill: () => kill() };
}

/** Starts `mge serve` and resolves once it says it is serving; `stop` sends SIGTERM and waits. */
export function serveMge(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ stop(): Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('close', r));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('serving ')) resolve({ stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`mge serve exited (${code}): ${stderr}`)));
  });
}

/** The summary object `mge run --json` prints as the last line of stdout. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}
