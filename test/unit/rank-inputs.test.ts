import { describe, it, expect } from 'vitest';
import { appraisalFromTuple, employeeFromTuple, levelsChanged } from '../../src/app/population/inputs.js';
import type { AppraisalTuple, EmployeeTuple } from '../../src/db/queries/merit-inputs.js';
import { defaultModel } from '../../src/model/load.js';

const NIP = '198504182010011001';

/** A stored employee row: Analis SDM Aparatur Ahli Muda (level 5 in the built-in table). */
function employeeRow(overrides: Partial<Record<number, unknown>> = {}): EmployeeTuple {
  const row: unknown[] = [
    NIP, 'Hendra Gunawan', 'PNS', 33, '2022-04-01', '2010-01-01', 5, 'S-1', 2008, '1985-04-18',
    'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Pemerintah Kabupaten Sleman Raya',
    null, 'Analis SDM Aparatur Ahli Muda', 'Fungsional',
  ];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
  return row as EmployeeTuple;
}

describe('employeeFromTuple', () => {
  it('maps the stored columns onto the domain Employee and keeps the stored level', () => {
    expect(employeeFromTuple(employeeRow(), null)).toEqual({
      nip: NIP, nama: 'Hendra Gunawan', jenisPegawai: 'PNS', golonganCode: 33, tmtGolongan: '2022-04-01',
      tmtCpns: '2010-01-01', level: 5, pendidikan: 'S-1', tahunLulus: 2008, tglLahir: '1985-04-18',
      unit: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', instansi: 'Pemerintah Kabupaten Sleman Raya',
    });
  });

  it.each<[string, number, unknown, keyof ReturnType<typeof employeeFromTuple>]>([
    ['jenis pegawai outside PNS/CPNS/PPPK', 2, 'HONORER', 'jenisPegawai'],
    ['pendidikan that is not an education code', 7, 'Sarjana', 'pendidikan'],
  ])('reads a hand-edited value (%s) as missing', (_label, index, value, field) => {
    expect(employeeFromTuple(employeeRow({ [index]: value }), null)[field]).toBeNull();
  });

  it('derives the level again with the model table when levels changed (SPEC §1.5)', () => {
    const levels = structuredClone(defaultModel().levels);
    levels.jenjang['AHLI MUDA'] = 6;
    expect(employeeFromTuple(employeeRow(), levels).level).toBe(6);
    // Eselon beats jenjang words (SPEC §1.5 order).
    expect(employeeFromTuple(employeeRow({ 12: 'III.b' }), levels).level).toBe(6);
    expect(employeeFromTuple(employeeRow({ 12: 'IV.a' }), levels).level).toBe(5);
  });
});

describe('appraisalFromTuple', () => {
  it.each<[string, AppraisalTuple, object]>([
    ['ratings matrix source', [2024, 'SB', 'ratings', null, null, null, 26, 'none'],
      { predikat: 'SB', predikatSource: 'ratings', jpm: null, potensiWord: null, potensiScore: null, jp: 26, hukumanDisiplin: 'none' }],
    ['nilai SKP source with JPM', [2025, 'B', 'nilai_skp', 84, null, null, 45, null],
      { predikat: 'B', predikatSource: 'nilai_skp', jpm: 84, hukumanDisiplin: null }],
    ['potensi word and score', [2025, 'SB', 'predikat', 80, 'TINGGI', null, 12, 'ringan'],
      { potensiWord: 'TINGGI', potensiScore: null, hukumanDisiplin: 'ringan' }],
    ['potensi score only', [2025, 'B', 'predikat', null, null, 92, 10, 'sedang'],
      { potensiWord: null, potensiScore: 92, hukumanDisiplin: 'sedang' }],
    ['unknown codes', [2023, 'Baik', 'excel', null, 'SEDANG SEKALI', null, null, 'teguran'],
      { predikat: null, predikatSource: null, potensiWord: null, hukumanDisiplin: null }],
  ])('%s', (_label, row, expected) => {
    expect(appraisalFromTuple(NIP, row)).toMatchObject({ nip: NIP, tahun: row[0], ...expected });
  });
});

describe('levelsChanged', () => {
  it('is false for the built-in table, true when any entry differs', () => {
    const builtIn = defaultModel();
    expect(levelsChanged(defaultModel(), builtIn)).toBe(false);
    const other = defaultModel();
    other.levels.pelaksana = 2;
    expect(levelsChanged(other, builtIn)).toBe(true);
    const reordered = defaultModel();
    reordered.levels.eselon = Object.fromEntries(Object.entries(reordered.levels.eselon).reverse());
    expect(levelsChanged(reordered, builtIn)).toBe(false);
  });
});
