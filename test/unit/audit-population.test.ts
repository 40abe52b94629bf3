import { describe, it, expect } from 'vitest';
import {
  buildPopulation, candidateAt, mayBeAtLevel, meritCache, promotionFromTuple, resolveUnitSpelling,
} from '../../src/app/audit/population.js';
import type { PromotionTuple } from '../../src/db/queries/audit-inputs.js';
import type { Appraisal, Employee, Promotion } from '../../src/domain/types.js';
import { defaultModel } from '../../src/model/load.js';

const model = defaultModel();
const DINKES = 'Dinas Kesehatan';

function employee(nip: string, over: Partial<Employee> = {}): Employee {
  return {
    nip, nama: `Pegawai ${nip.slice(-3)}`, jenisPegawai: 'PNS', golonganCode: 33, tmtGolongan: '2021-04-01',
    tmtCpns: '2010-03-01', level: 4, pendidikan: 'S-1', tahunLulus: 2008, tglLahir: '1985-04-18',
    unit: DINKES, instansi: 'Pemerintah Kota Tanjung Harapan', ...over,
  };
}

function appraisal(nip: string, tahun: number, over: Partial<Appraisal> = {}): Appraisal {
  return { nip, tahun, predikat: 'B', predikatSource: 'predikat', jpm: 70, potensiWord: null, potensiScore: null, jp: 24, hukumanDisiplin: 'none', ...over };
}

function promotion(nip: string, tmt: string, levelBaru: number | null, levelAsal: number | null = null): Promotion {
  return { nip, tmt, jabatanBaru: 'Perawat Ahli Muda', levelBaru, levelAsal, unit: null };
}

describe('resolveUnitSpelling (SPEC §5.2 event unit)', () => {
  const spellings = new Map([
    ['DINAS KESEHATAN', ['Dinas Kesehatan']],
    ['DINAS SOSIAL', ['Dinas Sosial', 'DINAS SOSIAL']],
  ]);
  it.each([
    ['exact', 'Dinas Kesehatan', 'Dinas Kesehatan'],
    ['other letter case → the stored spelling', 'DINAS KESEHATAN', 'Dinas Kesehatan'],
    ['exact wins among several spellings', 'DINAS SOSIAL', 'DINAS SOSIAL'],
    ['ambiguous stays as given', 'dinas sosial', 'dinas sosial'],
    ['unknown stays as given', 'Dinas Pariwisata', 'Dinas Pariwisata'],
    ['no unit', null, null],
  ])('%s', (_label, unit, expected) => {
    expect(resolveUnitSpelling(unit, spellings)).toBe(expected);
  });
});

describe('promotionFromTuple', () => {
  const row: PromotionTuple = ['198408212009031008', '2025-03-03', 'Perawat Ahli Muda', null, 5, 'Perawat Ahli Pertama', null, 4, DINKES];
  it('uses the stored levels with the built-in level table', () => {
    expect(promotionFromTuple(row, null)).toEqual({ nip: row[0], tmt: row[1], jabatanBaru: 'Perawat Ahli Muda', levelBaru: 5, levelAsal: 4, unit: DINKES });
  });

  it.each([
    ['derives both levels again with a model level table', row, { levelBaru: 8, levelAsal: 3 }],
    ['no post before → level before unknown, as at import', ['198305152008031027', '2024-12-02', 'Kepala Subbagian Umum', 'IV.a', 5, null, null, null, null] as PromotionTuple,
      { levelBaru: 5, levelAsal: null }],
  ])('%s', (_label, tuple, expected) => {
    const levels = { ...model.levels, jenjang: { ...model.levels.jenjang, 'AHLI MUDA': 8, 'AHLI PERTAMA': 3 } };
    expect(promotionFromTuple(tuple, levels)).toMatchObject(expected);
  });
});

