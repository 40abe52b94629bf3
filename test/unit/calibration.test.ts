/**
 * Calibration rules of SPEC §10 (PermenPANRB 6/2022 distribution pattern; appraiser flags),
 * with the SPEC's own examples (28 of 40 is 70%; "B 91.3% > 70%") and hand-worked cases.
 */
import { describe, expect, it } from 'vitest';
import {
  brokenRuleText, checkDistribution, keepsRule, majorityOf, nameKey, parseOrgPredikat, percentText, testAppraisers,
  type OrgPredikat, type PredikatCounts,
} from '../../src/domain/calibration.js';

const c = (SB: number, B: number, BP = 0, K = 0, SK = 0): PredikatCounts => ({ SB, B, BP, K, SK });

describe('parseOrgPredikat', () => {
  it.each([
    ['Istimewa', 'Istimewa'], ['istimewa', 'Istimewa'], ['BAIK', 'Baik'], ['baik', 'Baik'],
    ['Butuh Perbaikan', 'Butuh Perbaikan'], ['butuh_perbaikan', 'Butuh Perbaikan'], ['BUTUH-PERBAIKAN', 'Butuh Perbaikan'],
    ['kurang', 'Kurang'], ['Sangat  Kurang', 'Sangat Kurang'], ['SANGAT KURANG', 'Sangat Kurang'],
    [' Baik ', 'Baik'], ['Bagus', null], ['', null], ['SB', null],
  ])('%j → %j', (text, expected) => {
    expect(parseOrgPredikat(text)).toBe(expected);
  });
});

describe('keepsRule: shares compared exactly as fractions', () => {
  it.each([
    // SPEC §10: 28 of 40 is 70%, which keeps B ≤ 70%
    [28, 40, '<=', 70, true],
    [29, 40, '<=', 70, false],
    [7, 10, '<=', 70, true],
    // 57 of 100 against ≥ 57%: in floating point 57 / 100 * 100 is 56.99999999999999
    [57, 100, '>=', 57, true],
    [700001, 1000000, '<=', 70, false],
    [3, 5, '>=', 60, true],
    [59, 100, '>=', 60, false],
    [1, 10, '<=', 10, true],
    [0, 7, '<=', 0, true],
    [1, 7, '<=', 0, false],
  ] as const)('%i of %i %s %i%% → %s', (count, n, op, limit, expected) => {
    expect(keepsRule(count, n, { codes: ['B'], op, limit })).toBe(expected);
  });

  it('person rules count heads, not shares', () => {
    expect(keepsRule(0, 40, { codes: ['BP', 'K'], op: '>=', limit: 1, persons: true })).toBe(false);
    expect(keepsRule(1, 40, { codes: ['BP', 'K'], op: '>=', limit: 1, persons: true })).toBe(true);
  });
});

describe('percentText and brokenRuleText', () => {
  it.each([
    [21, 23, 70, '91.3'], // SPEC §10 example
    [2, 3, 70, '66.7'],
    [1, 8, 10, '12.5'],
    [701, 1001, 70, '70.03'], // one decimal would print the limit itself
    [28, 40, 70, '70.0'],
  ])('%i of %i (limit %i%%) → %s', (count, n, limit, expected) => {
    expect(percentText(count, n, limit)).toBe(expected);
  });

  it('words each broken rule', () => {
    expect(brokenRuleText(21, 23, { codes: ['B'], op: '<=', limit: 70 })).toBe('B 91.3% > 70%');
    expect(brokenRuleText(0, 12, { codes: ['BP', 'K'], op: '>=', limit: 1, persons: true })).toBe('BP + K 0 < 1 person');
    expect(brokenRuleText(1, 20, { codes: ['BP'], op: '>=', limit: 60 })).toBe('BP 5.0% < 60%');
    expect(brokenRuleText(1, 30, { codes: ['SB'], op: '<=', limit: 0 })).toBe('SB 3.3% > 0%');
  });
});

describe('checkDistribution (SPEC §10 table)', () => {
  it.each<[string, PredikatCounts, OrgPredikat, string, string[]]>([
    ['28 of 40 B is 70%: sesuai', c(7, 28, 4, 1), 'Baik', 'sesuai', []],
    ['B 91.3%', c(0, 21, 2), 'Baik', 'tidak sesuai', ['B 91.3% > 70%']],
    ['nobody BP or K', c(11, 1), 'Baik', 'tidak sesuai', ['BP + K 0 < 1 person']],
    ['both Baik rules broken', c(0, 9, 0, 0, 1), 'Baik', 'tidak sesuai', ['B 90.0% > 70%', 'BP + K 0 < 1 person']],
    ['Istimewa allows 70% SB', c(7, 3), 'Istimewa', 'sesuai', []],
    ['Istimewa: SB 80%', c(8, 2), 'Istimewa', 'tidak sesuai', ['SB 80.0% > 70%']],
    ['Butuh Perbaikan kept', c(1, 3, 6), 'Butuh Perbaikan', 'sesuai', []],
    ['Butuh Perbaikan broken twice', c(2, 5, 3), 'Butuh Perbaikan', 'tidak sesuai', ['BP 30.0% < 60%', 'SB 20.0% > 10%']],
    ['Kurang kept', c(1, 2, 1, 6), 'Kurang', 'sesuai', []],
    ['Kurang: no BP', c(0, 4, 0, 6), 'Kurang', 'tidak sesuai', ['BP 0.0% < 10%']],
    ['Sangat Kurang kept', c(0, 2, 1, 1, 6), 'Sangat Kurang', 'sesuai', []],
    ['Sangat Kurang: one SB', c(1, 2, 0, 1, 6), 'Sangat Kurang', 'tidak sesuai', ['SB 10.0% > 0%']],
    ['fewer than min-n', c(0, 4), 'Baik', 'too-small', []],
    ['nobody', c(0, 0), 'Baik', 'too-small', []],
  ])('%s', (_label, counts, org, verdict, broken) => {
    const check = checkDistribution(counts, org, 5);
    expect(check.verdict).toBe(verdict);
    expect(check.broken).toEqual(broken);
  });

  it('min-n is a head count: 5 people are enough at the default', () => {
    expect(checkDistribution(c(1, 3, 1), 'Baik', 5).verdict).toBe('sesuai');
    expect(checkDistribution(c(1, 3, 1), 'Baik', 6).verdict).toBe('too-small');
  });
});

