import { describe, it, expect } from 'vitest';
import {
  parseHukdis, parsePotensi, parsePredikat, parseRating, predikatAtLeast, predikatFromNilaiSkp,
  predikatFromRatings, PREDIKAT_ORDER,
} from '../../src/domain/appraisal-values.js';
import { PREDIKAT_CODES, type Hukdis, type PredikatCode, type Rating } from '../../src/domain/types.js';

function reasonOf<T>(result: { ok: true; value: T } | { ok: false; reason: string }): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
}

describe('parsePredikat (SPEC §1.4, PermenPANRB 6/2022)', () => {
  it.each<[string, PredikatCode]>([
    ['SB', 'SB'], ['sb', 'SB'], ['Sangat Baik', 'SB'], ['SANGAT BAIK', 'SB'], ['  sangat   baik ', 'SB'],
    ['Amat Baik', 'SB'],
    ['B', 'B'], ['Baik', 'B'], ['BAIK', 'B'],
    ['BP', 'BP'], ['Butuh Perbaikan', 'BP'], ['BUTUH PERBAIKAN', 'BP'], ['Cukup', 'BP'], ['Perlu Perbaikan', 'BP'],
    ['K', 'K'], ['Kurang', 'K'], ['Misconduct', 'K'], ['Kurang/Misconduct', 'K'], ['Kurang / Misconduct', 'K'],
    ['SK', 'SK'], ['Sangat Kurang', 'SK'], ['Buruk', 'SK'],
  ])('%j → %s', (raw, code) => {
    expect(parsePredikat(raw)).toEqual({ ok: true, value: code });
  });

  it.each<[string, RegExp]>([
    ['Istimewa', /not a predikat: expected Sangat Baik/],
    ['', /not a predikat/],
    ['Sangat', /not a predikat/],
    ['85', /is a number.*nilai_skp/],
    ['87,5', /is a number.*nilai_skp/],
  ])('%j fails: %s', (raw, reason) => {
    expect(reasonOf(parsePredikat(raw))).toMatch(reason);
  });
});

describe('parseRating (SPEC §1.4)', () => {
  it.each<[string, Rating]>([
    ['Di Atas Ekspektasi', 'ABOVE'], ['DIATAS', 'ABOVE'], ['Di atas', 'ABOVE'], ['Diatas Ekspektasi', 'ABOVE'],
    ['DI ATAS EKSPEKTASI', 'ABOVE'], ['ABOVE', 'ABOVE'], ['above', 'ABOVE'], ['1', 'ABOVE'], ['1.0', 'ABOVE'],
    ['Sesuai Ekspektasi', 'MEETS'], ['Sesuai', 'MEETS'], ['SESUAI', 'MEETS'], ['MEETS', 'MEETS'], ['2', 'MEETS'],
    ['Di Bawah Ekspektasi', 'BELOW'], ['Dibawah', 'BELOW'], ['Di bawah', 'BELOW'], ['DIBAWAH EKSPEKTASI', 'BELOW'],
    ['BELOW', 'BELOW'], ['3', 'BELOW'], ['Below expectations', 'BELOW'],
  ])('%j → %s', (raw, rating) => {
    expect(parseRating(raw)).toEqual({ ok: true, value: rating });
  });

  it.each(['4', '0', 'Baik', 'Ekspektasi', 'Atas', ''])('%j fails', (raw) => {
    expect(reasonOf(parseRating(raw))).toMatch(/not a rating: expected Di Atas Ekspektasi/);
  });
});

describe('predikatFromRatings — the matrix (rows hasil, columns perilaku)', () => {
  it.each<[Rating, Rating, PredikatCode]>([
    ['ABOVE', 'BELOW', 'K'], ['ABOVE', 'MEETS', 'B'], ['ABOVE', 'ABOVE', 'SB'],
    ['MEETS', 'BELOW', 'K'], ['MEETS', 'MEETS', 'B'], ['MEETS', 'ABOVE', 'B'],
    ['BELOW', 'BELOW', 'SK'], ['BELOW', 'MEETS', 'BP'], ['BELOW', 'ABOVE', 'BP'],
  ])('hasil %s, perilaku %s → %s', (hasil, perilaku, code) => {
    expect(predikatFromRatings(hasil, perilaku)).toBe(code);
  });
});

