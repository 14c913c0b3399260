import { CATEGORIES, type Category, type Counts, type EntryScore } from './score.js';

/** Precision, recall and F1 of one category over the corpus, with the counts they come from. */
export interface Metric extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The F1 each category must reach on the corpus. */
export const TARGETS: Readonly<Partial<Record<Category, number>>> = Object.freeze({
  entities: 0.95,
  fields: 0.9,
  relations: 0.9,
});

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

/** Precision, recall and F1 from summed counts. */
export function metricOf(counts: Counts): Metric {
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** Every category's metric over all scored entries. */
export function metricsOf(scores: readonly EntryScore[]): Record<Category, Metric> {
  const sum = (c: Category): Counts =>
    scores.reduce(
      (acc, s) => ({ tp: acc.tp + s.counts[c].tp, fp: acc.fp + s.counts[c].fp, fn: acc.fn + s.counts[c].fn }),
      { tp: 0, fp: 0, fn: 0 },
    );
  return Object.fromEntries(CATEGORIES.map((c) => [c, metricOf(sum(c))])) as Record<Category, Metric>;
}

/** How wrong one reading is: the entities, fields and relations it missed or added. */
export const errorsOf = (score: EntryScore): number =>
  (['entities', 'fields', 'relations'] as const).reduce(
    (n, c) => n + score.counts[c].fp + score.counts[c].fn,
    0,
  );

/** The `count` worst readings, most errors first. */
export const worstOf = (scores: readonly EntryScore[], count: number): EntryScore[] =>
  [...scores]
    .filter((s) => errorsOf(s) > 0)
    .sort((a, b) => errorsOf(b) - errorsOf(a) || a.id.localeCompare(b.id))
    .slice(0, count);

/** The categories whose F1 is below its target. */
export const missedTargets = (metrics: Readonly<Record<Category, Metric>>): Category[] =>
  CATEGORIES.filter((c) => {
    const target = TARGETS[c];
    return target !== undefined && metrics[c].f1 < target;
  });
