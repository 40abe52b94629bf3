/** SPEC §6 report figures: JPM categories, training target, merit distribution and histogram bins. */
import { describe, expect, it } from 'vitest';
import { jpmCategory, meetsJpTarget, meritBins, meritDistribution, shareOf } from '../../src/domain/report-figures.js';

describe('jpmCategory (SPEC §6: Optimal ≥ 90, Cukup Optimal ≥ 78, else Kurang Optimal)', () => {
  it.each([
    [100, 'optimal'],
    [90, 'optimal'],
    [89.99, 'cukup_optimal'],
    [84.5, 'cukup_optimal'],
    [78, 'cukup_optimal'],
    [77.99, 'kurang_optimal'],
    [65, 'kurang_optimal'],
    [0, 'kurang_optimal'],
  ])('JPM %s → %s', (jpm, category) => {
    expect(jpmCategory(jpm)).toBe(category);
  });
});

describe('meetsJpTarget (PP 11/2017 art. 203(4): 20 JP a year)', () => {
  it.each<[number | null, number, boolean]>([
    [20, 20, true],
    [32, 20, true],
    [19.5, 20, false],
    [0, 20, false],
    [null, 20, false],
    [24, 24, true],
  ])('JP %s with target %s → %s', (jp, target, expected) => {
    expect(meetsJpTarget(jp, target)).toBe(expected);
  });
});

describe('shareOf', () => {
  it.each<[number, number, number | null]>([
    [23, 35, 23 / 35],
    [0, 5, 0],
    [0, 0, null],
  ])('%s of %s', (part, whole, expected) => {
    expect(shareOf(part, whole)).toBe(expected);
  });
});

describe('meritDistribution (mean, median, p10, p90 by quantile type 7)', () => {
  it('fixtures/minimal BKPSDM-like values', () => {
    const d = meritDistribution([98.05, 85.8, 80.5, 73.55, 73.55, 42.86]);
    expect(d.n).toBe(6);
    expect(d.mean).toBeCloseTo((98.05 + 85.8 + 80.5 + 73.55 + 73.55 + 42.86) / 6, 10);
    // sorted 42.86, 73.55, 73.55, 80.5, 85.8, 98.05: median = (73.55 + 80.5) / 2
    expect(d.median).toBeCloseTo(77.025, 10);
    // p10: h = 5 × 0.1 = 0.5 → 42.86 + 0.5 × (73.55 − 42.86)
    expect(d.p10).toBeCloseTo(58.205, 10);
    // p90: h = 4.5 → 85.8 + 0.5 × (98.05 − 85.8)
    expect(d.p90).toBeCloseTo(91.925, 10);
    expect([d.min, d.max]).toEqual([42.86, 98.05]);
  });

  it('nobody rated gives no figures, not NaN', () => {
    expect(meritDistribution([])).toEqual({ n: 0, mean: null, median: null, p10: null, p90: null, min: null, max: null });
  });
});

describe('meritBins (histogram 0–100 in steps of 10, last bin closed)', () => {
  const countsOf = (values: number[]) => meritBins(values).map((b) => b.count);

  it('has ten bins with their edges', () => {
    const bins = meritBins([]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 0 });
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 0 });
  });

  it.each<[string, number[], number, number]>([
    ['a perfect 100 counts in the last bin', [100], 9, 1],
    ['90 opens the last bin', [90], 9, 1],
    ['79.994 prints as 79.99: bin 70–80', [79.994], 7, 1],
    ['79.995 prints as 80.00: bin 80–90', [79.995], 8, 1],
    ['0 is the first bin', [0], 0, 1],
    ['45.00 and 42.86 share bin 40–50', [45, 42.86], 4, 2],
  ])('%s', (_label, values, index, count) => {
    expect(countsOf(values)[index]).toBe(count);
    expect(countsOf(values).reduce((s, c) => s + c, 0)).toBe(values.length);
  });

  it('other widths: 20 points gives five bins', () => {
    expect(meritBins([10, 30, 99], 20).map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 20, 1], [20, 40, 1], [40, 60, 0], [60, 80, 0], [80, 100, 1],
    ]);
  });
});

describe('histogramBlocks limit', () => {
  it('draws only the units with the most rated employees, in unit order', async () => {
    const { histogramBlocks } = await import('../../src/app/report/summary.js');
    const unit = (name: string, n: number) => ({ unit: name, merits: Array.from({ length: n }, () => 70) });
    const figures = { units: [unit('C', 5), unit('A', 1), unit('B', 9), unit('D', 0)] } as unknown as Parameters<typeof histogramBlocks>[0];
    const all = histogramBlocks(figures).map((b) => (b as { chart: { unit: string } }).chart.unit);
    expect(all).toEqual(['A', 'B', 'C']);
    const two = histogramBlocks(figures, 2).map((b) => (b as { chart: { unit: string } }).chart.unit);
    expect(two).toEqual(['B', 'C']);
  });
});
