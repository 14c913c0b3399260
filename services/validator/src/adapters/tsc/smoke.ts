import type { Containment } from '../sandbox/containment.js';
import type { SandboxLimits } from './sandbox.js';
import { runCollecting, sandboxFlags } from './sandbox.js';

/** Time the driver is given beyond the server's start-up wait, to probe and to stop it. */
const DRIVER_MARGIN_MS = 10_000;

/**
 * Starts `dist/main.js` in the sandbox on a free loopback port; GET `path` must answer 200 and an
 * unknown route 404. The server and its probe (the smoke driver) run under the same containment, so
 * inside a network namespace both share its loopback and nothing else.
 */
export async function smokeTest(
  containment: Containment,
  dir: string,
  path: string,
  limits: SandboxLimits,
): Promise<{ passed: boolean; detail: string }> {
  const waitMs = Math.min(limits.timeoutMs, 15_000);
  const server = [process.execPath, ...sandboxFlags(dir, limits, containment.preload), 'dist/main.js'];
  const input = JSON.stringify({ argv: server, cwd: dir, path, waitMs });
  const driver = containment.wrap([process.execPath, containment.smokeDriver, input]);
  const result = await runCollecting(driver, dir, waitMs + DRIVER_MARGIN_MS);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as { passed: unknown; detail: unknown };
    if (typeof parsed.passed === 'boolean' && typeof parsed.detail === 'string')
      return { passed: parsed.passed, detail: parsed.detail };
  } catch {
    // reported below
  }
  const why = result.timedOut ? 'the smoke test did not finish in time' : 'the smoke driver failed';
  return { passed: false, detail: `${why}: ${result.stderr.trim().slice(-500)}` };
}