describe('predikatFromNilaiSkp (PP 46/2011 bands)', () => {
  it.each<[number, PredikatCode]>([
    [100, 'SB'], [91, 'SB'], [90.99, 'B'], [76, 'B'], [75.99, 'BP'], [61, 'BP'], [60.99, 'K'],
    [51, 'K'], [50.99, 'SK'], [0, 'SK'],
  ])('%d → %s', (nilai, code) => {
    expect(predikatFromNilaiSkp(nilai)).toEqual({ ok: true, value: code });
  });

  it.each([101, 100.01, -1, -0.01, Number.NaN, Number.POSITIVE_INFINITY])('%d is outside 0–100', (nilai) => {
    expect(reasonOf(predikatFromNilaiSkp(nilai))).toMatch(/outside 0–100/);
  });
});

describe('PREDIKAT_ORDER / predikatAtLeast', () => {
  it('orders SB > B > BP > K > SK', () => {
    const sorted = [...PREDIKAT_CODES].sort((a, b) => PREDIKAT_ORDER[b] - PREDIKAT_ORDER[a]);
    expect(sorted).toEqual(['SB', 'B', 'BP', 'K', 'SK']);
  });

  it.each<[PredikatCode, PredikatCode, boolean]>([
    ['SB', 'B', true], ['B', 'B', true], ['BP', 'B', false], ['K', 'B', false], ['SK', 'B', false],
    ['SK', 'SK', true], ['B', 'SB', false], ['K', 'BP', false], ['BP', 'K', true],
  ])('predikatAtLeast(%s, %s) = %s', (code, min, expected) => {
    expect(predikatAtLeast(code, min)).toBe(expected);
  });
});

describe('parseHukdis (SPEC §1.4, PP 94/2021)', () => {
  it.each<[string, Hukdis]>([
    ['TIDAK ADA', 'none'], ['Tidak Ada', 'none'], ['NIHIL', 'none'], ['Nihil', 'none'], ['0', 'none'],
    ['-', 'none'], ['', 'none'], ['   ', 'none'],
    ['RINGAN', 'ringan'], ['Ringan', 'ringan'], ['Hukuman Disiplin Ringan', 'ringan'], ['Hukdis Ringan', 'ringan'],
    ['SEDANG', 'sedang'], ['Hukdis Sedang', 'sedang'], ['Hukuman Disiplin Tingkat Sedang', 'sedang'],
    ['BERAT', 'berat'], ['berat', 'berat'], ['Tingkat Berat', 'berat'],
  ])('%j → %s', (raw, hukdis) => {
    expect(parseHukdis(raw)).toEqual({ ok: true, value: hukdis });
  });

  it.each(['Teguran', 'ADA', '1', 'Sangat Berat'])('%j fails', (raw) => {
    expect(reasonOf(parseHukdis(raw))).toMatch(/not a hukuman disiplin level: expected TIDAK ADA, RINGAN/);
  });
});

describe('parsePotensi (SPEC §1.4)', () => {
  it.each<[string, { word: string } | { score: number }]>([
    ['RENDAH', { word: 'RENDAH' }], ['Rendah', { word: 'RENDAH' }],
    ['MENENGAH', { word: 'MENENGAH' }], ['Menengah', { word: 'MENENGAH' }], ['Sedang', { word: 'MENENGAH' }],
    ['TINGGI', { word: 'TINGGI' }], ['Potensi Tinggi', { word: 'TINGGI' }], ['Potensial Rendah', { word: 'RENDAH' }],
    ['85', { score: 85 }], ['85.5', { score: 85.5 }], ['85,5', { score: 85.5 }], ['85,5%', { score: 85.5 }],
    ['0', { score: 0 }], ['100', { score: 100 }], ['100.0', { score: 100 }],
  ])('%j → %j', (raw, value) => {
    expect(parsePotensi(raw)).toEqual({ ok: true, value });
  });

  it.each<[string, RegExp]>([
    ['101', /outside 0–100/],
    ['100,01', /outside 0–100/],
    ['-1', /outside 0–100/],
    ['', /empty/],
    ['Sangat Tinggi', /not a potensi/],
    ['1.234,5', /not a potensi/],
    ['tinggi sekali', /not a potensi/],
  ])('%j fails: %s', (raw, reason) => {
    expect(reasonOf(parsePotensi(raw))).toMatch(reason);
  });
});
