import type { DiscoveryDocument } from '@mge/contracts';
import type { CorpusEntry } from './corpus.js';
import { metricsOf, missedTargets, TARGETS, worstOf, type Metric } from './metrics.js';
import { scoreEntry, type Category, type EntryScore } from './score.js';

/** A reading that went wrong: the entry, its score, and the error when it could not be read. */
export interface WorstCase extends EntryScore {
  readonly request: string;
  readonly error?: string;
}

/** Discovery measured on a labelled corpus. */
export interface DiscoveryEval {
  readonly entries: number;
  readonly domains: number;
  readonly metrics: Readonly<Record<Category, Metric>>;
  readonly targets: Readonly<Partial<Record<Category, number>>>;
  readonly missed: readonly Category[];
  readonly unread: number;
  readonly worst: readonly WorstCase[];
}

/** Reads every entry's request with `read` and scores it; a request `read` refuses scores as unread. */
export function evaluateDiscovery(
  entries: readonly CorpusEntry[],
  read: (request: string) => DiscoveryDocument,
  worstCount = 10,
): DiscoveryEval {
  const errors = new Map<string, string>();
  const scores = entries.map((entry) => {
    try {
      return scoreEntry(entry, read(entry.request).entities);
    } catch (error) {
      errors.set(entry.id, error instanceof Error ? error.message : String(error));
      return scoreEntry(entry, []);
    }
  });
  const metrics = metricsOf(scores);
  const requests = new Map(entries.map((e) => [e.id, e.request]));
  const worst = worstOf(scores, worstCount).map((s) => {
    const error = errors.get(s.id);
    return { ...s, request: requests.get(s.id) ?? '', ...(error === undefined ? {} : { error }) };
  });
  return {
    entries: entries.length,
    domains: new Set(entries.map((e) => e.domain.toLowerCase())).size,
    metrics,
    targets: TARGETS,
    missed: missedTargets(metrics),
    unread: errors.size,
    worst,
  };
}
