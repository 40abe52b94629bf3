/**
 * Performance values of an appraisal row — SPEC §1.4: predikat kinerja (PermenPANRB 6/2022),
 * ratings of hasil kerja and perilaku kerja, nilai SKP (PP 46/2011), hukuman disiplin
 * (PP 94/2021) and potensi (PermenPANRB 3/2020).
 */
import type { Hukdis, Parsed, PotensiWord, PredikatCode, Rating } from './types.js';
import { fail, ok } from './types.js';
import { notACodeReason, numericCode } from './codes.js';

/**
 * The spellings e-Kinerja and SIASN exports write, each parsed by the full parser when this
 * module loads: an exact match is answered from the table (per row, the full parsers' regexes
 * were a measurable share of the appraisal import, issue 17) with exactly what parsing gives.
 */
function knownSpellings<T extends string>(spellings: readonly string[], parse: (raw: string) => Parsed<T>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const text of spellings) {
    for (const spelling of [text, text.toUpperCase(), text.toLowerCase()]) {
      const parsed = parse(spelling);
      if (parsed.ok && parsed.warning === undefined) map.set(spelling, parsed.value);
    }
  }
  return map;
}

/** Upper case, punctuation as spaces, single spaces ("Kurang/Misconduct" → "KURANG MISCONDUCT"). */
function words(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

/**
 * Predikat spellings (SPEC §1.4). "Cukup" and "Buruk" are the PP 46/2011 names that
 * PermenPANRB 6/2022 replaced by Butuh Perbaikan and Sangat Kurang; "Perlu Perbaikan" is a
 * frequent paraphrase of Butuh Perbaikan.
 */
const PREDIKAT_NAMES: ReadonlyMap<string, PredikatCode> = new Map([
  ['SB', 'SB'], ['SANGAT BAIK', 'SB'], ['AMAT BAIK', 'SB'],
  ['B', 'B'], ['BAIK', 'B'],
  ['BP', 'BP'], ['BUTUH PERBAIKAN', 'BP'], ['PERLU PERBAIKAN', 'BP'], ['CUKUP', 'BP'],
  ['K', 'K'], ['KURANG', 'K'], ['MISCONDUCT', 'K'], ['KURANG MISCONDUCT', 'K'],
  ['SK', 'SK'], ['SANGAT KURANG', 'SK'], ['BURUK', 'SK'],
]);

/** Parses a predikat kinerja cell: a code (SB, B, BP, K, SK) or its name (SPEC §1.4). */
export function parsePredikat(raw: string): Parsed<PredikatCode> {
  const known = KNOWN_PREDIKAT.get(raw);
  return known === undefined ? parsePredikatFull(raw) : ok(known);
}

function parsePredikatFull(raw: string): Parsed<PredikatCode> {
  const key = words(raw);
  const code = PREDIKAT_NAMES.get(key);
  if (code !== undefined) return ok(code);
  if (/^\d+(?:[.,]\d+)?$/.test(raw.trim())) {
    return fail(`"${raw.trim()}" is a number, not a predikat; a 0–100 score belongs in the nilai_skp column`);
  }
  return fail(
    `"${raw.trim()}" is not a predikat: expected Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, ` +
      'Sangat Kurang (or SB, B, BP, K, SK)',
  );
}

/**
 * Rating spellings, compared without spaces so "Di Atas", "DIATAS" and "Diatas" are one.
 * SIASN codes: 1 = above, 2 = meets, 3 = below expectation (SPEC §1.4).
 */
const RATING_NAMES: ReadonlyMap<string, Rating> = new Map([
  ['DIATAS', 'ABOVE'], ['ABOVE', 'ABOVE'], ['1', 'ABOVE'],
  ['SESUAI', 'MEETS'], ['MEETS', 'MEETS'], ['MEET', 'MEETS'], ['2', 'MEETS'],
  ['DIBAWAH', 'BELOW'], ['BELOW', 'BELOW'], ['3', 'BELOW'],
]);

/** Parses a rating of hasil kerja or perilaku kerja against expectation (SPEC §1.4). */
export function parseRating(raw: string): Parsed<Rating> {
  const known = KNOWN_RATING.get(raw);
  return known === undefined ? parseRatingFull(raw) : ok(known);
}

function parseRatingFull(raw: string): Parsed<Rating> {
  // SPEC §1.7: a SIASN code is exactly 1, 2 or 3; "-1" is rejected, never read as 1.
  const code = numericCode(raw);
  if (code === null) return fail(notACodeReason(raw, 'rating', 'SIASN 1, 2 or 3'));
  const key = words(raw)
    .replace(/^(\d)(?: 0+)?$/, '$1') // 1.0 from a numeric spreadsheet cell
    .replace(/ (?:EKSPEKTASI|EKSPETASI|EXPECTATIONS?)$/, '')
    .replace(/ /g, '');
  const rating = RATING_NAMES.get(key);
  if (rating !== undefined) return ok(rating);
  return fail(
    `"${raw.trim()}" is not a rating: expected Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah Ekspektasi ` +
      '(or ABOVE/MEETS/BELOW, SIASN 1/2/3)',
  );
}

/** Predikat matrix of PermenPANRB 6/2022: rows hasil kerja, columns perilaku kerja (SPEC §1.4). */
const PREDIKAT_MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, PredikatCode>>>> = {
  ABOVE: { BELOW: 'K', MEETS: 'B', ABOVE: 'SB' },
  MEETS: { BELOW: 'K', MEETS: 'B', ABOVE: 'B' },
  BELOW: { BELOW: 'SK', MEETS: 'BP', ABOVE: 'BP' },
};

/**
 * Predikat from the two ratings (SPEC §1.4, PermenPANRB 6/2022). Behaviour below expectation
 * caps the predikat at Kurang whatever the results: the regulation weighs conduct first.
 */
export function predikatFromRatings(hasil: Rating, perilaku: Rating): PredikatCode {
  return PREDIKAT_MATRIX[hasil][perilaku];
}

/**
 * Predikat from a PP 46/2011 nilai SKP 0–100 (SPEC §1.4): ≥ 91 SB, ≥ 76 B, ≥ 61 BP,
 * ≥ 51 K, else SK. These are the PP 46/2011 bands (Sangat Baik … Buruk).
 */
export function predikatFromNilaiSkp(nilai: number): Parsed<PredikatCode> {
  if (!Number.isFinite(nilai) || nilai < 0 || nilai > 100) {
    return fail(`nilai SKP ${String(nilai)} is outside 0–100`);
  }
  if (nilai >= 91) return ok('SB');
  if (nilai >= 76) return ok('B');
  if (nilai >= 61) return ok('BP');
  if (nilai >= 51) return ok('K');
  return ok('SK');
}

/** Predikat order, higher is better: SB > B > BP > K > SK. */
export const PREDIKAT_ORDER: Readonly<Record<PredikatCode, number>> = { SB: 5, B: 4, BP: 3, K: 2, SK: 1 };

/** True when `code` is `min` or better (e.g. the audit's eligibility "predikat ≥ B", SPEC §5). */
export function predikatAtLeast(code: PredikatCode, min: PredikatCode): boolean {
  return PREDIKAT_ORDER[code] >= PREDIKAT_ORDER[min];
}

/** Cell values meaning no disciplinary penalty was imposed (SPEC §1.4). */
const HUKDIS_NONE = new Set(['', '0', 'TIDAK ADA', 'TIDAK', 'TDK ADA', 'NIHIL', 'NONE', 'NA', 'N A', 'NULL', 'BELUM ADA']);

/**
 * Parses hukuman disiplin (PP 94/2021 levels): TIDAK ADA / NIHIL / 0 / `-` / empty → none;
 * RINGAN, SEDANG, BERAT, also inside "Hukuman Disiplin Ringan", "Hukdis Sedang",
 * "Tingkat Berat".
 */
export function parseHukdis(raw: string): Parsed<Hukdis> {
  const known = KNOWN_HUKDIS.get(raw);
  return known === undefined ? parseHukdisFull(raw) : ok(known);
}

function parseHukdisFull(raw: string): Parsed<Hukdis> {
  if (numericCode(raw) === null) return fail(notACodeReason(raw, 'hukuman disiplin', '0 for none'));
  const key = words(raw).replace(/^0+$/, '0');
  if (HUKDIS_NONE.has(key)) return ok('none');
  const level = key.replace(/^(?:HUKUMAN DISIPLIN|HUKDIS)\s*/, '').replace(/^TINGKAT\s*/, '');
  if (level === 'RINGAN') return ok('ringan');
  if (level === 'SEDANG') return ok('sedang');
  if (level === 'BERAT') return ok('berat');
  return fail(`"${raw.trim()}" is not a hukuman disiplin level: expected TIDAK ADA, RINGAN, SEDANG or BERAT`);
}

/**
 * Reads a 0–100 score with `.` or `,` as decimal separator and an optional `%` (SPEC §1.3).
 * Thousands separators make no sense for a 0–100 score and are refused.
 */
function parseScore(text: string): number | null {
  const m = /^([+-]?\d+)(?:[.,](\d+))?\s*%?$/.exec(text);
  if (m?.[1] === undefined) return null;
  return Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
}

/**
 * Parses potensi (talent-pool potential, PermenPANRB 3/2020; SPEC §1.4): RENDAH / MENENGAH /
 * TINGGI, optionally after "Potensi"/"Potensial", or a 0–100 score. "Sedang" is read as
 * MENENGAH: some agencies name the middle band so, and in a potensi column it can mean
 * nothing else.
 */
export function parsePotensi(raw: string): Parsed<{ word: PotensiWord } | { score: number }> {
  const text = raw.trim();
  if (text === '') return fail('potensi is empty');
  const score = parseScore(text);
  if (score !== null) {
    if (score < 0 || score > 100) return fail(`potensi score ${text} is outside 0–100`);
    return ok({ score });
  }
  const word = words(text).replace(/^(?:KATEGORI\s+)?POTENSI(?:AL)?\s*/, '');
  if (word === 'RENDAH') return ok({ word: 'RENDAH' });
  if (word === 'MENENGAH' || word === 'SEDANG') return ok({ word: 'MENENGAH' });
  if (word === 'TINGGI') return ok({ word: 'TINGGI' });
  return fail(`"${text}" is not a potensi: expected RENDAH, MENENGAH, TINGGI or a score 0–100`);
}

const KNOWN_PREDIKAT = knownSpellings(
  ['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang', 'Kurang/Misconduct', 'Amat Baik', 'Cukup', 'SB', 'B', 'BP', 'K', 'SK'],
  parsePredikatFull,
);
const KNOWN_RATING = knownSpellings(
  ['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi', 'Diatas Ekspektasi', 'Dibawah Ekspektasi', '1', '2', '3'],
  parseRatingFull,
);
const KNOWN_HUKDIS = knownSpellings(['Tidak Ada', 'Ringan', 'Sedang', 'Berat', 'Nihil', '0'], parseHukdisFull);
