import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A process as recorded in a file: its pid and, where /proc exists, its start time (so a reused pid is told apart). */
export interface ProcessRef {
  readonly pid: number;
  readonly start?: string | undefined;
}

const hasProc = existsSync('/proc/self/stat');

export const selfRef = (): ProcessRef => ({ pid: process.pid, start: processStart(process.pid) });

/** Whether the process exists, is not a zombie (PID 1 may never reap it) and, when known, is the one recorded. */
export function isRunning(ref: ProcessRef): boolean {
  if (!Number.isInteger(ref.pid) || ref.pid <= 0) return false;
  try {
    process.kill(ref.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!hasProc) return true; // kill(0) is all we can know here
  const stat = readStat(ref.pid);
  if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return false;
  return ref.start === undefined || ref.start === stat.start;
}

export const processStart = (pid: number): string | undefined => readStat(pid)?.start;

/** The process's arguments, or undefined where /proc is not available. */
export function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}

/** SIGTERM (and SIGCONT, in case it is stopped), SIGKILL after `graceMs`; resolves true once it is gone. */
export async function terminate(pid: number, graceMs = 5_000): Promise<boolean> {
  signal(pid, 'SIGTERM');
  signal(pid, 'SIGCONT');
  if (await waitUntilGone(pid, graceMs)) return true;
  signal(pid, 'SIGKILL');
  return waitUntilGone(pid, 2_000);
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning({ pid })) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone, or not ours to signal
  }
}

function readStat(pid: number): { state: string; start: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, start] = [fields[0], fields[19]];
  return state === undefined || start === undefined ? undefined : { state, start };
}
