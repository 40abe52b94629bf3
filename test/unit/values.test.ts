import { describe, it, expect } from 'vitest';
import {
  NIP_AS_NUMBER_MESSAGE, cleanNip, cleanText, isNipLike, parseDate, parseInteger, parseNumber,
} from '../../src/io/values.js';

describe('cleanText (SPEC §1.3 text)', () => {
  it.each<[unknown, string | null]>([
    ['  Sri   Wahyuni  ', 'Sri Wahyuni'],
    ['Dinas\u00a0Pendidikan\n Kab.  Sleman', 'Dinas Pendidikan Kab. Sleman'],
    ['-', null],
    [' — ', null],
    ['–', null],
    ['N/A', null],
    ['n/a', null],
    ['NULL', null],
    ['null', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    ['-5', '-5'],
    ['S-1', 'S-1'],
    [85.5, '85.5'],
    [2024, '2024'],
    [Number.NaN, null],
    [new Date(Date.UTC(2020, 2, 1)), '2020-03-01'],
    [{ richText: [{ text: 'Budi ' }, { text: 'Santoso' }] }, 'Budi Santoso'],
    [{ formula: 'A1', result: 'III/a' }, 'III/a'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });
});

describe('parseDate (SPEC §1.3 dates)', () => {
  it.each<[unknown, string]>([
    ['2020-03-01', '2020-03-01'],
    ['2020-03-01 00:00:00', '2020-03-01'],
    ['2020-03-01T08:30:00.000Z', '2020-03-01'],
    ['2020/03/01', '2020-03-01'],
    ['01-03-2020', '2020-03-01'],
    ['01/03/2020', '2020-03-01'],  // day first, never March the 1st US style
    ['12/09/1986', '1986-09-12'],
    ['01.03.2020', '2020-03-01'],
    ['1/3/2020', '2020-03-01'],
    ['1-3-2020', '2020-03-01'],
    ['1/3/2020 0:00', '2020-03-01'],
    ['29-02-2020', '2020-02-29'],
    ['  12 September 1986 ', '1986-09-12'],
    ['01-Jan-2020', '2020-01-01'],
    ['1 Jan. 2020', '2020-01-01'],
    ['1 - Mei - 2020', '2020-05-01'],
    [new Date(Date.UTC(1986, 8, 12)), '1986-09-12'],
    [45292, '2024-01-01'],
    ['45292', '2024-01-01'],
    [45292.5, '2024-01-01'],
    [10000, '1927-05-18'],
    [80000, '2119-01-11'],
    [{ formula: 'DATE(2024,1,1)', result: new Date(Date.UTC(2024, 0, 1)) }, '2024-01-01'],
  ])('%j → %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, number]>([
    ['Januari', 1], ['Jan', 1], ['January', 1],
    ['Februari', 2], ['Feb', 2], ['Peb', 2], ['Pebruari', 2], ['February', 2],
    ['Maret', 3], ['Mar', 3], ['March', 3],
    ['April', 4], ['Apr', 4],
    ['Mei', 5], ['May', 5],
    ['Juni', 6], ['Jun', 6], ['June', 6],
    ['Juli', 7], ['Jul', 7], ['July', 7],
    ['Agustus', 8], ['Agu', 8], ['Agt', 8], ['Ags', 8], ['Aug', 8], ['August', 8],
    ['September', 9], ['Sep', 9], ['Sept', 9],
    ['Oktober', 10], ['Okt', 10], ['Oct', 10], ['October', 10],
    ['November', 11], ['Nov', 11], ['Nop', 11], ['Nopember', 11],
    ['Desember', 12], ['Des', 12], ['Dec', 12], ['December', 12],
  ])('month name %s → %i (any case, space or dash)', (name, month) => {
    const iso = `2021-${String(month).padStart(2, '0')}-07`;
    expect(parseDate(`7 ${name} 2021`)).toEqual({ ok: true, value: iso });
    expect(parseDate(`07-${name.toUpperCase()}-2021`)).toEqual({ ok: true, value: iso });
    expect(parseDate(`7 ${name.toLowerCase()} 2021`)).toEqual({ ok: true, value: iso });
  });

  it.each<[unknown, string]>([
    ['31-02-2020', 'impossible date 31-02-2020 (February has 28 or 29 days)'],
    ['2021-02-29', 'impossible date 2021-02-29 (2021 is not a leap year, February has 28 days)'],
    ['2021-02-29 00:00:00', 'impossible date 2021-02-29 (2021 is not a leap year, February has 28 days)'],
    ['31/04/2020', 'impossible date 31/04/2020 (April has 30 days)'],
    ['03/13/2020', 'impossible date 03/13/2020 (there is no month 13)'],
    ['30 Februari 2020', 'impossible date 30 Februari 2020 (February has 28 or 29 days)'],
    ['00-01-2020', 'impossible date 00-01-2020 (there is no day 0)'],
    ['01-03-20', 'two-digit year in "01-03-20"; write the year with four digits, e.g. DD-MM-YYYY'],
    ['1 Jan 20', 'two-digit year in "1 Jan 20"; write the year with four digits, e.g. DD-MM-YYYY'],
    ['1 Janu 2020', 'unknown month name "Janu" in "1 Janu 2020"'],
    ['01-03/2020', 'unrecognised date "01-03/2020"; use DD-MM-YYYY or YYYY-MM-DD'],
    ['March 1, 2020', 'unrecognised date "March 1, 2020"; use DD-MM-YYYY or YYYY-MM-DD'],
    ['kemarin', 'unrecognised date "kemarin"; use DD-MM-YYYY or YYYY-MM-DD'],
    [9999, 'number 9999 is not a date (Excel date serials are 10000–80000); use DD-MM-YYYY'],
    ['80001', 'number 80001 is not a date (Excel date serials are 10000–80000); use DD-MM-YYYY'],
    ['20200301', 'number 20200301 is not a date (Excel date serials are 10000–80000); use DD-MM-YYYY'],
    ['-', 'no date given'],
    [null, 'no date given'],
    [new Date(Number.NaN), 'invalid date in the spreadsheet cell'],
  ])('%j is refused', (raw, reason) => {
    expect(parseDate(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseNumber (SPEC §1.3 numbers)', () => {
  it.each<[unknown, number]>([
    ['85', 85],
    ['85.5', 85.5],
    ['85,5', 85.5],
    ['85,5%', 85.5],
    ['85 %', 85],
    ['85%', 85],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['0,75', 0.75],
    ['-2,5', -2.5],
    ['+3', 3],
    [' 120 ', 120],
    [92.25, 92.25],
    [0, 0],
    ['-0', 0],
  ])('%j → %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each<[unknown, string]>([
    ['abc', 'unrecognised number "abc"; use digits with a decimal comma or point, e.g. 85,5'],
    ['85,5,5.1', 'unrecognised number "85,5,5.1"; use digits with a decimal comma or point, e.g. 85,5'],
    ['1.23,4.5', 'unrecognised number "1.23,4.5"; use digits with a decimal comma or point, e.g. 85,5'],
    ['12,34,5', 'unrecognised number "12,34,5"; use digits with a decimal comma or point, e.g. 85,5'],
    [',5', 'unrecognised number ",5"; use digits with a decimal comma or point, e.g. 85,5'],
    ['85,', 'unrecognised number "85,"; use digits with a decimal comma or point, e.g. 85,5'],
    ['1e5', 'unrecognised number "1e5"; use digits with a decimal comma or point, e.g. 85,5'],
    ['Baik', 'unrecognised number "Baik"; use digits with a decimal comma or point, e.g. 85,5'],
    ['%', 'unrecognised number "%"; use digits with a decimal comma or point, e.g. 85,5'],
    ['', 'no number given'],
    ['N/A', 'no number given'],
    [Number.NaN, 'not a finite number'],
    [Number.POSITIVE_INFINITY, 'not a finite number'],
    [true, 'expected a number, found true'],
  ])('%j is refused', (raw, reason) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseInteger', () => {
  it.each<[unknown, number]>([['2024', 2024], ['2024.0', 2024], ['2024,0', 2024], [2024, 2024], ['1.000.000', 1000000]])(
    '%j → %i', (raw, value) => {
      expect(parseInteger(raw)).toEqual({ ok: true, value });
    });

  it.each<[unknown, string]>([
    ['2024.5', 'expected a whole number, found 2024.5'],
    [12.25, 'expected a whole number, found 12.25'],
    ['dua', 'unrecognised number "dua"; use digits with a decimal comma or point, e.g. 85,5'],
  ])('%j is refused', (raw, reason) => {
    expect(parseInteger(raw)).toEqual({ ok: false, reason });
  });
});

describe('cleanNip (SPEC §1.3 NIP, Perka BKN 22/2007)', () => {
  it('has the exact SPEC message', () => {
    expect(NIP_AS_NUMBER_MESSAGE).toBe(
      'NIP was stored as a number by the spreadsheet and lost digits; format the column as text');
  });

  it.each<[unknown, string]>([
    ['198609122010012003', '198609122010012003'],
    ["'19860912 201001 2 003", '198609122010012003'],
    ['19860912 201001 2 003', '198609122010012003'],
    ['19860912\u00a0201001\u00a02\u00a0003', '198609122010012003'],
    ['19750417.200003.1.002', '197504172000031002'],
    [' 199003152023212001 ', '199003152023212001'],
    [{ richText: [{ text: "'197504172000031002" }] }, '197504172000031002'],
  ])('%j → %s', (raw, nip) => {
    expect(cleanNip(raw)).toEqual({ ok: true, value: nip });
  });

  it.each<[unknown, string]>([
    ['1.98609E+17', NIP_AS_NUMBER_MESSAGE],
    ['1,98609E+17', NIP_AS_NUMBER_MESSAGE],
    ['1.98609122010012E+17', NIP_AS_NUMBER_MESSAGE],
    ['1.98609e17', NIP_AS_NUMBER_MESSAGE],
    [198609122010012000, NIP_AS_NUMBER_MESSAGE], // what a double makes of 198609122010012003
    [1.98609e17, NIP_AS_NUMBER_MESSAGE],
    [123456789012345680, NIP_AS_NUMBER_MESSAGE],
    [9007199254740993, NIP_AS_NUMBER_MESSAGE], // not a safe integer
    [12345.5, NIP_AS_NUMBER_MESSAGE],
    [123456, 'NIP must have 18 digits, found 6'],
    ['19860912 201001 2 03', 'NIP must have 18 digits, found 17'],
    ['1986091220100120031', 'NIP must have 18 digits, found 19'],
    ['196809121990031001 / 131234567', 'NIP may contain only digits, spaces and dots, found "196809121990031001 / 131234567"'],
    ['NIP. 19700101 199503 1 001', 'NIP may contain only digits, spaces and dots, found "NIP. 19700101 199503 1 001"'],
    ['19860912-201001-2-003', 'NIP may contain only digits, spaces and dots, found "19860912-201001-2-003"'],
    ['-', 'no NIP given'],
    [null, 'no NIP given'],
  ])('%j is refused', (raw, reason) => {
    expect(cleanNip(raw)).toEqual({ ok: false, reason });
  });
});

describe('isNipLike (SPEC §1.1 footer detection)', () => {
  it.each<[unknown, boolean]>([
    ['198609122010012003', true],
    ["'19860912 201001 2 003", true],
    ['131234567', true],            // old 9-digit NIP: still NIP-like
    ['1.98609E+17', true],
    ['1,98609E+17', true],
    [198609122010012000, true],
    [42, true],
    ['NIP. 19700101 199503 1 001', false],
    ['Mengetahui,', false],
    ['Kepala BKPSDM', false],
    ['', false],
    ['-', false],
    [null, false],
    [Number.NaN, false],
  ])('%j → %s', (raw, expected) => {
    expect(isNipLike(raw)).toBe(expected);
  });
});
