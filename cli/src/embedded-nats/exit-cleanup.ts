/** What to let go of when the process ends. */
export interface ExitCleanupTarget {
  release(): Promise<void>;
  /** Run from `process.on('exit')` when `release` has not finished (e.g. `process.exit()` was called). */
  releaseSync?(): void;
}

export interface ExitCleanupOptions {
  /** Handle SIGINT/SIGTERM here: release, then exit 130/143. Off for callers with their own handlers. */
  readonly signals?: boolean;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Makes `release` run however the process ends: when its work is done (`beforeExit`), on SIGINT/SIGTERM,
 * and, synchronously, on `process.exit()`. A second signal exits at once. Returns a function that uninstalls.
 */
export function installExitCleanup(target: ExitCleanupTarget, options: ExitCleanupOptions = {}): () => void {
  let started = false;
  let finished = false;
  const release = async () => {
    if (started) return;
    started = true;
    await target.release().catch(() => undefined);
    finished = true;
  };
  const onBeforeExit = () => void release();
  const onExit = () => {
    if (!finished) target.releaseSync?.();
  };
  const onSignal = (signal: keyof typeof EXIT_CODES) => {
    if (started) process.exit(EXIT_CODES[signal]);
    void release().finally(() => process.exit(EXIT_CODES[signal]));
  };
  const signals = options.signals ?? true;
  process.once('beforeExit', onBeforeExit);
  process.once('exit', onExit);
  if (signals) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  return () => {
    process.off('beforeExit', onBeforeExit);
    process.off('exit', onExit);
    if (signals) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
  };
}
