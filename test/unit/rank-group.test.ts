import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rankGroup, scopesOf, type RankRow } from '../../src/app/population/scoring.js';
import { RankStore, sameDukOrder } from '../../src/app/population/score-store.js';
import type { DukKey } from '../../src/domain/duk.js';
import { meritKey } from '../../src/domain/numbers.js';
import { rankScope } from '../../src/domain/ranking.js';

function row(nip: string, merit: number | null, duk: Partial<DukKey> = {}, unit: string | null = 'Dinas Kesehatan'): RankRow {
  return {
    nip, nama: `Pegawai ${nip.slice(-3)}`, unit, jenisPegawai: 'PNS', golongan: 'III/b', level: 4,
    status: merit === null ? 'unrated' : 'complete', merit, meritKey: merit === null ? null : meritKey(merit),
    components: { kinerja: null, kompetensi: null, pengembangan: null, kualifikasi: null, disiplin: null },
    coverage: merit === null ? 0 : 1, box: null, rank: null, percentile: null,
    duk: {
      nip, group: 'PNS', golonganCode: 32, tmtGolongan: '2019-04-01', level: 4, serviceMonths: 120, educationRank: 8,
      tahunLulus: 2012, tglLahir: '1990-09-30', ...duk,
    },
  };
}

describe('rankGroup (SPEC §3)', () => {
  it('ranks by merit, ties by DUK (earlier TMT golongan first), floating-point noise ignored, unrated last in DUK order', () => {
    const members = [
      row('199201152019031006', 73.55, { tmtGolongan: '2023-04-01' }), // Yoga: same merit, later TMT golongan
      row('199009302015032002', 73.55 + 1e-9, { tmtGolongan: '2019-04-01' }), // Fitri: noise below 6 decimals
      row('197105201996031002', 98.05, { golonganCode: 43 }),
      row('199701282025211014', null, { group: 'PPPK', golonganCode: 9 }),
      row('199508172022041008', null, { golonganCode: 31 }),
    ];
    const group = rankGroup(scopesOf(RankStore.fromRows(members), false)[0]!);
    expect(group.ranked.map((r) => [r.nip, r.rank, r.percentile])).toEqual([
      ['197105201996031002', 1, 1],
      ['199009302015032002', 2, 0.5],
      ['199201152019031006', 3, 0],
    ]);
    expect(group.unrated.map((r) => [r.nip, r.rank, r.percentile])).toEqual([
      ['199508172022041008', null, null],
      ['199701282025211014', null, null],
    ]);
  });

  it('gives the order and percentiles of the domain rankScope for any population', () => {
    const dukArb = fc.record({
      group: fc.constantFrom<'PNS' | 'PPPK' | null>('PNS', 'PPPK', null),
      golonganCode: fc.option(fc.integer({ min: 31, max: 34 })),
      tmtGolongan: fc.option(fc.constantFrom('2019-04-01', '2021-10-01', '2023-04-01')),
      serviceMonths: fc.option(fc.integer({ min: 0, max: 3 })),
    });
    const memberArb = fc.tuple(fc.option(fc.constantFrom(60, 73.55, 73.550000001, 80.5, 42.857142857142854)), dukArb);
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 30 }), (specs) => {
        const members = specs.map(([merit, duk], i) => row(`1990093020150320${String(i).padStart(2, '0')}`, merit, duk));
        const expected = rankScope(members.map((m) => ({ nip: m.nip, merit: m.merit, duk: m.duk })));
        const group = rankGroup(scopesOf(RankStore.fromRows(members), false)[0]!);
        expect(group.ranked.map((r) => [r.nip, r.rank, r.percentile])).toEqual(expected.map((e) => [e.nip, e.rank, e.percentile]));
      }),
    );
  });
});

describe('scopesOf', () => {
  it('one scope for everyone, or one per unit in code-point order with no unit last', () => {
    const members = [
      row('199201152019031006', 70, {}, 'Dinas Kesehatan'),
      row('199009302015032002', 71, {}, null),
      row('197105201996031002', 72, {}, 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'),
      row('198504182010011001', 73, {}, 'Dinas Kesehatan'),
    ];
    const store = RankStore.fromRows(members);
    expect(scopesOf(store, false).map((s) => [s.all, s.members.length])).toEqual([[true, 4]]);
    expect(scopesOf(store, true).map((s) => [s.unit, s.members.length])).toEqual([
      ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 1],
      ['Dinas Kesehatan', 2],
      [null, 1],
    ]);
  });
});

describe('RankStore', () => {
  it('gives back every row as pushed, including missing values', () => {
    const rows = [
      row('199201152019031006', 73.55, { tmtGolongan: null, tahunLulus: null }),
      row('199701282025211014', null, { group: 'PPPK', golonganCode: 9, level: null, serviceMonths: -3 }),
      { ...row('198504182010011001', 80.5, { group: null, educationRank: null, tglLahir: null }, null), box: 8, level: null },
    ];
    const store = RankStore.fromRows(rows);
    expect([...store]).toEqual(rows);
  });

  it('packs the DUK key so that its order is compareDuk\'s for any pair', () => {
    const dukArb = fc.record({
      group: fc.constantFrom<'PNS' | 'PPPK' | null>('PNS', 'PPPK', null),
      golonganCode: fc.option(fc.constantFrom(9, 31, 32, 41, 45)),
      tmtGolongan: fc.option(fc.constantFrom('2019-04-01', '2019-10-01', '2023-04-01')),
      level: fc.option(fc.integer({ min: 1, max: 9 })),
      serviceMonths: fc.option(fc.integer({ min: -5, max: 500 })),
      educationRank: fc.option(fc.integer({ min: 2, max: 10 })),
      tahunLulus: fc.option(fc.integer({ min: 1980, max: 2024 })),
      tglLahir: fc.option(fc.constantFrom('1985-01-01', '1985-12-31', '1990-06-15')),
    });
    fc.assert(
      fc.property(fc.array(dukArb, { minLength: 2, maxLength: 12 }), (duks) => {
        const store = RankStore.fromRows(duks.map((d, i) => row(`1990093020150320${String(i).padStart(2, '0')}`, 70, d)));
        for (let i = 0; i < store.size; i++) for (let j = 0; j < store.size; j++) expect(sameDukOrder(store, i, j)).toBe(true);
      }),
    );
  });
});
