import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = (service: string) =>
  fileURLToPath(new URL(`../../../services/${service}/dist/main.js`, import.meta.url));

/** One service running as its own process, as it would in its own container. */
export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code once the process is gone. */
  readonly exited: Promise<number | null>;
  output(): string;
}

export function startServiceProcess(service: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [main(service)], {
    env: { ...process.env, MGE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { name: service, child, exited, output: () => output };
}

/** Stops every process (SIGTERM, then SIGKILL after a grace period) and waits for them. */
export async function stopAll(processes: readonly ServiceProcess[]): Promise<void> {
  await Promise.all(
    processes.map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return;
      p.child.kill('SIGTERM');
      const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
      await p.exited;
      clearTimeout(timer);
    }),
  );
}
