/**
 * Hostile data on the way out (issue 7): CSV and XLSX outputs never hold a live formula, the HTML
 * report shows markup as text, filters are values (never SQL), a --model file cannot reach the
 * object prototype, and a killed `report --out` never leaves a half-written file under its name.
 */
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BIN, minimalDb, query, runAsn, tempDir } from './helpers.js';

const APPRAISALS = [
  'NIP,TAHUN,PREDIKAT,JPM,POTENSI,JP',
  '198504182010011001,2024,B,80,TINGGI,24',
  '198504182010011001,2025,SB,85,TINGGI,24',
  '198602272011012010,2025,B,70,MENENGAH,10',
  '198703212011021004,2025,BP,60,RENDAH,5',
].join('\n');

/** A database whose names, units and posts are formulas, markup and SQL. */
function hostileDb(): string {
  const dir = tempDir('hostile');
  writeFileSync(join(dir, 'appraisals.csv'), `${APPRAISALS}\n`);
  const r = runAsn(['import', 'hostile/formulas-and-markup.csv', 'appraisals.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  return dir;
}

const LIVE = /^[=+\-@\t\r]/;

describe('no live formulas in CSV or XLSX output', () => {
  it('rank CSV guards every text cell that a spreadsheet would run', () => {
    const dir = hostileDb();
    const r = runAsn(['rank', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const names = rows.map((row) => row.nama);
    expect(names).toContain(`'=HYPERLINK("http://x")`);
    expect(names).toContain("'@SUM(A1:A9)");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(LIVE);
  });

  it('report XLSX writes hostile text as plain strings, never formulas', async () => {
    const dir = hostileDb();
    const r = runAsn(['report', '--format', 'xlsx', '--out', 'r.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    let seen = 0;
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.formula).toBeUndefined();
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (String(cell.value).includes('HYPERLINK')) seen++;
    })));
    expect(seen).toBeGreaterThan(0);
  });
});

describe('the HTML report escapes everything', () => {
  it('an employee unit named <script>alert(1)</script> shows as text', () => {
    const dir = hostileDb();
    const r = runAsn(['report', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script>alert(1)</script>');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).not.toMatch(/<script/i);
  });
});

describe('filters are values, never SQL', () => {
  it('--unit "x\' OR 1=1 --" matches only a unit of that exact name and changes nothing', () => {
    const dir = minimalDb();
    const db = join(dir, 'asn.db');
    const before = readFileSync(db);
    const rank = runAsn(['rank', '--unit', "x' OR 1=1 --", '--format', 'csv'], { cwd: dir });
    expect(rank.code).toBe(2);
    expect(rank.stderr).toContain('x\' OR 1=1 --');
    const audit = runAsn(['audit', '--unit', "x' OR 1=1 --", '--format', 'csv'], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a unit that really is named like SQL is ranked on its own', () => {
    const dir = hostileDb();
    const r = runAsn(['rank', '--unit', "x' OR 1=1 --", '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.nip)).toEqual(['198602272011012010']);
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 3 });
  });
});

describe('--model files cannot reach the object prototype', () => {
  it.each([
    ['{"__proto__": {"polluted": 1}}', '__proto__'],
    ['{"weights": {"constructor": {"x": 1}}}', 'constructor'],
    ['{"box": {"prototype": 1}}', 'prototype'],
  ])('%s is refused with exit 2', (json, key) => {
    const dir = minimalDb();
    writeFileSync(join(dir, 'model.json'), json);
    const r = runAsn(['rank', '--model', 'model.json', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(key);
    expect(r.stdout).toBe('');
  });
});

describe('report --out is atomic', () => {
  it('a report killed while writing leaves no file under the final name (10 kills)', async () => {
    const dir = minimalDb();
    for (let i = 0; i < 10; i++) {
      const child = spawn(process.execPath, [BIN, 'report', '--format', 'xlsx', '--type', 'unit', '--out', 'laporan.xlsx'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' },
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((r) => setTimeout(r, 40 + i * 25));
      child.kill('SIGKILL');
      await closed;
      // Either the complete report, or nothing under the final name.
      if (existsSync(join(dir, 'laporan.xlsx'))) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(dir, 'laporan.xlsx'));
        expect(wb.worksheets.length).toBeGreaterThan(1);
      }
    }
    const r = runAsn(['report', '--format', 'xlsx', '--type', 'unit', '--out', 'laporan.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'laporan.xlsx'));
    expect(wb.worksheets.length).toBeGreaterThan(1);
  }, 120_000);
});
