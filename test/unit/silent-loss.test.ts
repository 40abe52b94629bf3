/**
 * The pure rules behind SPEC §1.7 "Nothing silently lost or altered" (issue 12): coded values,
 * UTF-8 with stray bytes, the terminal sanitiser, the workbook's own sheet names, Excel's 1900
 * leap-year bug.
 */
import { describe, expect, it } from 'vitest';
import { numericCode } from '../../src/domain/codes.js';
import { parseHukdis, parseRating } from '../../src/domain/appraisal-values.js';
import { parseGolongan } from '../../src/domain/golongan.js';
import { parseEselon } from '../../src/domain/jabatan-level.js';
import { parseJenisKelamin } from '../../src/domain/person.js';
import { decodeField, escapedByteIn, hasValidMultibyte, Utf8Census, withoutEscapes } from '../../src/io/utf8.js';
import { forTerminal, paint, terminalSafe, trustedEscapes } from '../../src/cli/terminal.js';
import { readWorkbookIndex } from '../../src/io/xlsx-workbook.js';
import { columnLetters, plainCellValue } from '../../src/io/xlsx-reader.js';

describe('coded values accept only their listed forms (SPEC §1.7)', () => {
  it.each([
    ['1', '1'], ['3', '3'], ['1.0', '1'], ['2,0', '2'], [' 2 ', '2'],
    ['-1', null], ['+3', null], ['(1)', null], ['1-', null], ['1.5', null], ['\u22121', null],
    ['Di Atas', undefined], ['III/a', undefined], ['', undefined],
  ])('numericCode(%j) → %j', (raw, expected) => {
    expect(numericCode(raw)).toBe(expected);
  });

  it.each(['-1', '-3', '+1', '(2)', '3-'])('rating %j is rejected (was read as its digit)', (raw) => {
    const r = parseRating(raw);
    expect(r.ok).toBe(false);
  });

  it.each([['1', 'ABOVE'], ['2', 'MEETS'], ['3', 'BELOW'], ['Di Atas Ekspektasi', 'ABOVE']])('rating %j is still %s', (raw, rating) => {
    expect(parseRating(raw)).toEqual({ ok: true, value: rating });
  });

  it('other coded columns refuse a signed code too', () => {
    expect(parseJenisKelamin('-1').ok).toBe(false);
    expect(parseJenisKelamin('1')).toEqual({ ok: true, value: 'L' });
    expect(parseHukdis('-0').ok).toBe(false);
    expect(parseHukdis('0')).toEqual({ ok: true, value: 'none' });
    expect(parseGolongan('-31', 'PNS').ok).toBe(false);
    expect(parseGolongan('31', 'PNS')).toEqual({ ok: true, value: { code: 31, label: 'III/a' } });
    expect(parseEselon('-21').ok).toBe(false);
    expect(parseEselon('21')).toEqual({ ok: true, value: 'II.a' });
  });
});

describe('UTF-8 with stray bytes (SPEC §1.7 "Encoding")', () => {
  const andre = Buffer.from('André', 'utf8');
  const stray = Buffer.concat([Buffer.from('Budi '), Buffer.from([0x96]), Buffer.from(' Santoso')]);

  it('a valid multi-byte sequence decides for UTF-8; lone high bytes do not', () => {
    expect(hasValidMultibyte(andre)).toBe(true);
    expect(hasValidMultibyte(stray)).toBe(false);
    expect(hasValidMultibyte(Buffer.from([0xe9, 0x41]))).toBe(false); // "éA" in Windows-1252
    expect(hasValidMultibyte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false); // an encoded surrogate is not valid
  });

  it('the census of a file: invalid bytes and multi-byte sequences, across chunk boundaries', () => {
    const census = new Utf8Census();
    // "é" split between two chunks is one valid sequence, not two invalid bytes.
    census.push(Buffer.from([0x41, 0xc3]));
    census.push(Buffer.from([0xa9, 0x42]));
    census.finish();
    expect({ invalid: census.invalid, multibyte: census.multibyte }).toEqual({ invalid: false, multibyte: true });
    const mixed = new Utf8Census();
    mixed.push(Buffer.concat([andre, stray]));
    mixed.finish();
    expect({ invalid: mixed.invalid, multibyte: mixed.multibyte }).toEqual({ invalid: true, multibyte: true });
    const truncated = new Utf8Census();
    truncated.push(Buffer.from([0x41, 0xe2, 0x82]));
    truncated.finish();
    expect(truncated.invalid).toBe(true);
  });

  it('a stray byte is kept as a mark naming it, and shown as U+FFFD', () => {
    const text = decodeField(stray);
    expect(escapedByteIn(text)).toBe(0x96);
    expect(withoutEscapes(text)).toBe('Budi \uFFFD Santoso');
    expect(decodeField(andre)).toBe('André');
    expect(escapedByteIn(decodeField(andre))).toBeNull();
    // A real character outside the BMP (a paired surrogate) is not a mark.
    expect(escapedByteIn('\u{1F480}')).toBeNull();
  });
});

