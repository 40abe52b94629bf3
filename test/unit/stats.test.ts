import { describe, it, expect } from 'vitest';
import { binomialSignTest, mean, median, quantile } from '../../src/domain/stats.js';

/** Brute force with BigInt: 2 · Σ_{k≤min} C(n,k) / 2ⁿ, capped at 1 (SPEC §5 summary). */
function bruteForce(s: number, m: number): number {
  const n = s + m;
  if (n === 0) return 1;
  let c = 1n;
  let sum = 1n;
  for (let k = 1; k <= Math.min(s, m); k++) {
    c = (c * BigInt(n - k + 1)) / BigInt(k);
    sum += c;
  }
  return Math.min(1, Number(2n * sum) / 2 ** n);
}

describe('binomialSignTest (SPEC §5 summary)', () => {
  it.each([
    [9, 1, 0.021484375],
    [1, 9, 0.021484375],
    [5, 5, 1],
    [10, 0, 0.001953125],
    [0, 10, 0.001953125],
    [0, 0, 1],
    [1, 0, 1],
    [8, 2, 0.109375],
    [6, 0, 0.03125],
  ])('s=%i, m=%i → p=%f exactly', (s, m, p) => {
    expect(binomialSignTest(s, m)).toBe(p);
  });

  it.each([
    [3, 1], [7, 2], [12, 4], [15, 15], [20, 3], [25, 10], [26, 24], [40, 12], [45, 5], [52, 0],
  ])('s=%i, m=%i equals the BigInt brute-force sum exactly', (s, m) => {
    expect(binomialSignTest(s, m)).toBe(bruteForce(s, m));
  });

  // Here C(n,k) leaves the 53-bit range, so the log-space route is used.
  it.each([
    [31, 30], [60, 40], [70, 30], [200, 180], [300, 290], [520, 480],
  ])('s=%i, m=%i agrees with the BigInt sum to 1e-10 relative', (s, m) => {
    const expected = bruteForce(s, m);
    expect(Math.abs(binomialSignTest(s, m) - expected) / expected).toBeLessThan(1e-10);
  });

  // Reference values from Python's exact integer arithmetic (fractions.Fraction).
  it.each([
    [600, 400, 2.7284641560660184e-10],
    [700, 300, 1.7665678007950136e-37],
    [5200, 4800, 6.593515598672442e-5],
    [50500, 49500, 0.0015823598788515956],
    [50200, 49800, 0.20703897176422484],
  ])('large n: s=%i, m=%i → %f', (s, m, expected) => {
    const p = binomialSignTest(s, m);
    expect(Number.isFinite(p)).toBe(true);
    expect(Math.abs(p - expected) / expected).toBeLessThan(1e-9);
  });

  it.each([
    [50000, 50000], [100000, 0], [60000, 40000], [0, 150000],
  ])('large n stays within [0, 1] without overflow: s=%i, m=%i', (s, m) => {
    const p = binomialSignTest(s, m);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    if (s === m) expect(p).toBe(1);
    if (Math.abs(s - m) > 10000) expect(p).toBeLessThan(1e-100);
  });

  it.each([[-1, 2], [1.5, 2], [Number.NaN, 0]])('refuses invalid counts s=%s, m=%s', (s, m) => {
    expect(() => binomialSignTest(s, m)).toThrow(RangeError);
  });
});

describe('mean / median / quantile (type 7, as R and numpy)', () => {
  it.each([
    [[], null],
    [[80], 80],
    [[70, 80, 90], 80],
    [[72.5, 88.25], 80.375],
  ])('mean(%j) = %s', (xs, expected) => {
    expect(mean(xs)).toBe(expected);
  });

  it.each([
    [[], null],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[66.67], 66.67],
  ])('median(%j) = %s', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it.each([
    // numpy.percentile([1, 2, 3, 4], 10) == 1.3; R quantile(1:4, 0.9) == 3.7
    [[1, 2, 3, 4], 0.1, 1.3],
    [[1, 2, 3, 4], 0.9, 3.7],
    [[4, 3, 2, 1], 0, 1],
    [[4, 3, 2, 1], 1, 4],
    [[10, 20, 30, 40, 50], 0.25, 20],
    [[10, 20, 30, 40, 50], 0.1, 14],
    [[55], 0.9, 55],
    [[], 0.5, null],
  ])('quantile(%j, %f) = %s', (xs, q, expected) => {
    const value = quantile(xs, q);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    quantile(xs, 0.5);
    expect(xs).toEqual([3, 1, 2]);
  });

  it.each([-0.1, 1.1, Number.NaN])('refuses q=%f', (q) => {
    expect(() => quantile([1, 2], q)).toThrow(RangeError);
  });
});
