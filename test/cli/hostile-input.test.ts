/**
 * Hostile and broken input (issue 7, fixtures/hostile): each file gives a clear message and the
 * right exit code, within bounded memory — every run here gets a V8 heap of 160 MB
 * (--max-old-space-size), so a parser that slurped a bomb would crash instead of passing — and
 * the database is left byte-for-byte unchanged.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, query, runAsn, tempDir } from './helpers.js';

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
