/**
 * The figures of the evaluation reports (SPEC §6) that are rules rather than plain counts:
 * JPM categories, the training target, the merit distribution and its histogram bins.
 * Pure: thresholds are constants named after the SPEC, or arguments.
 */
import { roundHalfAwayFromZero } from './numbers.js';
import { mean, quantileOfSorted } from './stats.js';

/** JPM category (SPEC §6): Optimal ≥ 90, Cukup Optimal ≥ 78, else Kurang Optimal. */
export type JpmCategory = 'optimal' | 'cukup_optimal' | 'kurang_optimal';
export const JPM_CATEGORIES: readonly JpmCategory[] = ['optimal', 'cukup_optimal', 'kurang_optimal'];

/**
 * Cut-offs of the JPM categories in % (SPEC §6). They are the categories of the competence
 * assessment used across the civil service (Job Person Match of the assessed competencies
 * against the post's competency standard), the same numbers as the potensial cut-offs of §4.
 */
export const JPM_CUTOFFS = { optimal: 90, cukupOptimal: 78 } as const;

/** The category of one JPM value (SPEC §6). */
export function jpmCategory(jpm: number): JpmCategory {
  if (jpm >= JPM_CUTOFFS.optimal) return 'optimal';
  if (jpm >= JPM_CUTOFFS.cukupOptimal) return 'cukup_optimal';
  return 'kurang_optimal';
}

/**
 * Training compliance (SPEC §6, §3 pengembangan): the JP of year Y reach the yearly target —
 * 20 JP for PNS in PP 11/2017 art. 203(4), the model's `jpTarget`. No JP recorded fails.
 */
export function meetsJpTarget(jp: number | null, target: number): boolean {
  return jp !== null && jp >= target;
}

/** part ÷ whole, null when whole is 0 (a share of nobody is no figure, not 0 %). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Merit distribution of one group (SPEC §6): n, mean, median, p10, p90 (quantile type 7). */
export interface MeritDistribution {
  n: number;
  mean: number | null;
  median: number | null;
  p10: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

export function meritDistribution(values: ArrayLike<number>): MeritDistribution {
  // Sorted once for every quantile, and summed in that order: the mean then does not depend
  // on the order the employees were read in (floating-point sums do), so it is the same
  // figure whichever way the database was filled.
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return {
    n,
    mean: mean(sorted),
    median: quantileOfSorted(sorted, 0.5),
    p10: quantileOfSorted(sorted, 0.1),
    p90: quantileOfSorted(sorted, 0.9),
    min: n === 0 ? null : sorted[0]!,
    max: n === 0 ? null : sorted[n - 1]!,
  };
}

export interface MeritBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Histogram of merit values on 0–100 in bins of `width` points (SPEC §6 "merit histogram per
 * unit"): [0, 10), [10, 20), …, [90, 100] — the last bin closed so a perfect 100 is counted.
 * A value is binned after rounding to 2 decimals, the way it is printed, so 79.999 shows in the
 * same bin as the "80.00" a reader sees. Values outside 0–100 are clamped into the end bins.
 */
export function meritBins(values: Iterable<number>, width = 10): MeritBin[] {
  const step = Number.isFinite(width) && width > 0 && width <= 100 ? width : 10;
  const count = Math.ceil(100 / step);
  const bins: MeritBin[] = [];
  for (let i = 0; i < count; i += 1) bins.push({ from: i * step, to: Math.min(100, (i + 1) * step), count: 0 });
  for (const value of values) {
    const printed = roundHalfAwayFromZero(value, 2);
    const index = Math.min(count - 1, Math.max(0, Math.floor(printed / step)));
    (bins[index] as MeritBin).count += 1;
  }
  return bins;
}
