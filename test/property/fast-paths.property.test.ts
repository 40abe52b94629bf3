/**
 * The import's per-row fast paths (issue 17) give exactly what the general rules give. Each
 * fast path is reached by the plain spelling and bypassed by an equivalent spelling (a padded
 * cell, another date separator, the long NIP checks), and the two results must agree; the
 * clean-up rule of SPEC §1.3 is also checked against a reference written here from the SPEC.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHukdis, parsePredikat, parseRating } from '../../src/domain/appraisal-values.js';
import { toIso } from '../../src/domain/dates.js';
import { golonganLabel, parseGolongan, PNS_GOLONGAN_CODES } from '../../src/domain/golongan.js';
import { decodeNip } from '../../src/domain/nip.js';
import type { JenisPegawai } from '../../src/domain/types.js';
import { cleanNip, cleanText, isNipLike, parseDate } from '../../src/io/values.js';

const RUNS = 3_000;

/** SPEC §1.3 text rule, written from the SPEC: whitespace runs → one space, trimmed, no-value words → null. */
function specText(s: string): string | null {
  const t = s.replace(/\s+/gu, ' ').trim();
  return ['', '-', '\u2014', '\u2013', 'N/A', 'NULL'].includes(t.toUpperCase()) ? null : t;
}

/** Cells of printable ASCII with spaces in any position, plus the white space the fast path hands on. */
const cellText = fc.oneof(
  fc.stringMatching(/^[ -~]{0,24}$/),
  fc.stringMatching(/^[ a-zA-Z/.-]{0,12}$/),
  fc.array(fc.constantFrom('a', 'Z', ' ', '  ', '\t', '\u00a0', '\n', '-', 'N/A', 'null', '\u2014', '\u3000', 'é'), { maxLength: 8 }).map((a) => a.join('')),
);

describe('cleanText', () => {
  it('follows the SPEC §1.3 clean-up for every cell, clean or not', () => {
    fc.assert(fc.property(cellText, (s) => {
      expect(cleanText(s)).toBe(specText(s));
    }), { numRuns: RUNS });
  });

  it.each([
    ['Budi Santoso', 'Budi Santoso'],
    [' Budi', 'Budi'],
    ['Budi ', 'Budi'],
    ['Budi  Santoso', 'Budi Santoso'],
    ['Budi\u00a0Santoso', 'Budi Santoso'],
    [' ', null],
    ['n/a', null],
    ['', null],
  ])('%j → %j', (cell, expected) => {
    expect(cleanText(cell)).toBe(expected);
  });
});

const day = fc.integer({ min: 0, max: 39 });
const month = fc.integer({ min: 0, max: 19 });
const year = fc.integer({ min: 1000, max: 9999 });
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('parseDate', () => {
  it('reads DD-MM-YYYY as it reads DD/MM/YYYY (same value, same reason)', () => {
    fc.assert(fc.property(day, month, year, (d, m, y) => {
      const dash = `${pad(d, 2)}-${pad(m, 2)}-${y}`;
      const slash = `${pad(d, 2)}/${pad(m, 2)}/${y}`;
      const a = parseDate(dash);
      const b = parseDate(slash);
      expect(a.ok).toBe(b.ok);
      if (a.ok && b.ok) expect(a.value).toBe(b.value);
      if (!a.ok && !b.ok) expect(a.reason).toBe(b.reason.replaceAll(slash, dash));
    }), { numRuns: RUNS });
  });

  it('reads YYYY-MM-DD as it reads YYYY/MM/DD', () => {
    fc.assert(fc.property(day, month, year, (d, m, y) => {
      const dash = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
      const slash = `${y}/${pad(m, 2)}/${pad(d, 2)}`;
      const a = parseDate(dash);
      const b = parseDate(slash);
      expect(a.ok).toBe(b.ok);
      if (a.ok && b.ok) expect(a.value).toBe(b.value);
      if (!a.ok && !b.ok) expect(a.reason).toBe(b.reason.replaceAll(slash, dash));
    }), { numRuns: RUNS });
  });

  it.each([
    ['12-09-1986', '1986-09-12'],
    ['1986-09-12', '1986-09-12'],
    ['29-02-2024', '2024-02-29'],
  ])('%s → %s', (cell, iso) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31-02-2020', 'impossible date 31-02-2020 (February has 28 or 29 days)'],
    ['01-13-2020', 'impossible date 01-13-2020 (there is no month 13)'],
    ['01-01-1850', 'year 1850 in 01-01-1850 is not plausible for an HR record (1900–2100)'],
  ])('%s fails: %s', (cell, reason) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason });
  });
});

