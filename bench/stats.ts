/** Order statistics the benchmarks report (of a copy: the samples keep their order). */

/** The value at percentile `p` (0–100): the sample below which p% of the samples lie. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The middle sample (the upper one of an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
