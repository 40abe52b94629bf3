/** The public report's use of the suppression rules (SPEC §12), on rows worked by hand. */
import { describe, expect, it } from 'vitest';
import { fairnessRows } from '../../src/domain/fairness.js';
import { pooledUnitName, publicFairnessRows, publishRows } from '../../src/app/report/public.js';

describe('publishRows', () => {
  it('hides a share computed from a hidden count, and keeps one from shown counts', () => {
    const rows = publishRows(
      [
        { unit: 'A', n: 20, a: 3, b: 17, share_a: 0.15, share_b: 0.85 },
        { unit: 'B', n: 10, a: 5, b: 5, share_a: 0.5, share_b: 0.5 },
        { unit: null, n: 30, a: 8, b: 22, share_a: 8 / 30, share_b: 22 / 30 },
      ],
      { counts: ['n', 'a', 'b'], derived: { share_a: ['a', 'n'], share_b: ['b', 'n'] } },
      5,
      true,
    );
    // A: 3 → <5, then 17 (its row's next smallest); column a: A hidden alone → B's 5 (smaller than 8);
    // row B: then 5 (b) too; column b: A and B hidden → done. The overall row stays whole.
    expect(rows.map((r) => [r.n, r.a, r.b, r.share_a, r.share_b])).toEqual([
      [20, '<5', '*', '*', '*'],
      [10, '*', '*', '*', '*'],
      [30, 8, 22, 8 / 30, 22 / 30],
    ]);
  });
});

describe('publicFairnessRows', () => {
  it('hides a group with few selections, and the impact ratio of every group measured against a hidden one', () => {
    const shown = publicFairnessRows(fairnessRows('promotion', 'jenis_kelamin', [
      { group: 'L', candidates: 60, selected: 11 },
      { group: 'P', candidates: 8, selected: 3 },
    ]), 5);
    // P: 3 of 8 is the highest rate (0.375), so L is measured against a hidden group
    expect(shown.map((r) => [r.group, r.candidates, r.selected, r.impact_ratio, r.flag])).toEqual([
      ['L', 60, 11, '*', '*'],
      ['P', '*', '<5', '*', '*'],
    ]);
    expect(typeof shown[0]!.rate).toBe('number');
    expect(typeof shown[0]!.p).toBe('number');
    expect([shown[1]!.rate, shown[1]!.p]).toEqual(['*', '*']);
  });

  it('keeps the flag when both groups are shown', () => {
    const shown = publicFairnessRows(fairnessRows('promotion', 'jenis_kelamin', [
      { group: 'L', candidates: 90, selected: 13 },
      { group: 'P', candidates: 108, selected: 5 },
    ]), 5);
    expect(shown.map((r) => [r.group, r.flag])).toEqual([['L', null], ['P', 'four-fifths']]);
  });

  it('names the pooled row with k, as SPEC §12 writes it', () => {
    expect(pooledUnitName(5)).toBe('unit lain (< 5 pegawai)');
    expect(pooledUnitName(10)).toBe('unit lain (< 10 pegawai)');
  });
});
