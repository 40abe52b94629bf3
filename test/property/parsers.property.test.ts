/**
 * Every value parser returns a value or a reason for ANY input and never throws (issue 7):
 * property-based with fast-check, many thousands of generated strings per parser.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseHukdis, parsePotensi, parsePredikat, parseRating, predikatFromNilaiSkp,
} from '../../src/domain/appraisal-values.js';
import { parseEducation } from '../../src/domain/education.js';
import { parseGolongan } from '../../src/domain/golongan.js';
import { jabatanLevel, parseEselon, type LevelTable } from '../../src/domain/jabatan-level.js';
import { decodeNip } from '../../src/domain/nip.js';
import { parseJenisKelamin, parseJenisPegawai } from '../../src/domain/person.js';
import type { Parsed } from '../../src/domain/types.js';
import { cleanNip, cleanText, isNipLike, parseDate, parseInteger, parseNumber } from '../../src/io/values.js';

const RUNS = 3_000;
const levels = (JSON.parse(readFileSync('src/model/asn-merit-v1.json', 'utf8')) as { levels: LevelTable }).levels;

/** Strings a hostile or broken export could hold: any Unicode, and near-misses of real values. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.stringMatching(/^[0-9 .,\-/'eE+%]{0,30}$/),
  fc.constantFrom('', ' ', '-', 'N/A', 'NULL', '0', '31-02-2020', '1.98609E+17', 'III/f', 'Ahli', 'S-', '\u0000', '\uFEFF'),
);
/** Cells as XLSX gives them: strings, numbers (incl. NaN, Infinity), booleans, Dates, objects. */
const anyCell = fc.oneof(anyText, fc.double(), fc.integer(), fc.boolean(), fc.date({ noInvalidDate: false }), fc.constant(null), fc.anything());

function isParsed(result: Parsed<unknown>): boolean {
  return result.ok ? 'value' in result : typeof result.reason === 'string' && result.reason.length > 0;
}

const textParsers: Array<[string, (s: string) => Parsed<unknown>]> = [
  ['parseGolongan PNS', (s) => parseGolongan(s, 'PNS')],
  ['parseGolongan PPPK', (s) => parseGolongan(s, 'PPPK')],
  ['parseGolongan unknown jenis', (s) => parseGolongan(s, null)],
  ['parseEselon', parseEselon],
  ['parseEducation', parseEducation],
  ['parsePredikat', parsePredikat],
  ['parseRating', parseRating],
  ['parseHukdis', parseHukdis],
  ['parsePotensi', parsePotensi],
  ['parseJenisKelamin', parseJenisKelamin],
  ['parseJenisPegawai', parseJenisPegawai],
];

const cellParsers: Array<[string, (c: unknown) => Parsed<unknown>]> = [
  ['parseDate', parseDate],
  ['parseNumber', parseNumber],
  ['parseInteger', parseInteger],
  ['cleanNip', cleanNip],
];

describe('value parsers never throw', () => {
  it.each(textParsers)('%s returns a value or a reason for any string', (_name, parse) => {
    fc.assert(fc.property(anyText, (s) => isParsed(parse(s))), { numRuns: RUNS });
  });

  it.each(cellParsers)('%s returns a value or a reason for any cell', (_name, parse) => {
    fc.assert(fc.property(anyCell, (c) => isParsed(parse(c))), { numRuns: RUNS });
  });

  it('cleanText and isNipLike accept any cell', () => {
    fc.assert(
      fc.property(anyCell, (c) => {
        const text = cleanText(c);
        return (text === null || typeof text === 'string') && typeof isNipLike(c) === 'boolean';
      }),
      { numRuns: RUNS },
    );
  });

  it('decodeNip returns a value or a reason for any 18 digits, PNS or PPPK', () => {
    const digits18 = fc.stringMatching(/^\d{18}$/);
    fc.assert(
      fc.property(digits18, fc.constantFrom('PNS' as const, 'CPNS' as const, 'PPPK' as const, null), (nip, jenis) => isParsed(decodeNip(nip, jenis))),
      { numRuns: RUNS },
    );
  });

  it('predikatFromNilaiSkp handles any number, jabatanLevel any post', () => {
    fc.assert(fc.property(fc.double(), (n) => isParsed(predikatFromNilaiSkp(n))), { numRuns: RUNS });
    fc.assert(
      fc.property(fc.option(anyText), fc.option(anyText), (jabatan, jenisJabatan) => {
        const result = jabatanLevel({ eselon: null, jabatan, jenisJabatan }, levels);
        return result.level === null || (Number.isInteger(result.level) && result.level >= 1 && result.level <= 9);
      }),
      { numRuns: RUNS },
    );
  });

  it('a parsed date is always a real calendar date', () => {
    fc.assert(
      fc.property(anyCell, (c) => {
        const r = parseDate(c);
        if (!r.ok) return true;
        const d = new Date(`${r.value}T00:00:00Z`);
        return /^\d{4}-\d{2}-\d{2}$/.test(r.value) && d.toISOString().slice(0, 10) === r.value;
      }),
      { numRuns: RUNS },
    );
  });

  it('a cleaned NIP is always 18 digits', () => {
    fc.assert(fc.property(anyCell, (c) => {
      const r = cleanNip(c);
      return !r.ok || /^\d{18}$/.test(r.value);
    }), { numRuns: RUNS });
    expect(cleanNip("'19860912 201001 2 003")).toEqual({ ok: true, value: '198609122010012003' });
  });
});
