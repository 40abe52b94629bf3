import { describe, expect, it } from 'vitest';
import type { DukKey } from '../../src/domain/duk.js';
import { percentileOf, rankScope } from '../../src/domain/ranking.js';

function duk(nip: string, golonganCode: number | null, overrides: Partial<DukKey> = {}): DukKey {
  return {
    nip,
    group: 'PNS',
    golonganCode,
    tmtGolongan: '2020-04-01',
    level: 1,
    serviceMonths: 120,
    educationRank: 8,
    tahunLulus: 2008,
    tglLahir: '1986-05-20',
    ...overrides,
  };
}

interface Row {
  nip: string;
  merit: number | null;
  duk: DukKey;
}

function row(nip: string, merit: number | null, golonganCode: number | null = 31): Row {
  return { nip, merit, duk: duk(nip, golonganCode) };
}

describe('percentileOf (SPEC §3: (n − rank) ÷ (n − 1), 1 when n = 1)', () => {
  it.each([
    [1, 1, 1],
    [1, 5, 1], // (5 − 1) ÷ 4
    [2, 5, 0.75], // (5 − 2) ÷ 4
    [3, 5, 0.5], // (5 − 3) ÷ 4
    [4, 5, 0.25], // (5 − 4) ÷ 4
    [5, 5, 0], // (5 − 5) ÷ 4
    [2, 3, 0.5], // (3 − 2) ÷ 2
  ])('rank %d of %d → %d', (rank, n, percentile) => {
    expect(percentileOf(rank, n)).toBe(percentile);
  });
});

describe('rankScope', () => {
  it('orders by merit desc with ranks and percentiles (n = 5)', () => {
    const items = [row('1', 61.2), row('2', 88.75), row('3', 70), row('4', 93.1), row('5', 45)];
    const ranked = rankScope(items);
    expect(ranked.map((r) => [r.nip, r.rank, r.percentile])).toEqual([
      ['4', 1, 1],
      ['2', 2, 0.75],
      ['3', 3, 0.5],
      ['1', 4, 0.25],
      ['5', 5, 0],
    ]);
  });

  it('a single rated employee has rank 1 and percentile 1', () => {
    expect(rankScope([row('198001012005011001', 55.5)])).toMatchObject([{ rank: 1, percentile: 1 }]);
  });

  it.each([
    // [case, first item, second item, nip ranked first]
    // Equal merit: golongan IV/a (41) is more senior than III/d (34) in the DUK, so it ranks first.
    ['merit tie broken by DUK golongan', row('A', 80, 34), row('B', 80, 41), 'B'],
    // 70.0000001 and 70 are equal at 6 decimals: the noise must not decide, the DUK does.
    ['6-decimal noise ties', row('A', 70.0000001, 31), row('B', 70, 32), 'B'],
    ['sum-order noise ties (0.1 + 0.2 vs 0.3, scaled)', row('A', (0.1 + 0.2) * 100, 31), row('B', 30, 32), 'B'],
    // 70.000001 differs at the 6th decimal: merit decides against the DUK.
    ['a real difference at the 6th decimal', row('A', 70.000001, 31), row('B', 70, 32), 'A'],
    // Same merit and same DUK fields: nip asc, the DUK's last step.
    ['full tie broken by nip', row('199001012015031002', 75, 32), row('199001012015031001', 75, 32), '199001012015031001'],
    // A missing golongan sorts last in the DUK.
    ['missing golongan loses a tie', row('A', 75, null), row('B', 75, 21), 'B'],
  ])('%s', (_case, first, second, winner) => {
    expect(rankScope([first, second])[0]?.nip).toBe(winner);
    expect(rankScope([second, first])[0]?.nip).toBe(winner);
  });

  it('leaves unrated employees out and counts only the rated in n', () => {
    const ranked = rankScope([row('1', null), row('2', 50), row('3', 90), row('4', null)]);
    expect(ranked.map((r) => [r.nip, r.rank, r.percentile])).toEqual([
      ['3', 1, 1],
      ['2', 2, 0],
    ]);
  });

  it('keeps the extra fields and does not reorder the input', () => {
    const items = [{ ...row('1', 60), nama: 'Dewi Lestari' }, { ...row('2', 80), nama: 'Agus Salim' }];
    const ranked = rankScope(items);
    expect(ranked[0]).toMatchObject({ nip: '2', nama: 'Agus Salim', rank: 1 });
    expect(items.map((i) => i.nip)).toEqual(['1', '2']);
  });
});
