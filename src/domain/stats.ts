/**
 * Small statistics for the promotion audit (SPEC §5 summary) and the reports (SPEC §6).
 * Pure functions of their arguments; empty inputs give null rather than NaN.
 */

/**
 * Two-sided exact binomial sign test (SPEC §5 summary): n = s + m,
 * p = min(1, 2 · Σ_{k=0..min(s,m)} C(n,k) / 2ⁿ), and p = 1 when n = 0.
 *
 * Exact when every C(n,k) and their sum fit in a double's 53-bit integer range (then the
 * only operation left is a power-of-two scaling, which is exact). Otherwise the sum is taken
 * relative to its largest term C(n,min) — the terms shrink by k/(n−k+1) going down — and that
 * term is computed in log space, so n in the hundreds of thousands neither overflows nor
 * underflows prematurely (relative error around 1e-11).
 */
export function binomialSignTest(s: number, m: number): number {
  if (!Number.isInteger(s) || !Number.isInteger(m) || s < 0 || m < 0) {
    throw new RangeError(`sign test counts must be non-negative integers, got s=${s}, m=${m}`);
  }
  const n = s + m;
  if (n === 0) return 1;
  const kMax = Math.min(s, m);
  // Beyond n ≈ 1000, 2^(1−n) is subnormal and the exact route would lose its exactness anyway.
  const exact = n <= 1000 ? exactTailSum(n, kMax) : null;
  if (exact !== null) return Math.min(1, exact * 2 ** (1 - n));
  return Math.min(1, 2 * Math.exp(logBinomial(n, kMax) - n * Math.LN2) * tailRelativeToTop(n, kMax));
}

/** Σ_{k=0..kMax} C(n,k) as an exact integer, or null when it would leave the safe range. */
function exactTailSum(n: number, kMax: number): number | null {
  let c = 1;
  let sum = 1;
  for (let k = 1; k <= kMax; k++) {
    const product = c * (n - k + 1);
    if (!Number.isSafeInteger(product)) return null;
    c = product / k; // C(n,k) = C(n,k−1)·(n−k+1)/k, always an integer
    sum += c;
    if (!Number.isSafeInteger(sum)) return null;
  }
  return sum;
}

/** ln C(n,k) as a sum of logs of ratios; k ≤ n/2 in the sign test, so at most n/2 terms. */
function logBinomial(n: number, k: number): number {
  let total = 0;
  for (let j = 1; j <= k; j++) total += Math.log((n - k + j) / j);
  return total;
}

/** Σ_{k=0..kMax} C(n,k) / C(n,kMax), summed from the largest term down until it no longer changes. */
function tailRelativeToTop(n: number, kMax: number): number {
  let ratio = 1;
  let total = 1;
  for (let k = kMax; k >= 1; k--) {
    ratio *= k / (n - k + 1); // C(n,k−1) / C(n,k)
    total += ratio;
    if (ratio < total * 1e-17) break; // later terms shrink even faster
  }
  return total;
}

/** Arithmetic mean; null for an empty list. */
export function mean(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i]!;
  return total / xs.length;
}

/** Median (the 0.5 quantile, so the mean of the two middle values for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  return quantile(xs, 0.5);
}

/**
 * Quantile q ∈ [0, 1] by linear interpolation between closest ranks — Hyndman & Fan type 7,
 * the default of R's `quantile()` and numpy's `percentile()`: with the values sorted
 * ascending as x₀ … x_{n−1}, h = (n − 1)·q and the result is x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
 * Used for the p10 / median / p90 of the merit distribution (SPEC §6). Null when empty.
 */
export function quantile(xs: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be within [0, 1], got ${q}`);
  if (xs.length === 0) return null;
  return quantileOfSorted(Float64Array.from(xs).sort(), q);
}

/** `quantile` of values already sorted ascending (several quantiles of one list sort it once). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be within [0, 1], got ${q}`);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const low = sorted[lo] as number;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return low + (h - lo) * (high - low);
}
