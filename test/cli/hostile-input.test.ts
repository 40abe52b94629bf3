/**
 * Hostile and broken input (issue 7, fixtures/hostile): each file gives a clear message and the
 * right exit code, within bounded memory — every run here gets a V8 heap of 160 MB
 * (--max-old-space-size), so a parser that slurped a bomb would crash instead of passing — and
 * the database is left byte-for-byte unchanged.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, query, runAsn, tempDir } from './helpers.js';
import { writeOpenpyxlWorkbook } from './xlsx-parts.js';

const HEAP_MB = 160;

function boundedImport(dir: string, file: string): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, 'import', file], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

/** A database holding fixtures/minimal's personnel, and its bytes before the hostile import. */
function seeded(): { dir: string; before: Buffer } {
  const dir = tempDir('hostile', 'minimal');
  expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
  return { dir, before: readFileSync(join(dir, 'asn.db')) };
}

describe('hostile input is refused cleanly and changes nothing', () => {
  it.each([
    ['hostile/random-bytes.csv', 3, 'contains binary data'],
    ['hostile/random-text.csv', 3, 'no header row found'],
    ['hostile/truncated.csv', 3, 'Quote Not Closed'],
    ['hostile/zip-bomb.xlsx', 3, 'possible zip bomb'],
    ['hostile/truncated.xlsx', 3, 'not a readable XLSX workbook'],
    ['invalid/empty.csv', 3, 'is empty'],
  ])('%s → exit %i (%s)', (file, code, message) => {
    const { dir, before } = seeded();
    if (file.startsWith('invalid/')) writeFileSync(join(dir, file.replace('invalid/', 'hostile/')), '');
    const r = boundedImport(dir, file.replace('invalid/', 'hostile/'));
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toContain('internal error');
    expect(readFileSync(join(dir, 'asn.db')).equals(before)).toBe(true);
  });

  it('a 10 MB single cell and a CSV bomb of a million columns are refused (exit 3)', () => {
    const { dir, before } = seeded();
    writeFileSync(join(dir, 'cell.csv'), `NIP,NAMA\n198504182010011001,${'A'.repeat(10_000_000)}\n`);
    writeFileSync(join(dir, 'bomb.csv'), `${['NIP', 'NAMA', ...Array<string>(1_000_000).fill('x')].join(',')}\n`);
    for (const file of ['cell.csv', 'bomb.csv']) {
      const r = boundedImport(dir, file);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain('a record is longer than 1,000,000 characters');
    }
    expect(readFileSync(join(dir, 'asn.db')).equals(before)).toBe(true);
  });

  it('a header-only file imports nothing and says so (exit 0)', () => {
    const { dir } = seeded();
    const r = boundedImport(dir, 'hostile/header-only.csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('0 read, 0 inserted');
    expect(r.stderr).toContain('no data rows after the header');
  });

  it('a cell over 1,000 characters is a rejected row, not a stored value', () => {
    const { dir } = seeded();
    writeFileSync(join(dir, 'long.csv'), `NIP,NAMA\n198504182010011001,${'B'.repeat(5000)}\n`);
    const r = boundedImport(dir, 'long.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('longer than 1000 characters');
  });

  it('formula-looking, markup and SQL-looking values are stored as plain text', () => {
    const dir = tempDir('hostile');
    const r = runAsn(['import', 'hostile/formulas-and-markup.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = query<{ nama: string; unit: string }>(join(dir, 'asn.db'), 'SELECT nama, unit FROM employees ORDER BY nip');
    expect(rows.map((x) => x.nama)).toEqual(['=HYPERLINK("http://x")', '@SUM(A1:A9)', "Robert'); DROP TABLE employees;--"]);
    expect(rows[0]!.unit).toBe('<script>alert(1)</script>');
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 3 });
  });

  it('file names with spaces, quotes and non-ASCII work', () => {
    const dir = tempDir('minimal');
    const name = "data pegawai 'Sléman' \"2025\".csv";
    writeFileSync(join(dir, name), readFileSync(join(dir, 'minimal/personnel.csv')));
    const r = runAsn(['import', name], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(query(join(dir, 'asn.db'), 'SELECT file_name FROM imports')).toEqual([{ file_name: name }]);
  });
});

/**
 * Issue 12 (SPEC §1.7): an import stores what the file says or says why not. Each case failed
 * silently before (exit 0, rows merged, cells blanked, names mis-decoded).
 */
describe('nothing silently lost or altered on the way in', () => {
  const HEADER = 'NIP,NAMA,GOLONGAN,UNIT KERJA';
  const ROWS = [
    '198504182010011001,Ratih Purwaningsih,III/c,Dinas A',
    '198602272011012010,Budi Santoso,III/b,Dinas B',
    '198703212011021004,Citra Lestari,III/a,Dinas C',
    '199004042015012004,Dewi Anggraini,II/c,Dinas D',
    '199101012015011001,Eko Wibowo,III/a,Dinas E',
  ];
  const units = (db: string) => query<{ unit: string }>(db, 'SELECT unit FROM employees ORDER BY nip').map((r) => r.unit);

  it('CRLF lines then LF lines (a file edited on two machines): 5 rows, none merged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mixed.csv'), `${HEADER}\r\n${ROWS.slice(0, 2).join('\r\n')}\r\n${ROWS.slice(2).join('\n')}\n`);
    const r = runAsn(['import', 'mixed.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('5 read, 5 inserted');
    expect(units(join(dir, 'asn.db'))).toEqual(['Dinas A', 'Dinas B', 'Dinas C', 'Dinas D', 'Dinas E']);
  });

  it('an LF file with one lone CR: the CR ends a record too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cr.csv'), `${HEADER}\n${ROWS.slice(0, 3).join('\n')}\r${ROWS.slice(3).join('\n')}\n`);
    const r = runAsn(['import', 'cr.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('5 read, 5 inserted');
    expect(units(join(dir, 'asn.db'))).toEqual(['Dinas A', 'Dinas B', 'Dinas C', 'Dinas D', 'Dinas E']);
    // Line numbers stay physical: a bad row after the CR is reported on its own line.
    writeFileSync(join(dir, 'cr2.csv'), `${HEADER}\r${ROWS[0]}\r199001012015011001,Alpha\n`);
    const bad = runAsn(['import', 'cr2.csv'], { cwd: dir });
    expect(bad.stderr).toContain('rejected line 3');
  });

  it('a row shorter than the header is rejected, and the stored golongan and unit stay', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'full.csv'), `${HEADER}\n199001012015011001,Alpha,III/b,Dinas Kesehatan\n`);
    expect(runAsn(['import', 'full.csv'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'short.csv'), `${HEADER}\n199001012015011001,Alpha\n`);
    const r = runAsn(['import', 'short.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 read, 0 inserted, 0 updated, 0 unchanged, 1 rejected');
    expect(r.stderr).toContain('row has 2 fields, the header has 4');
    expect(query(join(dir, 'asn.db'), 'SELECT golongan, unit FROM employees')).toEqual([{ golongan: 'III/b', unit: 'Dinas Kesehatan' }]);
  });

  it('a row longer than the header is rejected, never cut', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'long.csv'), `${HEADER}\n199001012015011001,Alpha,III/b,Dinas Kesehatan,Bidang P2P\n${ROWS[0]}\n`);
    const r = runAsn(['import', 'long.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rejected line 2, field 5 "Bidang P2P": row has 5 fields, the header has 4');
    expect(query(join(dir, 'asn.db'), 'SELECT nip FROM employees')).toEqual([{ nip: '198504182010011001' }]);
  });

  it('one stray Windows-1252 byte in a UTF-8 file: names stay UTF-8, the row with the byte is rejected', () => {
    const dir = tempDir();
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n198504182010011001,André Santôso,III/c,Dinas A\n198602272011012010,Budi `, 'utf8'),
      Buffer.from([0x96]),
      Buffer.from(' Santoso,III/b,Dinas B\n', 'utf8'),
    ]);
    writeFileSync(join(dir, 'stray.csv'), bytes);
    const r = runAsn(['import', 'stray.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid UTF-8 byte 0x96 in column NAMA');
    expect(query(join(dir, 'asn.db'), 'SELECT nama FROM employees')).toEqual([{ nama: 'André Santôso' }]);
  });

  it('a Windows-1252 file without any UTF-8 sequence is still read as Windows-1252', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ansi.csv'), Buffer.from(`${HEADER}\n198504182010011001,Andr\xe9 Sant\xf4so \x96 Sleman,III/c,Dinas A\n`, 'latin1'));
    const r = runAsn(['import', 'ansi.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(query(join(dir, 'asn.db'), 'SELECT nama FROM employees')).toEqual([{ nama: 'André Santôso – Sleman' }]);
  });

  it('the header row repeated mid-file (sheets pasted together) is skipped, not rejected', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pasted.csv'), `${HEADER}\n${ROWS.slice(0, 2).join('\n')}\n${HEADER}\n${ROWS.slice(2).join('\n')}\n`);
    const r = runAsn(['import', 'pasted.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('6 read, 5 inserted, 0 updated, 0 unchanged, 0 rejected, 1 skipped');
  });

  it.each(['-1', '-3', '+2'])('rating code %s is rejected, not read as a code', (code) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.csv'), `${HEADER}\n${ROWS[0]}\n`);
    writeFileSync(join(dir, 'a.csv'), `NIP,TAHUN,RATING HASIL KERJA,RATING PERILAKU KERJA\n198504182010011001,2025,${code},2\n`);
    const r = runAsn(['import', 'p.csv', 'a.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`RATING HASIL KERJA "${code}": "${code}" is not valid as a rating code`);
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM appraisals')).toEqual([{ n: 0 }]);
  });
});

describe('spreadsheets: formulas, sheets, headers, dates (SPEC §1.7)', () => {
  const HEADER = ['NIP', 'NAMA', 'GOLONGAN', 'UNIT KERJA'];

  it('a formula without a saved value (openpyxl) rejects its row naming the cell; stored values stay', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'full.csv'), 'NIP,NAMA,GOLONGAN,UNIT KERJA\n199001012015011001,Alpha,III/a,Dinas Kesehatan\n');
    expect(runAsn(['import', 'full.csv'], { cwd: dir }).code).toBe(0);
    writeOpenpyxlWorkbook(join(dir, 'f.xlsx'), [{ name: 'Sheet', rows: [
      HEADER,
      ['199001012015011001', 'Alpha', { formula: 'IF(1,"III/b","")' }, { formula: 'CONCATENATE("Dinas ","Sosial")' }],
      ['198504182010011001', 'Ratih', { formula: 'IF(1,"III/c","")', saved: 'III/c' }, 'Dinas A'],
    ] }]);
    const r = runAsn(['import', 'f.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cell C2: formula without a saved value: open and save the file in Excel');
    expect(r.stderr).toContain('cell D2: formula without a saved value');
    const db = join(dir, 'asn.db');
    expect(query(db, 'SELECT nip, golongan, unit FROM employees ORDER BY nip')).toEqual([
      { nip: '198504182010011001', golongan: 'III/c', unit: 'Dinas A' }, // the saved result is read
      { nip: '199001012015011001', golongan: 'III/a', unit: 'Dinas Kesehatan' },
    ]);
  });

  it('--sheet finds the sheet by its name in workbook.xml, also in a workbook written by openpyxl', () => {
    const dir = tempDir();
    writeOpenpyxlWorkbook(join(dir, 'rekap.xlsx'), [
      { name: 'Petunjuk', rows: [['Isi data pada sheet Rekap Predikat']] },
      { name: 'Rekap Predikat', rows: [HEADER, ['198504182010011001', 'Ratih', 'III/c', 'Dinas A']] },
    ]);
    const r = runAsn(['import', '--sheet', 'Rekap Predikat', 'rekap.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('imported rekap.xlsx (personnel), sheet "Rekap Predikat": 1 read, 1 inserted');
    const wrong = runAsn(['import', '--sheet', 'Sheet1', 'rekap.xlsx'], { cwd: dir });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('its sheets are: "Petunjuk", "Rekap Predikat"');
  });

  it('a hidden sheet is skipped (and the summary says so) unless --sheet names it', () => {
    const dir = tempDir();
    writeOpenpyxlWorkbook(join(dir, 'h.xlsx'), [
      { name: 'Data Lama', hidden: true, rows: [HEADER, ['198504182010011001', 'Ratih', 'II/a', 'Dinas Lama']] },
      { name: 'Data Pegawai', rows: [HEADER, ['198504182010011001', 'Ratih', 'III/c', 'Dinas A']] },
    ]);
    const r = runAsn(['import', 'h.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('sheet "Data Pegawai": 1 read, 1 inserted');
    expect(r.stderr).toContain('hidden sheets skipped: "Data Lama"');
    expect(query(join(dir, 'asn.db'), 'SELECT unit FROM employees')).toEqual([{ unit: 'Dinas A' }]);
    const named = runAsn(['import', '--sheet', 'Data Lama', 'h.xlsx'], { cwd: dir });
    expect(named.code, named.stderr).toBe(0);
    expect(query(join(dir, 'asn.db'), 'SELECT unit FROM employees')).toEqual([{ unit: 'Dinas Lama' }]);
  });

  it('a two-row merged header is refused with a hint to flatten it (exit 3)', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DUK');
    ws.addRow(['NIP', 'NAMA', 'PANGKAT', null, 'UNIT KERJA']);
    ws.addRow([null, null, 'GOL', 'TMT GOL', null]);
    ws.mergeCells('C1:D1');
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('E1:E2');
    ws.addRow(['198504182010011001', 'Ratih', 'III/c', '2020-04-01', 'Dinas A']);
    await wb.xlsx.writeFile(join(dir, 'merged.xlsx'));
    const r = runAsn(['import', 'merged.xlsx'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the header spans two rows');
    expect(r.stderr).toContain('GOL, TMT GOL');
    expect(r.stderr).toContain('hint: flatten the header to one row');
  });

  it("Excel's 1900 leap-year bug: serial 59 is 28 February 1900, serial 60 is refused", () => {
    const dir = tempDir();
    writeOpenpyxlWorkbook(join(dir, 'd.xlsx'), [{ name: 'Data', rows: [
      ['NIP', 'NAMA', 'TANGGAL LAHIR'],
      ['198504182010011001', 'Ratih', { date: 59 }],
      ['198602272011012010', 'Budi', { date: 60 }],
      ['198703212011021004', 'Citra', { date: 61 }],
    ] }]);
    const r = runAsn(['import', 'd.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('date serial 60 is 29 February 1900, a day that never existed');
    expect(query(join(dir, 'asn.db'), 'SELECT tgl_lahir FROM employees ORDER BY nip')).toEqual([{ tgl_lahir: '1900-02-28' }, { tgl_lahir: '1900-03-01' }]);
  });
});
