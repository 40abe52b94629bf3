/**
 * Fairness figures (SPEC §12) on tallies worked by hand. Fisher p values are the hypergeometric
 * sums written out in the comments (C(5,x)·C(15,10−x) over C(20,10) = 184756).
 */
import { describe, expect, it } from 'vitest';
import { addToTally, ageBand, ageInYears, fairnessRows, genderGroup, type GroupTally } from '../../src/domain/fairness.js';
import { fisherByHand } from '../support/fisher-by-hand.js';


describe('ageInYears and ageBand (SPEC §12: whole years at D)', () => {
  it.each([
    ['1990-06-15', '2025-06-14', 34, '<35'],
    ['1990-06-15', '2025-06-15', 35, '35-44'],
    ['1980-12-31', '2025-12-30', 44, '35-44'],
    ['1980-12-31', '2025-12-31', 45, '45-54'],
    ['1970-01-01', '2024-12-31', 54, '45-54'],
    ['1970-01-01', '2025-01-01', 55, '>=55'],
    // 29 February: a year older on 1 March in a common year
    ['1992-02-29', '2025-02-28', 32, '<35'],
    ['1992-02-29', '2025-03-01', 33, '<35'],
    [null, '2025-01-01', null, 'unknown'],
    ['2030-01-01', '2025-01-01', null, 'unknown'],
  ])('born %s, at %s: %s years, band %s', (birth, at, age, band) => {
    expect(ageInYears(birth, at)).toBe(age);
    expect(ageBand(birth, at)).toBe(band);
  });

  it.each([['L', 'L'], ['P', 'P'], [null, 'unknown'], ['X', 'unknown']])('jenis_kelamin %s → %s', (jk, group) => {
    expect(genderGroup(jk)).toBe(group);
  });
});

describe('fairnessRows (SPEC §12)', () => {
  it('hand-worked: men 4 of 10, women 1 of 10', () => {
    const rows = fairnessRows('promotion', 'jenis_kelamin', [
      { group: 'P', candidates: 10, selected: 1 },
      { group: 'L', candidates: 10, selected: 4 },
    ]);
    expect(rows.map((r) => r.group)).toEqual(['L', 'P']);
    const [l, p] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(l.rate).toBe(0.4);
    expect(l.impactRatio).toBe(1);
    expect(l.flag).toBeNull();
    expect(p.rate).toBe(0.1);
    expect(p.impactRatio).toBeCloseTo(0.25, 12);
    // 5·1·10 = 50 < 4·4·10 = 160
    expect(p.flag).toBe('four-fifths');
    // [[4, 6], [1, 9]]: weights x=0..5 are 3003, 25025, 64350, 64350, 25025, 3003; observed x=4 (25025);
    // p = (3003 + 25025 + 25025 + 3003) / 184756
    expect(l.p).toBeCloseTo(56056 / 184756, 12);
    expect(p.p).toBeCloseTo(56056 / 184756, 12);
    expect(l.reference).toBe('L');
  });

  it('a ratio of exactly 0.8 is not flagged, though floating point says 0.7999…', () => {
    // (1/3) ÷ (5/12) = 12/15 = 0.8; in doubles 0.7999999999999999
    expect((1 / 3) / (5 / 12)).toBeLessThan(0.8);
    const rows = fairnessRows('sb', 'age_band', [
      { group: '<35', candidates: 12, selected: 5 },
      { group: '35-44', candidates: 3, selected: 1 },
    ]);
    expect(rows.find((r) => r.group === '35-44')?.flag).toBeNull();
    // one fewer selection in 4 candidates: (1/4) ÷ (5/12) = 0.6 → flagged
    const lower = fairnessRows('sb', 'age_band', [
      { group: '<35', candidates: 12, selected: 5 },
      { group: '35-44', candidates: 4, selected: 1 },
    ]);
    expect(lower.find((r) => r.group === '35-44')?.flag).toBe('four-fifths');
  });

  it('unknown is listed last, never flagged and never the reference; empty groups are left out', () => {
    const rows = fairnessRows('promotion', 'age_band', [
      { group: 'unknown', candidates: 4, selected: 4 },
      { group: '>=55', candidates: 0, selected: 0 },
      { group: '45-54', candidates: 10, selected: 5 },
      { group: '<35', candidates: 10, selected: 1 },
    ]);
    expect(rows.map((r) => r.group)).toEqual(['<35', '45-54', 'unknown']);
    expect(rows.every((r) => r.reference === '45-54')).toBe(true);
    const unknown = rows.find((r) => r.group === 'unknown')!;
    expect(unknown.impactRatio).toBe(2);
    expect(unknown.flag).toBeNull();
    expect(rows.find((r) => r.group === '<35')!.flag).toBe('four-fifths');
    // unknown is among "the others" of the Fisher table: <35 against 9 selected of 14 → [[1, 9], [9, 5]]
    const lt35 = rows.find((r) => r.group === '<35')!;
    expect(lt35.p).toBeCloseTo(fisherByHand(1, 9, 9, 5), 12);
  });

  it('nobody selected: no impact ratio, no flag, p = 1', () => {
    const rows = fairnessRows('promotion', 'jenis_kelamin', [
      { group: 'L', candidates: 3, selected: 0 },
      { group: 'P', candidates: 2, selected: 0 },
    ]);
    expect(rows.map((r) => [r.impactRatio, r.flag, r.p])).toEqual([[null, null, 1], [null, null, 1]]);
  });

  it('refuses more selected than candidates', () => {
    expect(() => fairnessRows('sb', 'jenis_kelamin', [{ group: 'L', candidates: 2, selected: 3 }])).toThrow(RangeError);
  });

  it('addToTally sums candidate-events per group', () => {
    const t = new Map<string, GroupTally>();
    addToTally(t, 'L', 3, 1);
    addToTally(t, 'P', 2, 0);
    addToTally(t, 'L', 1, 0);
    expect([...t.values()]).toEqual([{ group: 'L', candidates: 4, selected: 1 }, { group: 'P', candidates: 2, selected: 0 }]);
  });
});
