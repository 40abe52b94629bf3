import { describe, it, expect } from 'vitest';
import { EDUCATION_LABEL, parseEducation } from '../../src/domain/education.js';
import { EDUCATION_CODES, type EducationCode } from '../../src/domain/types.js';

describe('parseEducation — level names (SPEC §1.5)', () => {
  it.each<[string, EducationCode]>([
    // S-3
    ['S-3', 'S-3'], ['S3', 'S-3'], ['S 3', 'S-3'], ['S-III', 'S-3'], ['Strata 3', 'S-3'], ['Strata III', 'S-3'],
    ['Doktor', 'S-3'], ['Doktoral', 'S-3'], ['S-3/Doktor', 'S-3'], ['Doktor Ilmu Hukum', 'S-3'],
    // S-2, Profesi, Spesialis
    ['S-2', 'S-2'], ['S2', 'S-2'], ['S.2', 'S-2'], ['Strata II', 'S-2'], ['Magister', 'S-2'], ['Master', 'S-2'],
    ['Pasca Sarjana', 'S-2'], ['Pascasarjana', 'S-2'], ['Pasca-Sarjana', 'S-2'], ['Profesi', 'S-2'],
    ['Profesi Ners', 'S-2'], ['Spesialis', 'S-2'], ['Spesialis Anak', 'S-2'], ['Sp-1', 'S-2'],
    ['Magister Manajemen', 'S-2'],
    // S-1 and D-IV
    ['S-1', 'S-1'], ['S1', 'S-1'], ['S 1', 'S-1'], ['s1', 'S-1'], ['S-I', 'S-1'], ['Strata 1', 'S-1'],
    ['Strata I', 'S-1'], ['Sarjana', 'S-1'], ['S-1/Sarjana', 'S-1'], ['S1 Teknik Sipil', 'S-1'],
    ['S-1 Kesehatan Masyarakat', 'S-1'], ['Sarjana Ekonomi', 'S-1'],
    ['D-IV', 'S-1'], ['D4', 'S-1'], ['D IV', 'S-1'], ['DIV', 'S-1'], ['Diploma IV', 'S-1'], ['D-4', 'S-1'],
    ['D-IV/S-1', 'S-1'],
    // D-III and Sarjana Muda
    ['D-III', 'D-III'], ['D3', 'D-III'], ['DIII', 'D-III'], ['D III', 'D-III'], ['Diploma III', 'D-III'],
    ['Diploma 3', 'D-III'], ['Sarjana Muda', 'D-III'], ['Diploma III/Sarjana Muda', 'D-III'],
    ['D-III Keperawatan', 'D-III'], ['D3 Kebidanan', 'D-III'],
    // D-II, D-I
    ['D-II', 'D-II'], ['D2', 'D-II'], ['DII', 'D-II'], ['Diploma II', 'D-II'],
    ['D-I', 'D-I'], ['D1', 'D-I'], ['DI', 'D-I'], ['Diploma I', 'D-I'], ['Diploma 1', 'D-I'],
    // SLTA
    ['SLTA', 'SLTA'], ['SMA', 'SLTA'], ['SMK', 'SLTA'], ['SMU', 'SLTA'], ['MA', 'SLTA'], ['STM', 'SLTA'],
    ['SMEA', 'SLTA'], ['SLTA Sederajat', 'SLTA'], ['SLTA/SMA', 'SLTA'], ['SLTA Kejuruan', 'SLTA'],
    ['SLTA Keguruan', 'SLTA'], ['SMA IPA', 'SLTA'], ['SMK Teknik Mesin', 'SLTA'], ['SPK', 'SLTA'],
    ['Paket C', 'SLTA'], ['Sekolah Menengah Atas', 'SLTA'], ['SMAN 1 Bandung', 'SLTA'],
    ['SMKN', 'SLTA'],
    // SLTP
    ['SLTP', 'SLTP'], ['SMP', 'SLTP'], ['MTs', 'SLTP'], ['MTsN', 'SLTP'], ['SLTP Kejuruan', 'SLTP'],
    ['SMP Sederajat', 'SLTP'], ['SMPN 2', 'SLTP'],
    // SD
    ['SD', 'SD'], ['Sekolah Dasar', 'SD'], ['SD Sederajat', 'SD'], ['MI', 'SD'], ['SDN 3 Inpres', 'SD'],
  ])('%j → %s', (raw, code) => {
    expect(parseEducation(raw)).toEqual({ ok: true, value: code });
  });
});

describe('parseEducation — SIASN tingkat pendidikan ids', () => {
  it.each<[string, EducationCode]>([
    ['50', 'S-3'], ['45', 'S-2'], ['40', 'S-1'], ['35', 'S-1'], ['30', 'D-III'], ['25', 'D-II'],
    ['20', 'D-I'], ['15', 'SLTA'], ['17', 'SLTA'], ['18', 'SLTA'], ['10', 'SLTP'], ['12', 'SLTP'],
    ['05', 'SD'], ['5', 'SD'], ['40.0', 'S-1'],
  ])('%j → %s', (raw, code) => {
    expect(parseEducation(raw)).toEqual({ ok: true, value: code });
  });
});

describe('parseEducation — rejections', () => {
  it.each<[string, RegExp]>([
    ['', /empty/],
    ['99', /not a SIASN tingkat pendidikan id/],
    ['1', /not a SIASN tingkat pendidikan id/],
    ['S-4', /not an education level/],
    ['D-5', /not an education level/],
    ['S.Kom', /not an education level/],
    ['Kursus Komputer', /not an education level/],
    ['Lainnya', /not an education level/],
    ['TK', /not an education level/], // taman kanak-kanak is below SD
    ['S-1/S-2', /names more than one level \(S-1, S-2\)/],
    ['SMA/D-III', /names more than one level \(SLTA, D-III\)/],
  ])('%j fails: %s', (raw, reason) => {
    const result = parseEducation(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('EDUCATION_LABEL', () => {
  it('labels every education code', () => {
    expect(Object.keys(EDUCATION_LABEL).sort()).toEqual([...EDUCATION_CODES].sort());
  });

  it.each(EDUCATION_CODES)('the label of %s parses back to it', (code) => {
    expect(parseEducation(EDUCATION_LABEL[code])).toEqual({ ok: true, value: code });
  });
});
