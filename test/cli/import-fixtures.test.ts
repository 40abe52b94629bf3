/**
 * `asn import` on the real-world shapes of fixtures/messy, fixtures/siasn-export and
 * fixtures/invalid: the expectations written in each folder's README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { query, runAsn, tempDir } from './helpers.js';

const MESSY = [
  'messy/personnel-semicolon-bom.csv', 'messy/personnel.xlsx', 'messy/appraisals-win1252.csv',
  'messy/appraisals-utf16.txt', 'messy/promotions-pipe.csv',
];

describe('fixtures/messy imports cleanly', () => {
  const dir = tempDir('messy');
  // Appraisals and promotions given first: the personnel files still go first.
  const r = runAsn(['import', ...[...MESSY].reverse()], { cwd: dir });
  const db = join(dir, 'asn.db');

  it('exits 0 with the README counts per file', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('imported personnel-semicolon-bom.csv (personnel): 17 read, 10 inserted, 0 updated, 0 unchanged, 0 rejected, 7 skipped');
    // SPEC §1.7: the summary names the sheet that was read.
    expect(r.stderr).toContain('imported personnel.xlsx (personnel), sheet "Data Pegawai": 8 read, 8 inserted');
    expect(r.stderr).toContain('imported appraisals-win1252.csv (appraisals): 10 read, 10 inserted');
    expect(r.stderr).toContain('imported appraisals-utf16.txt (appraisals): 8 read, 8 inserted');
    expect(r.stderr).toContain('imported promotions-pipe.csv (promotions): 3 read, 3 inserted');
    expect(query(db, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 18 });
    expect(query(db, 'SELECT count(*) AS n FROM appraisals')[0]).toEqual({ n: 18 });
    expect(query(db, 'SELECT count(*) AS n FROM promotions')[0]).toEqual({ n: 3 });
  });

  it('decodes Windows-1252 and UTF-8 names alike', () => {
    const names = query<{ nama: string }>(db, 'SELECT nama FROM employees').map((e) => e.nama);
    expect(names.some((n) => n.startsWith('André Setiawan'))).toBe(true);
    expect(names.some((n) => n.startsWith('Renée'))).toBe(true);
    expect(names.join(' ')).not.toMatch(/Ã|\uFFFD/);
  });

  it('normalises NIPs with spaces and apostrophes, mixed dates and golongan spellings', () => {
    const rows = query<{ nip: string; tgl_lahir: string; golongan: string; golongan_code: number }>(
      db, "SELECT nip, tgl_lahir, golongan, golongan_code FROM employees WHERE nip = '198609122010012003'");
    expect(rows).toEqual([{ nip: '198609122010012003', tgl_lahir: '1986-09-12', golongan: 'III/c', golongan_code: 33 }]);
    const all = query<{ nip: string; tgl_lahir: string; tmt_cpns: string }>(db, 'SELECT nip, tgl_lahir, tmt_cpns FROM employees');
    for (const e of all) {
      expect(e.nip).toMatch(/^\d{18}$/);
      // The NIP carries the birth date: every mixed date form must come out as that date.
      expect(e.tgl_lahir.replaceAll('-', '')).toBe(e.nip.slice(0, 8));
      expect(e.tmt_cpns).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('reads decimal commas, predikat words and ratings in words and SIASN codes', () => {
    const rows = query<{ predikat: string | null; predikat_source: string | null; nilai_skp: number | null; jpm: number | null }>(
      db, 'SELECT predikat, predikat_source, nilai_skp, jpm FROM appraisals');
    expect(rows.every((a) => a.predikat !== null)).toBe(true);
    const sources = new Set(rows.map((a) => a.predikat_source));
    expect(sources.has('ratings') && sources.has('predikat')).toBe(true);
    expect(rows.some((a) => a.nilai_skp !== null && !Number.isInteger(a.nilai_skp))).toBe(true);
    expect(rows.some((a) => a.jpm !== null && !Number.isInteger(a.jpm))).toBe(true);
  });

  it('keeps a quoted cell with a newline and a pipe inside one record, and counts lines right', () => {
    // Record 1 spans physical lines 2–3, so the next records start on lines 4 and 5.
    const rows = query<{ source_line: number; tmt: string }>(db, 'SELECT source_line, tmt FROM promotions ORDER BY source_line');
    expect(rows).toEqual([
      { source_line: 2, tmt: '2025-01-06' },
      { source_line: 4, tmt: '2025-04-01' },
      { source_line: 5, tmt: '2025-07-01' },
    ]);
  });
});

describe('fixtures/siasn-export', () => {
  it('imports the full SIASN header directly and stores only the fields asn uses', () => {
    const dir = tempDir('siasn-export');
    const r = runAsn(['import', 'siasn-export/personnel.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('12 read, 12 inserted');
    expect(r.stderr).toMatch(/ignored columns: PNS ID, .*NIK, NOMOR HP, EMAIL/);
    const db = join(dir, 'asn.db');
    const cols = query<{ name: string }>(db, 'SELECT name FROM pragma_table_info(\'employees\')').map((c) => c.name);
    expect(cols).not.toContain('nik');
    const rows = query<{ golongan: string | null; unit: string | null; instansi: string | null; pendidikan: string | null; jenis_pegawai: string }>(
      db, 'SELECT golongan, unit, instansi, pendidikan, jenis_pegawai FROM employees');
    expect(rows.every((e) => e.golongan && e.unit && e.instansi && e.pendidikan)).toBe(true);
    expect(rows.filter((e) => e.jenis_pegawai === 'PPPK')).toHaveLength(1);
  });
});

describe('fixtures/invalid', () => {
  const files = ['invalid/personnel.csv', 'invalid/appraisals.csv', 'invalid/promotions.csv'];

  it('rejects each bad row with line, column, value and reason; imports the good rows (exit 1)', () => {
    const dir = tempDir('invalid');
    const r = runAsn(['import', '--rejects', 'rejects.csv', ...files], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('personnel.csv (personnel): 14 read, 6 inserted, 0 updated, 0 unchanged, 7 rejected, 0 skipped, 1 identical duplicate counted once');
    expect(r.stderr).toContain('appraisals.csv (appraisals): 10 read, 4 inserted, 0 updated, 0 unchanged, 6 rejected');
    expect(r.stderr).toContain('promotions.csv (promotions): 5 read, 2 inserted, 0 updated, 0 unchanged, 3 rejected');
    const rejects = parse(readFileSync(join(dir, 'rejects.csv')), { columns: true }) as Array<Record<string, string>>;
    const got = rejects.map((x) => [x.file, x.line, x.column, x.value]);
    expect(got).toEqual([
      ['personnel.csv', '4', 'NIP', '19880101201101100'],
      ['personnel.csv', '5', 'NIP', '1.98609E+17'],
      ['personnel.csv', '6', 'NIP', '198613122010012004'],
      ['personnel.csv', '7', 'TANGGAL LAHIR', '31-02-1990'],
      ['personnel.csv', '8', 'GOLONGAN', 'III/f'],
      ['personnel.csv', '9', 'JENIS KELAMIN', 'X'],
      ['personnel.csv', '11', 'NIP', '199205172019031006'],
      ['appraisals.csv', '3', 'NIP', '199912312024011001'],
      ['appraisals.csv', '4', 'PREDIKAT', 'Luar Biasa'],
      ['appraisals.csv', '5', 'NILAI SKP', '120'],
      ['appraisals.csv', '6', 'JPM', 'tinggi'],
      ['appraisals.csv', '7', 'JP', "'-8"], // guarded: a cell starting with - could be read as a formula
      ['appraisals.csv', '8', 'TAHUN', 'dua ribu'],
      ['promotions.csv', '3', 'TMT', '2025-13-01'],
      ['promotions.csv', '4', 'NIP', '199912312024011001'],
      ['promotions.csv', '5', 'JABATAN BARU', ''],
    ]);
    const reasons = Object.fromEntries(rejects.map((x) => [`${x.file}:${x.line}`, x.reason]));
    expect(reasons['personnel.csv:4']).toMatch(/18 digits, found 17/);
    expect(reasons['personnel.csv:5']).toBe('NIP was stored as a number by the spreadsheet and lost digits; format the column as text');
    expect(reasons['personnel.csv:6']).toMatch(/month 13/);
    expect(reasons['personnel.csv:7']).toMatch(/impossible date/);
    expect(reasons['personnel.csv:11']).toMatch(/same key as line 10/);
    expect(reasons['appraisals.csv:3']).toMatch(/unknown NIP/);
    expect(reasons['appraisals.csv:8']).toMatch(/TAHUN must be a year/);
    // The original cells are kept under their headers.
    expect(rejects[0]!.NAMA).toBe('Yusuf Maulana');
    const db = join(dir, 'asn.db');
    // Line 10's version is kept; line 11's different row was rejected.
    expect(query(db, "SELECT golongan FROM employees WHERE nip = '199205172019031006'")).toEqual([{ golongan: 'III/c' }]);
    expect(query(db, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 6 });
    expect(query(db, 'SELECT rejected, duplicates FROM imports ORDER BY id')).toEqual([
      { rejected: 7, duplicates: 1 }, { rejected: 6, duplicates: 0 }, { rejected: 3, duplicates: 0 },
    ]);
  });

  it('--strict refuses a file with a bad row and leaves the database byte-for-byte as before', () => {
    const dir = tempDir('invalid', 'minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'asn.db');
    const before = readFileSync(file);
    const r = runAsn(['import', '--strict', 'invalid/personnel.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused (--strict) personnel.csv');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('validate reports the same rejects, exits 1 and writes nothing', () => {
    const dir = tempDir('invalid');
    const r = runAsn(['validate', ...files], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('checked personnel.csv (personnel): 14 read, would insert 6, would update 0, would leave 0 unchanged, would reject 7, would skip 0');
    expect(r.stderr).toContain('checked appraisals.csv (appraisals): 10 read, would insert 4');
    expect(r.stderr).toContain('dry run: nothing was written');
  });

  it.each([
    ['no-header.csv', 'no header row found'],
    ['unknown-kind.csv', 'cannot tell whether this is a personnel, appraisals or promotions file'],
    ['empty.csv', 'empty.csv is empty'],
  ])('refuses %s whole with exit 3 and a hint', (file, message) => {
    const dir = tempDir('invalid', 'minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    const before = readFileSync(join(dir, 'asn.db'));
    const r = runAsn(['import', `invalid/${file}`], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint:');
    expect(readFileSync(join(dir, 'asn.db')).equals(before)).toBe(true);
  });

  it('--kind personnel on unknown-kind.csv still refuses it: NAMA is required', () => {
    const dir = tempDir('invalid');
    const r = runAsn(['import', '--kind', 'personnel', 'invalid/unknown-kind.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('lacks the required column NAMA');
  });

  it('rejects XLSX NIPs stored as numbers, and --map names an unknown header', () => {
    const dir = tempDir('invalid');
    const r = runAsn(['import', 'invalid/personnel-nip-number.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('4 read, 0 inserted, 0 updated, 0 unchanged, 4 rejected');
    expect(r.stderr).toContain('rejected line 4, NIP "197602112002041000": NIP was stored as a number by the spreadsheet and lost digits');
  });
});

describe('--map and --sheet', () => {
  it('--map adds a header name for one run', () => {
    const dir = tempDir();
    const csv = 'NO INDUK;NAMA PEGAWAI;UNIT KERJA\n198504182010011001;Budi Santoso;Dinas Kesehatan\n';
    const r = runAsn(['import', '--map', 'NO INDUK=nip', '-'], { cwd: dir, input: csv });
    expect(r.code, r.stderr).toBe(0);
    expect(query(join(dir, 'asn.db'), 'SELECT nip, nama, unit FROM employees')).toEqual([
      { nip: '198504182010011001', nama: 'Budi Santoso', unit: 'Dinas Kesehatan' },
    ]);
  });

  it('--sheet names a sheet that does not exist: exit 3 listing the sheets', () => {
    const dir = tempDir('messy');
    const r = runAsn(['import', '--sheet', 'Nope', 'messy/personnel.xlsx'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('has no sheet named "Nope"');
    expect(r.stderr).toContain('"Data Pegawai"');
  });

  it('--sheet picks the named sheet', () => {
    const dir = tempDir('messy');
    const r = runAsn(['import', '--sheet', 'Data Pegawai', 'messy/personnel.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('8 read, 8 inserted');
  });
});
