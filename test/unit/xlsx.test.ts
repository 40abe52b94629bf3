import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DataTable } from '../../src/cli/render/table-data.js';
import { sheetName, writeXlsx } from '../../src/cli/render/xlsx.js';

const rank: DataTable = {
  name: 'rank',
  columns: [
    { key: 'nip', type: 'text', header: 'NIP' },
    { key: 'nama', type: 'text', header: 'Nama' },
    { key: 'merit', type: 'number' },
    { key: 'pool_size', type: 'integer' },
    { key: 'tmt', type: 'date' },
    { key: 'flagged', type: 'boolean' },
  ],
  rows: [
    { nip: '198609122010012003', nama: 'Siti Rahayu', merit: 87.125, pool_size: 12, tmt: '2020-04-01', flagged: false },
    { nip: '199001012015031002', nama: '=cmd|" /C calc"!A0', merit: -3.5, pool_size: 3, tmt: null, flagged: true },
    { nip: '197512312000121001', nama: '+62 812 3456', merit: null, pool_size: null, tmt: '2019-10-01', flagged: null },
    { nip: '196805171990031004', nama: '@SUM(A1)', merit: 1, pool_size: 1, tmt: '2018-04-01', flagged: false },
  ],
};

const audit: DataTable = {
  name: 'audit: promosi [2024]/Bappeda*? dengan nama yang sangat panjang',
  columns: [{ key: 'nip', type: 'text' }],
  rows: [{ nip: '198609122010012003' }],
};

let dir = '';
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asn-xlsx-'));
  const file = join(dir, 'report.xlsx');
  await writeXlsx([rank, audit], file);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sheet(index: number): ExcelJS.Worksheet {
  const ws = workbook.worksheets[index];
  if (!ws) throw new Error(`no sheet ${index}`);
  return ws;
}

describe('sheetName', () => {
  it.each([
    ['rank', [], 'rank'],
    ['audit: promosi [2024]/Bappeda*?', [], 'audit_ promosi _2024__Bappeda__'],
    ['a'.repeat(40), [], 'a'.repeat(31)],
    ["'quoted'", [], 'quoted'],
    ['', [], 'Sheet'],
    ['Rank', ['rank'], 'Rank (2)'],
    ['a'.repeat(40), ['a'.repeat(31)], `${'a'.repeat(27)} (2)`],
  ])('%j (taken %j) → %j', (name, taken, expected) => {
    const result = sheetName(name, new Set(taken));
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(31);
  });
});

describe('writeXlsx read back with exceljs', () => {
  it('writes one sheet per table with valid names', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['rank', 'audit_ promosi _2024__Bappeda__']);
  });

  it('freezes a bold header row with the column headers', () => {
    const ws = sheet(0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, 'NIP', 'Nama', 'merit', 'pool_size', 'tmt', 'flagged']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });

  it('keeps the NIP as an 18-digit string in a text-formatted cell', () => {
    const cell = sheet(0).getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('198609122010012003');
    expect(cell.numFmt).toBe('@');
  });

  it('writes numbers as numbers rounded like the CSV, with a two-decimal format', () => {
    const ws = sheet(0);
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('C2').value).toBe(87.13);
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getCell('C3').value).toBe(-3.5);
    expect(ws.getCell('D2').value).toBe(12);
    expect(ws.getCell('C4').value).toBeNull();
  });

  it('writes dates as real dates at UTC midnight', () => {
    const cell = sheet(0).getCell('E2');
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2020-04-01T00:00:00.000Z');
    expect(cell.numFmt).toBe('yyyy-mm-dd');
  });

  it('writes booleans as booleans', () => {
    expect(sheet(0).getCell('F3').value).toBe(true);
  });

  it.each([
    ['B3', '=cmd|" /C calc"!A0'],
    ['B4', '+62 812 3456'],
    ['B5', '@SUM(A1)'],
  ])('%s stays the plain string %j, never a formula', (address, expected) => {
    const cell = sheet(0).getCell(address);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(expected);
    expect(cell.formula).toBeUndefined();
  });

  it('fits column widths to the content within 6..60', () => {
    const ws = sheet(0);
    expect(ws.getColumn(1).width).toBe(20); // 18 digits + 2
    expect(ws.getColumn(2).width).toBe(20); // '=cmd|" /C calc"!A0' + 2
    expect(ws.getColumn(4).width).toBe(11); // 'pool_size' + 2
    // 'flagged' + 2 = 9 is exceljs' default width, which it leaves out of the file.
    expect(ws.getColumn(6).width ?? 9).toBe(9);
    expect(sheet(1).getColumn(1).width).toBe(20);
    for (let c = 1; c <= 6; c += 1) {
      expect(ws.getColumn(c).width ?? 9).toBeGreaterThanOrEqual(6);
      expect(ws.getColumn(c).width ?? 9).toBeLessThanOrEqual(60);
    }
  });

  it('clamps widths to 6 for short columns and 60 for long text', async () => {
    const file = join(dir, 'widths.xlsx');
    const long = 'Jabatan Fungsional Analis Sumber Daya Manusia Aparatur Ahli Madya pada Bidang Pengembangan';
    await writeXlsx([{ name: 'w', columns: [{ key: 'x', type: 'integer' }, { key: 'jabatan', type: 'text' }], rows: [{ x: 1, jabatan: long }] }], file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws?.getColumn(1).width).toBe(6);
    expect(ws?.getColumn(2).width).toBe(60);
    expect(ws?.getCell('B2').value).toBe(long);
  });
});