describe('the terminal sanitiser (SPEC §1.7 "Terminal safety")', () => {
  it.each([
    ['clear screen', 'A\x1b[2JB', 'A\uFFFD[2JB'],
    ['OSC 8 link', '\x1b]8;;http://x\x07k', '\uFFFD]8;;http://x\uFFFDk'],
    ['C1 CSI', 'A\u009b2J', 'A\uFFFD2J'],
    ['CR and DEL', 'a\rb\x7f', 'a\uFFFDb\uFFFD'],
    ['TAB and newline kept', 'a\tb\nc', 'a\tb\nc'],
  ])('%s', (_what, raw, shown) => {
    expect(terminalSafe(raw)).toBe(shown);
    expect(forTerminal(raw, true)).toBe(shown);
    expect(forTerminal(raw, false)).toBe(raw);
  });

  it("asn's colours are marks that become escapes, data between them is sanitised", () => {
    const red = paint(true).red('x\x1b[2J');
    expect(red.startsWith('\x1b')).toBe(false); // a mark, not an escape, until it reaches the stream
    expect(forTerminal(red, true)).toBe('\x1b[31mx\uFFFD[2J\x1b[39m');
    expect(paint(false).red('x')).toBe('x');
    expect(forTerminal(trustedEscapes('\x1b[1mNIP\x1b[22m'), true)).toBe('\x1b[1mNIP\x1b[22m');
  });
});

describe('XLSX: the workbook as workbook.xml describes it (SPEC §1.7 "Spreadsheets")', () => {
  const file = (path: string, text: string) => ({ path, buffer: async () => Buffer.from(text, 'utf8') });

  it('reads names, hidden states and absolute or relative targets', async () => {
    const index = await readWorkbookIndex([
      file('xl/workbook.xml', '<x:workbook xmlns:x="m" xmlns:r="r"><x:workbookPr date1904="1"/><x:sheets>' +
        '<x:sheet name="Rekap &amp; Predikat" sheetId="1" r:id="rId1"/><x:sheet name="Lama" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>'),
      file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
    ]);
    expect(index).toEqual({
      date1904: true,
      sheets: [
        { name: 'Rekap & Predikat', part: 'xl/worksheets/sheet1.xml', hidden: false },
        { name: 'Lama', part: 'xl/worksheets/sheet2.xml', hidden: true },
      ],
    });
  });

  it('cell values: a formula is its saved result; without one, or an error, it is unreadable', () => {
    expect(plainCellValue({ formula: 'IF(1,"III/b","")', result: 'III/b' }, 'C2')).toBe('III/b');
    expect(plainCellValue({ formula: 'IF(1,"III/b","")' }, 'C2')).toMatchObject({ value: '=IF(1,"III/b","")', reason: expect.stringContaining('cell C2: formula without a saved value: open and save the file in Excel') });
    expect(plainCellValue({ formula: 'VLOOKUP(A1,B:C,2,0)', result: Number.NaN }, 'D9')).toMatchObject({ reason: expect.stringContaining('cell D9') });
    expect(plainCellValue({ error: '#N/A' }, 'E3')).toMatchObject({ reason: 'cell E3 shows the error #N/A; correct the cell' });
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(28)).toBe('AB');
  });

  it("Excel's 1900 leap-year bug: exceljs's naive dates before March 1900 are moved one day on, serial 60 refused", () => {
    // exceljs gives serial s as 1970-01-01 + (s − 25569) days: 59 → 1900-02-27, 60 → 1900-02-28.
    const naive = (serial: number) => new Date(Date.UTC(1970, 0, 1) + (serial - 25569) * 86_400_000);
    expect(plainCellValue(naive(1))).toEqual(new Date('1900-01-01T00:00:00Z'));
    expect(plainCellValue(naive(59))).toEqual(new Date('1900-02-28T00:00:00Z'));
    expect(plainCellValue(naive(60))).toMatchObject({ value: '60', reason: expect.stringContaining('29 February 1900') });
    expect(plainCellValue(naive(61))).toEqual(new Date('1900-03-01T00:00:00Z'));
    expect(plainCellValue(naive(45292))).toEqual(new Date('2024-01-01T00:00:00Z'));
    // The 1904 date system has no fake leap day.
    expect(plainCellValue(naive(59), 'A1', true)).toEqual(naive(59));
  });
});
