import type { Comparison, PipelineFigures } from './figures.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (r: number | null) => (r === null ? '—' : r.toFixed(2));
const interval = (f: { mean: number; ci95: [number, number] }) =>
  `${pct(f.mean)} [${pct(f.ci95[0])}, ${pct(f.ci95[1])}]`;

/** The comparison for people: one row per figure, V1 and V2 side by side, and V2 ÷ V1. */
export function formatComparison(c: Comparison, header: string): string {
  const rows: [string, (f: PipelineFigures) => string, number | null | undefined][] = [
    ['success rate', (f) => `${pct(f.successRate)} (${f.succeeded}/${f.runs})`, c.ratios.successRate],
    ['precision (95% CI)', (f) => interval(f.precision), c.ratios.precision],
    ['first-pass precision', (f) => interval(f.firstPassPrecision), c.ratios.firstPassPrecision],
    ['duration mean', (f) => secs(f.durationMs.mean), c.ratios.durationMs],
    ['duration p50 / p95', (f) => `${secs(f.durationMs.p50)} / ${secs(f.durationMs.p95)}`, undefined],
    ['attempts (mean)', (f) => f.attempts.mean.toFixed(1), undefined],
    ['tokens (mean)', (f) => Math.round(f.tokens.mean).toLocaleString('en-US'), c.ratios.tokens],
    ['cost (mean)', (f) => `$${f.costUsd.mean.toFixed(4)}`, c.ratios.costUsd],
  ];
  const cells = rows.map(([name, cell, r]) => [
    name,
    cell(c.v1),
    cell(c.v2),
    r === undefined ? '' : ratio(r),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((row) => row[i]!.length), 2) + 3);
  const line = (row: string[]) =>
    `  ${row[0]!.padEnd(widths[0]!)}${row[1]!.padEnd(widths[1]!)}${row[2]!.padEnd(widths[2]!)}${row[3]}`.trimEnd();
  return [header, line(['', 'V1', 'V2', 'V2 ÷ V1']), ...cells.map(line)].join('\n');
}
