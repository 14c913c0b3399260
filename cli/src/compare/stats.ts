/** Two-sided 95 % critical values of Student's t by degrees of freedom (1–30); 1.96 beyond. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** The sample standard deviation (0 for fewer than two values). */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1));
}

/** The mean and its 95 % confidence interval (Student's t; a single value has an interval of zero width). */
export function meanWithInterval(xs: readonly number[]): { mean: number; ci95: [number, number] } {
  const m = mean(xs);
  const t = xs.length < 2 ? 0 : (T95[xs.length - 2] ?? 1.96);
  const half = (t * sampleSd(xs)) / Math.sqrt(Math.max(1, xs.length));
  return { mean: m, ci95: [m - half, m + half] };
}

/** The p-th percentile (0–100), interpolating linearly between the closest ranks. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p / 100) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** `a ÷ b`, or null when b is 0. */
export const ratioOf = (a: number, b: number): number | null => (b === 0 ? null : a / b);
