/**
 * Fisher exact (two-sided) and Benjamini–Hochberg (SPEC §10, §12) against values computed
 * independently: R's documented fisher.test examples (TeaTasting 0.4857, Convictions) and
 * scipy 1.17.1 `scipy.stats.fisher_exact(table, alternative='two-sided')` for the others;
 * BH against a table worked by hand below (and equal to scipy's `false_discovery_control`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, fisherExactTwoSided } from '../../src/domain/contingency.js';

describe('fisherExactTwoSided', () => {
  it.each([
    // R ?fisher.test, "Tea tasting": p-value = 0.4857 (exactly 17/35)
    [[3, 1, 1, 3], 17 / 35],
    // R ?fisher.test, "Convictions" of twins (two-sided)
    [[2, 10, 15, 3], 0.0005367241191434357],
    // scipy.stats.fisher_exact doc example [[6, 2], [1, 4]]
    [[6, 2, 1, 4], 0.10256410256410256],
    [[1, 9, 11, 3], 0.0027594561852200836],
    [[0, 5, 5, 0], 0.007936507936507938],
    [[5, 0, 0, 5], 0.007936507936507938],
    [[10, 2, 30, 58], 0.0028978978631548718],
    [[7, 3, 40, 50], 0.1831230660016126],
    [[3, 17, 600, 2400], 0.78107529019049],
    // an appraiser giving SB to all 12 of theirs, against 88 SB of 488 in the rest
    [[12, 0, 88, 400], 2.354137479590132e-9],
    [[25, 5, 300, 2670], 2.713503981907666e-20],
    // one possible table only
    [[0, 0, 3, 4], 1],
    [[1, 0, 0, 0], 1],
  ])('%j → %d', (cells, expected) => {
    const [a, b, c, d] = cells as [number, number, number, number];
    expect(fisherExactTwoSided(a, b, c, d)).toBeCloseTo(expected, 12);
    expect(Math.abs(fisherExactTwoSided(a, b, c, d) / expected - 1)).toBeLessThan(1e-9);
  });

  it('hand-worked: [[2, 0], [0, 2]] has tables x = 0, 1, 2 with weights 1, 4, 1 of 6, so p = 2/6', () => {
    expect(fisherExactTwoSided(2, 0, 0, 2)).toBeCloseTo(1 / 3, 15);
    expect(fisherExactTwoSided(1, 1, 1, 1)).toBe(1);
  });

  it('is symmetric under swapping rows, columns, or transposing', () => {
    fc.assert(fc.property(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30), (a, b, c, d) => {
      const p = fisherExactTwoSided(a, b, c, d);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(fisherExactTwoSided(c, d, a, b)).toBeCloseTo(p, 12);
      expect(fisherExactTwoSided(b, a, d, c)).toBeCloseTo(p, 12);
      expect(fisherExactTwoSided(a, c, b, d)).toBeCloseTo(p, 12);
    }));
  });

  it('handles national-scale margins without overflow', () => {
    const p = fisherExactTwoSided(40, 10, 170_000, 830_000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-15);
    expect(fisherExactTwoSided(10, 40, 200_000, 800_000)).toBeGreaterThan(0.5);
  });

  it.each([[-1, 0, 0, 0], [0.5, 1, 1, 1], [Number.NaN, 1, 1, 1]])('refuses a bad cell %j', (a, b, c, d) => {
    expect(() => fisherExactTwoSided(a, b, c, d)).toThrow(RangeError);
  });
});

describe('benjaminiHochberg', () => {
  it('hand-worked table: m = 6', () => {
    // sorted: 0.005 (rank 1) → 0.03; 0.01 (2) → 0.03; 0.03 (3) → 0.06; 0.04 (4) → 0.06;
    // 0.2 (5) → 0.24; 0.5 (6) → 0.5; then the running minimum from the top changes nothing.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.5]);
    [0.03, 0.06, 0.06, 0.03, 0.24, 0.5].forEach((expected, i) => expect(q[i]).toBeCloseTo(expected, 15));
  });

  it('takes the running minimum from the largest p down, caps at 1, and gives ties one q', () => {
    // 0.04·3/3 = 0.04 is smaller than 0.03·3/2 = 0.045, so rank 2 takes 0.04.
    expect(benjaminiHochberg([0.03, 0.04, 0.001])).toEqual([0.04, 0.04, 0.003]);
    expect(benjaminiHochberg([0.9, 0.9])).toEqual([0.9, 0.9]);
    expect(benjaminiHochberg([1, 0.8])).toEqual([1, 1]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('q ≥ p, q ≤ 1, and q keeps the order of p', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (ps) => {
      const q = benjaminiHochberg(ps);
      ps.forEach((p, i) => {
        expect(q[i]).toBeGreaterThanOrEqual(p - 1e-15);
        expect(q[i]).toBeLessThanOrEqual(1);
        ps.forEach((p2, j) => { if (p < p2) expect(q[i]).toBeLessThanOrEqual(q[j]! + 1e-15); });
      });
    }));
  });

  it('refuses a p outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(RangeError);
  });
});