describe('testAppraisers (SPEC §10 flags)', () => {
  it('flags a lenient, a strict, a flat and an ok appraiser, and leaves a too-small one untested', () => {
    const rest = (sb: number, n: number) => ({ sbRest: sb, nRest: n });
    const tests = testAppraisers([
      { counts: c(12, 0), ...rest(88, 488) }, // lenient: p = 2.354e-9 (scipy)
      { counts: c(0, 18, 2), ...rest(20, 65) }, // strict
      { counts: c(0, 10), ...rest(20, 75) }, // all B, p not small: flat
      { counts: c(3, 11, 1), ...rest(17, 70) }, // ok
      { counts: c(4, 0), ...rest(20, 81) }, // 4 < min-n: too-small, even all SB
    ], 5);
    expect(tests.map((t) => t.flag)).toEqual(['lenient', 'strict', 'flat', 'ok', 'too-small']);
    expect(tests[0]!.p).toBeCloseTo(2.354137479590132e-9, 18);
    expect(tests[4]).toMatchObject({ p: null, q: null, n: 4, shareSb: 1 });
    // BH over the four tested only: m = 4; the smallest p gets q = 4p.
    expect(tests[0]!.q).toBeCloseTo(4 * tests[0]!.p!, 15);
    expect(tests[1]!.shareSb).toBe(0);
    expect(tests[1]!.shareSbRest).toBeCloseTo(20 / 65, 15);
  });

  it('hand-worked: p of [[2, 0], [0, 2]] is 2/6 and of [[0, 5], [5, 0]] 2/252; BH with m = 2 doubles the smaller', () => {
    // Tables with margins (2, 2 | 2, 2): x = 0, 1, 2 weigh 1, 4, 1 → p = 2/6. Margins (5, 5 | 5, 5):
    // only x = 0 and x = 5 are as unlikely as observed, each 1/C(10, 5) = 1/252 → p = 2/252.
    const [x, y] = testAppraisers([
      { counts: c(2, 0), sbRest: 0, nRest: 2 },
      { counts: c(0, 5), sbRest: 5, nRest: 5 },
    ], 2);
    expect(x!.p).toBeCloseTo(1 / 3, 15);
    expect(y!.p).toBeCloseTo(2 / 252, 15);
    expect(y!.q).toBeCloseTo((2 / 252) * 2, 15); // rank 1 of 2: p · 2 / 1
    expect(x!.q).toBeCloseTo(1 / 3, 15); // rank 2 of 2: p · 2 / 2
    expect(y!.flag).toBe('strict'); // q 0.016 < 0.10 and 0/5 below 5/5
    expect(x!.flag).toBe('flat'); // q ≥ 0.10, and both of X's appraisees have SB
  });

  it('is not lenient when q < 0.10 but nobody else is in the instansi (p is then 1 anyway)', () => {
    const [t] = testAppraisers([{ counts: c(8, 0), sbRest: 0, nRest: 0 }], 5);
    expect(t).toMatchObject({ p: 1, q: 1, shareSbRest: null, flag: 'flat' });
  });
});

describe('majorityOf and nameKey', () => {
  it('takes the most frequent, on a tie the first by name, a missing name last', () => {
    const tally = new Map<string | null, { name: string | null; count: number }>([
      ['b', { name: 'Dinas B', count: 3 }], ['a', { name: 'Dinas A', count: 3 }], [null, { name: null, count: 3 }], ['c', { name: 'Dinas C', count: 1 }],
    ]);
    expect(majorityOf(tally)).toBe('a');
    expect(majorityOf(new Map([[null, { name: null, count: 2 }], ['x', { name: 'X', count: 1 }]]))).toBe(null);
    expect(majorityOf(new Map())).toBe(null);
  });

  it('folds unit names as SPEC §1.3', () => {
    expect(nameKey('DINAS  KESEHATAN ')).toBe(nameKey('Dinas Kesehatan'));
    expect(nameKey('Cafe\u0301')).toBe(nameKey('Café'));
  });
});