describe('buildPopulation and candidateAt (SPEC §5.1, §5.2)', () => {
  const a = employee('198408212009031008', { level: 6 });
  const b = employee('199001252015032009', { unit: 'Dinas Pendidikan dan Kebudayaan' });
  const c = employee('199105172017031010', { unit: null, instansi: null });
  const promotions = [
    promotion(a.nip, '2023-01-02', 5, 4),
    promotion(a.nip, '2025-03-03', 6), // no asal: level before = the previous promotion's new level (5)
    promotion('199999999999999999', '2025-01-01', 5, 4), // no personnel row: dropped
  ];
  const pop = buildPopulation(
    [{ employee: a, appraisals: [appraisal(a.nip, 2023), appraisal(a.nip, 2024, { predikat: 'SB', hukumanDisiplin: 'ringan' })] },
      { employee: b, appraisals: [] }, { employee: c, appraisals: [] }],
    promotions,
    model,
  );
  const person = pop.people.get(a.nip)!;

  it('computes every level before once, in date order', () => {
    expect(person.promotions.map((p) => p.before)).toEqual([{ level: 4, source: 'asal' }, { level: 5, source: 'previous-promotion' }]);
    expect(person.levelHistory).toEqual([{ tmt: '2023-01-02', levelBefore: 4 }, { tmt: '2025-03-03', levelBefore: 5 }]);
    expect(pop.people.has('199999999999999999')).toBe(false);
  });

  it('indexes by unit and instansi, leaving out missing ones', () => {
    expect([...pop.byUnit.keys()]).toEqual([DINKES, 'Dinas Pendidikan dan Kebudayaan']);
    expect(pop.byInstansi.get('Pemerintah Kota Tanjung Harapan')?.map((p) => p.employee.nip)).toEqual([a.nip, b.nip]);
    expect(pop.everyone).toHaveLength(3);
    expect(pop.unitSpellings.get('DINAS KESEHATAN')).toEqual([DINKES]);
  });

  it.each([
    ['level 4: never-promoted at 4, unknown level, and every promoted person', 4, [b.nip, c.nip, a.nip]],
    ['level 6: only the promoted (their level at D is worked out per event)', 6, [c.nip, a.nip]],
  ])('mayBeAtLevel %s', (_label, level, expected) => {
    const cUnknown = { ...c, level: null };
    const local = buildPopulation([{ employee: a, appraisals: [] }, { employee: b, appraisals: [] }, { employee: cUnknown, appraisals: [] }], promotions, model);
    expect(mayBeAtLevel(local.index.all, level).map((p) => p.employee.nip)).toEqual(expected);
    expect(mayBeAtLevel(local.index.unit.get('Dinas Pariwisata'), level)).toEqual([]);
  });

  it('keeps predikat and hukuman disiplin by year for strict eligibility', () => {
    expect(person.predikatByYear).toEqual({ 2023: 'B', 2024: 'SB' });
    expect(person.hukdisByYear).toEqual({ 2023: 'none', 2024: 'ringan' });
  });

  it.each([
    ['before the first promotion', '2022-06-01', 4, false],
    ['on the day of a promotion', '2023-01-02', 5, true],
    ['between promotions', '2024-12-31', 5, false],
    ['after the last promotion → current level', '2025-06-01', 6, false],
  ])('candidateAt %s', (_label, date, level, promotedOnD) => {
    const candidate = candidateAt(person, date);
    expect([candidate.levelAtD, candidate.duk.level, candidate.promotedOnD]).toEqual([level, level, promotedOnD]);
    expect(candidate.merit).toBeNull();
    expect(candidate.duk.educationRank).toBe(8); // S-1 in asn-merit-v1
  });

  it('candidateAt takes a given level (P is compared at its level before) and measures service at D', () => {
    const candidate = candidateAt(person, '2025-03-03', 5);
    expect([candidate.levelAtD, candidate.duk.serviceMonths]).toEqual([5, 180]);
  });

  it('meritCache gives the merit of year Y (window Y−1, Y) and null when unrated', () => {
    const meritOf = meritCache(model);
    // Y = 2024: kinerja (B 66.667 + SB 100) ÷ 2 = 83.333; JPM 70; JP 24 → 100; S-1 60; worst ringan 70
    // → 25 + 21 + 10 + 15 + 3.5 = 74.5
    expect(meritOf(person, 2024)).toBeCloseTo(74.5, 9);
    expect(meritOf(person, 2024)).toBe(meritOf(person, 2024));
    expect(meritOf(pop.people.get(b.nip)!, 2024)).toBeNull();
  });
});
