/**
 * A first personnel import into an empty database takes a shorter path (src/app/import/snapshot.ts
 * `fresh`: no stored-row look-up for keys the file has not written, a plain INSERT, the unit and
 * instansi indexes built after the rows, no present_nips and no leaver query). It must store and
 * print exactly what the general path does, keep one transaction per file (SPEC §1.6), and leave
 * the schema as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query, runAsn, tempDir } from './helpers.js';

const INDEXES = [
  { name: 'employees_unit', sql: 'CREATE INDEX employees_unit ON employees(unit)' },
  { name: 'employees_instansi', sql: 'CREATE INDEX employees_instansi ON employees(instansi)' },
];
const indexesOf = (db: string) =>
  query(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL ORDER BY name DESC");

/** fixtures/minimal/personnel.csv with an identical repeat of its first row and a different one of its second. */
function personnelWithRepeats(dir: string): { file: string; nips: string[] } {
  const [head, first, second, ...rest] = readFileSync(join(dir, 'minimal/personnel.csv'), 'utf8').trim().split('\n');
  const changed = second!.replace(/^(\d{18}),[^,]*,/, '$1,Nama Lain,');
  writeFileSync(join(dir, 'p.csv'), `${[head, first, second, ...rest, first, changed].join('\n')}\n`);
  return { file: 'p.csv', nips: [first, second, ...rest].map((l) => l!.slice(0, 18)) };
}

/** One employee of another instansi, imported first so that the database is not empty. */
const OTHER = [
  'NIP,NAMA,TANGGAL LAHIR,JENIS KELAMIN,JENIS PEGAWAI,GOLONGAN,TMT CPNS,JABATAN,UNIT KERJA,INSTANSI',
  '198001012005011001,Budi Lain,1980-01-01,L,PNS,III/b,2005-01-01,Pelaksana,Dinas Lain,Pemerintah Kota Lain',
  '',
].join('\n');

const stored = (db: string, nips: string[]) =>
  query(db, `SELECT * FROM employees WHERE nip IN (${nips.map(() => '?').join(', ')}) ORDER BY rowid`, ...nips)
    .map(({ import_id: _id, ...row }) => row);

describe('a first personnel import into an empty database', () => {
  it('stores, prints and rejects what an import into a populated database does', () => {
    const empty = tempDir('minimal');
    const { file, nips } = personnelWithRepeats(empty);
    const first = runAsn(['import', '--as-of', '2025-12-31', file], { cwd: empty });

    const populated = tempDir('minimal');
    personnelWithRepeats(populated);
    writeFileSync(join(populated, 'other.csv'), OTHER);
    expect(runAsn(['import', '--as-of', '2025-06-30', 'other.csv'], { cwd: populated }).code).toBe(0);
    const later = runAsn(['import', '--as-of', '2025-12-31', file], { cwd: populated });

    // The repeated first row counts once, the different second row is rejected naming line 3.
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('same key as line 3 with different values');
    expect(first.stderr).toMatch(/40 inserted, 0 updated, 0 unchanged, 1 rejected/);
    expect([later.code, later.stdout, later.stderr]).toEqual([first.code, first.stdout, first.stderr]);
    const a = stored(join(empty, 'asn.db'), nips);
    expect(a).toHaveLength(40);
    expect(a).toEqual(stored(join(populated, 'asn.db'), nips));
    expect(indexesOf(join(empty, 'asn.db'))).toEqual(INDEXES);
    // Someone seen once has no history rows of their own (the employees row is their history).
    expect(query(join(empty, 'asn.db'), 'SELECT count(*) AS n FROM employee_versions')).toEqual([{ n: 0 }]);
  });

  it('refused by --strict or checked by --dry-run, writes nothing and keeps the indexes', () => {
    const dir = tempDir('minimal');
    const lines = readFileSync(join(dir, 'minimal/personnel.csv'), 'utf8').trim().split('\n');
    const bad = lines[20]!.replace(/,\d{4}-\d{2}-\d{2},/, ',31-02-1980,');
    expect(bad).not.toBe(lines[20]);
    writeFileSync(join(dir, 'bad.csv'), `${[...lines.slice(0, 20), bad, ...lines.slice(21)].join('\n')}\n`);
    const strict = runAsn(['import', '--strict', 'bad.csv'], { cwd: dir });
    expect(strict.code).toBe(1);
    const db = join(dir, 'asn.db');
    expect(query(db, 'SELECT (SELECT count(*) FROM employees) AS e, (SELECT count(*) FROM imports) AS i, (SELECT count(*) FROM snapshots) AS s'))
      .toEqual([{ e: 0, i: 0, s: 0 }]);
    expect(indexesOf(db)).toEqual(INDEXES);

    expect(runAsn(['import', '--dry-run', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM employees')).toEqual([{ n: 0 }]);
    expect(indexesOf(db)).toEqual(INDEXES);

    // The database is usable as before: the import proper writes every row.
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM employees INDEXED BY employees_unit WHERE unit IS NOT NULL')).toEqual([{ n: 40 }]);
  });

  it('keeps the NIPs of its first file for the leavers of the next personnel file of the command (SPEC §9)', () => {
    const dir = tempDir('history');
    const lines = readFileSync(join(dir, 'history/personnel-2024.csv'), 'utf8').split('\n');
    const header = lines.findIndex((l) => l.startsWith('NIP'));
    // The 2025 file of the same instansi without half of the people of 2024: read together, the
    // 2024 file's people are present in the command, so nobody leaves and the guard stays quiet.
    const kept = lines.slice(header + 1).filter((l) => l.trim() !== '');
    const half = [...lines.slice(0, header + 1).map((l) => l.replace('31 DESEMBER 2024', '30 JUNI 2025')), ...kept.slice(0, Math.ceil(kept.length / 2))];
    writeFileSync(join(dir, 'half-2025.csv'), `${half.join('\n')}\n`);
    const r = runAsn(['import', 'history/personnel-2024.csv', 'half-2025.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/snapshot 2025-06-30 .*0 left/);
    expect(query(join(dir, 'asn.db'), "SELECT count(*) AS n FROM status_history WHERE status = 'left'")).toEqual([{ n: 0 }]);
  });
});
