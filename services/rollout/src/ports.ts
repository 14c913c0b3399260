import type { RolloutWindow } from './domain/window.js';

/** Where the monitor keeps its window between runs and processes (compare-and-set on `revision`). */
export interface WindowStore {
  load(): Promise<{ window: RolloutWindow; revision: number }>;
  /** Fails with a retryable error when another monitor saved since `revision` was loaded. */
  save(window: RolloutWindow, revision: number): Promise<void>;
}