describe('toIso', () => {
  it('pads month and day to two digits, the year to four', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      expect(toIso(y, m, d)).toBe(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    }), { numRuns: RUNS });
  });
});

const nip18 = fc.stringMatching(/^[0-9]{18}$/);
/** NIPs near the valid layouts: real dates, months 01–12 or 21–29, gender 1/2, some serial 000. */
const nearValidNip = fc.tuple(
  fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
  fc.integer({ min: 1975, max: 2025 }), fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 20, max: 29 })),
  fc.constantFrom('0', '1', '2', '3'), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999 })),
).map(([y, m, d, ty, tm, g, s]) => `${y}${pad(m, 2)}${pad(d, 2)}${ty}${pad(tm, 2)}${g}${pad(s, 3)}`);

describe('cleanNip and isNipLike', () => {
  it('treat an 18-digit cell as the same cell with spaces around it', () => {
    fc.assert(fc.property(nip18, (nip) => {
      expect(cleanNip(nip)).toEqual(cleanNip(` ${nip} `));
      expect(cleanNip(nip)).toEqual({ ok: true, value: nip });
      expect(isNipLike(nip)).toBe(isNipLike(` ${nip} `));
    }), { numRuns: RUNS });
  });
});

describe('decodeNip', () => {
  /** SPEC §1.3 layout checks, written from the SPEC: does this NIP pass its layout? */
  function passes(nip: string, jenis: JenisPegawai | null): boolean {
    const [y, m, d] = [Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8))];
    const date = new Date(Date.UTC(y, m - 1, d));
    const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    const common = real && (nip[14] === '1' || nip[14] === '2') && nip.slice(15) !== '000';
    const pppkMarker = nip[12] === '2' && nip[13] !== '0';
    if (jenis === 'PPPK') return common && pppkMarker;
    const tm = Number(nip.slice(12, 14));
    return common && ((tm >= 1 && tm <= 12) || (tm >= 21 && tm <= 29));
  }

  it.each<[JenisPegawai | null]>([['PNS'], ['PPPK'], [null], ['CPNS']])('decodes what the layout allows, jenis %s', (jenis) => {
    fc.assert(fc.property(fc.oneof(nearValidNip, nip18), (nip) => {
      const r = decodeNip(nip, jenis);
      expect(r.ok).toBe(passes(nip, jenis));
      if (!r.ok) return;
      expect(r.value.birthDate).toBe(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`);
      expect(r.value.gender).toBe(nip[14] === '2' ? 'P' : 'L');
      expect(r.value.serial).toBe(nip.slice(15));
      const pppk = r.value.layout === 'PPPK';
      expect(pppk).toBe(jenis === 'PPPK' || Number(nip.slice(12, 14)) > 12);
      expect(r.value.tmtCpnsMonth).toBe(pppk ? null : `${nip.slice(8, 12)}-${nip.slice(12, 14)}`);
      expect(r.value.appointmentYear).toBe(pppk ? Number(nip.slice(8, 12)) : null);
      expect(r.value.contractCount).toBe(pppk ? Number(nip[13]) : null);
    }), { numRuns: RUNS });
  });

  it('gives the PPPK info with the PNS info\'s keys in the same order', () => {
    const pns = decodeNip('198609122010011003', 'PNS');
    const pppk = decodeNip('198609122023211003', 'PPPK');
    expect(pns.ok && pppk.ok && Object.keys(pppk.value)).toEqual(pns.ok && Object.keys(pns.value));
    expect(pppk).toEqual({ ok: true, value: {
      layout: 'PPPK', birthDate: '1986-09-12', tmtCpnsMonth: null, appointmentYear: 2023, contractCount: 1, gender: 'L', serial: '003',
    } });
  });
});

describe('parseGolongan', () => {
  const pnsSpellings = PNS_GOLONGAN_CODES.flatMap((code) => {
    const label = golonganLabel(code, 'PNS') ?? '';
    return [label, label.toUpperCase(), String(code)].map((s) => [s, code] as const);
  });
  const pppkSpellings = Array.from({ length: 17 }, (_, i) => [[golonganLabel(i + 1, 'PPPK') ?? '', i + 1], [String(i + 1), i + 1]] as const).flat();

  it.each(pnsSpellings.flatMap(([s, code]) => [[s, code, 'PNS'], [s, code, null], [s, code, 'CPNS']] as const))(
    'SIASN spelling %s → code %i (jenis %s), as the padded spelling parses',
    (spelling, code, jenis) => {
      const fast = parseGolongan(spelling, jenis);
      expect(fast).toEqual({ ok: true, value: { code, label: golonganLabel(code, 'PNS') } });
      expect(fast).toEqual(parseGolongan(` ${spelling} `, jenis));
    },
  );

  it.each(pppkSpellings)('PPPK spelling %s → code %i, as the padded spelling parses', (spelling, code) => {
    const fast = parseGolongan(spelling, 'PPPK');
    expect(fast).toEqual({ ok: true, value: { code, label: golonganLabel(code, 'PPPK') } });
    expect(fast).toEqual(parseGolongan(` ${spelling} `, 'PPPK'));
  });

  it.each([
    ['IX', 'PNS'], ['9', null], ['III/a', 'PPPK'], ['31', 'PPPK'], ['IV/e', 'PNS'], ['I/e', 'PNS'],
  ] as const)('%s with jenis %s parses as its padded spelling does', (spelling, jenis) => {
    expect(parseGolongan(spelling, jenis)).toEqual(parseGolongan(` ${spelling} `, jenis));
  });
});

describe('appraisal words', () => {
  const cases: Array<[string, (s: string) => unknown, string[]]> = [
    ['parsePredikat', parsePredikat, ['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang', 'Kurang/Misconduct', 'Amat Baik', 'Cukup', 'SB', 'B', 'BP', 'K', 'SK', 'Baik Sekali']],
    ['parseRating', parseRating, ['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi', 'Diatas Ekspektasi', 'Dibawah Ekspektasi', '1', '2', '3', '4']],
    ['parseHukdis', parseHukdis, ['Tidak Ada', 'Ringan', 'Sedang', 'Berat', 'Nihil', '0', 'Teguran']],
  ];
  it.each(cases.flatMap(([name, parse, spellings]) => spellings.flatMap((s) => [s, s.toUpperCase(), s.toLowerCase()].map((v) => [name, v, parse] as const))))(
    '%s(%j) is what the padded cell gives',
    (_name, spelling, parse) => {
      expect(parse(spelling)).toEqual(parse(`  ${spelling} `));
    },
  );

  it.each([
    ['Sangat Baik', 'SB'], ['SANGAT BAIK', 'SB'], ['Amat Baik', 'SB'], ['Cukup', 'BP'], ['Kurang/Misconduct', 'K'],
  ])('parsePredikat(%j) → %s', (spelling, code) => {
    expect(parsePredikat(spelling)).toEqual({ ok: true, value: code });
  });

  it.each([['Di Atas Ekspektasi', 'ABOVE'], ['sesuai ekspektasi', 'MEETS'], ['3', 'BELOW']])('parseRating(%j) → %s', (spelling, rating) => {
    expect(parseRating(spelling)).toEqual({ ok: true, value: rating });
  });
});
