import type { ReviewEntry } from './domain/queue.js';

/** Where the review queue projection lives. */
export interface ReviewStore {
  /** The run's entries by atom id. */
  entriesOf(runId: string): Promise<Map<string, ReviewEntry>>;
  put(entries: readonly ReviewEntry[]): Promise<void>;
  /** Every entry of every run. */
  all(): Promise<ReviewEntry[]>;
}
