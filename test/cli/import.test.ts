/**
 * `asn import` end to end on fixtures/minimal: exit codes, the stderr summary, the database
 * rows, idempotent re-import, --dry-run, --strict, stdin and the storage rules of SPEC §8.
 */
import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrate.js';
import { query, runAsn, tempDir } from './helpers.js';

const MINIMAL = ['minimal/personnel.csv', 'minimal/appraisals.csv', 'minimal/promotions.csv'];

function lineCount(file: string): number {
  return readFileSync(file, 'utf8').trim().split('\n').length - 1;
}

describe('asn import on fixtures/minimal', () => {
  it('imports all three files, reports counts on stderr and nothing on stdout', () => {
    const dir = tempDir('minimal');
    // Files given out of order: personnel must still go first (SPEC §1.6).
    const r = runAsn(['import', 'minimal/promotions.csv', 'minimal/appraisals.csv', 'minimal/personnel.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const people = lineCount(join(dir, 'minimal/personnel.csv'));
    const appraisals = lineCount(join(dir, 'minimal/appraisals.csv'));
    const promotions = lineCount(join(dir, 'minimal/promotions.csv'));
    expect(r.stderr).toContain(`imported personnel.csv (personnel): ${people} read, ${people} inserted, 0 updated, 0 unchanged, 0 rejected, 0 skipped`);
    expect(r.stderr).toContain(`imported appraisals.csv (appraisals): ${appraisals} read, ${appraisals} inserted`);
    expect(r.stderr).toContain(`imported promotions.csv (promotions): ${promotions} read, ${promotions} inserted`);
    const db = join(dir, 'asn.db');
    expect(query(db, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: people });
    expect(query(db, 'SELECT count(*) AS n FROM appraisals')[0]).toEqual({ n: appraisals });
    expect(query(db, 'SELECT count(*) AS n FROM promotions')[0]).toEqual({ n: promotions });
    // NIPs stay 18-digit text (never numbers).
    const types = query<{ t: string; len: number }>(db, 'SELECT DISTINCT typeof(nip) AS t, length(nip) AS len FROM employees');
    expect(types).toEqual([{ t: 'text', len: 18 }]);
    // The import log: one row per file, personnel first, with the file's SHA-256.
    const log = query<{ file_name: string; kind: string; sha256: string; inserted: number }>(db, 'SELECT file_name, kind, sha256, inserted FROM imports ORDER BY id');
    expect(log.map((l) => l.kind)).toEqual(['personnel', 'appraisals', 'promotions']);
    expect(log[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Provenance: each row remembers its import and source line.
    const prov = query<{ import_id: number; source_line: number }>(db, 'SELECT import_id, min(source_line) AS source_line FROM employees');
    expect(prov[0]!.source_line).toBe(2);
  });

  it('re-importing the same files changes nothing and reports every row unchanged', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', ...MINIMAL], { cwd: dir }).code).toBe(0);
    const db = join(dir, 'asn.db');
    const before = query(db, 'SELECT * FROM employees ORDER BY nip');
    const r = runAsn(['import', ...MINIMAL], { cwd: dir });
    expect(r.code).toBe(0);
    const people = lineCount(join(dir, 'minimal/personnel.csv'));
    expect(r.stderr).toContain(`${people} read, 0 inserted, 0 updated, ${people} unchanged, 0 rejected`);
    expect(r.stderr).toMatch(/appraisals\.csv \(appraisals\): (\d+) read, 0 inserted, 0 updated, \1 unchanged/);
    expect(query(db, 'SELECT * FROM employees ORDER BY nip')).toEqual(before);
  });

  it('--dry-run and validate write nothing, not even a database file', () => {
    const dir = tempDir('minimal');
    const r = runAsn(['import', '--dry-run', ...MINIMAL], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dry run: nothing was written');
    expect(r.stderr).toContain('checked personnel.csv');
    expect(existsSync(join(dir, 'asn.db'))).toBe(false);
    const v = runAsn(['validate', ...MINIMAL], { cwd: dir });
    expect(v.code).toBe(0);
    expect(existsSync(join(dir, 'asn.db'))).toBe(false);
  });

  it('validate and --dry-run say what the import would do, never that rows were inserted', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    // One employee changed (a new unit): the dry run counts one update, the appraisals as inserts.
    const people = lineCount(join(dir, 'minimal/personnel.csv'));
    const appraisals = lineCount(join(dir, 'minimal/appraisals.csv'));
    const lines = readFileSync(join(dir, 'minimal/personnel.csv'), 'utf8').trim().split('\n');
    const header = (lines[0] as string).split(',');
    const unitAt = header.indexOf('UNIT KERJA');
    const changed = (lines[1] as string).split(',');
    changed[unitAt] = 'Dinas Sosial';
    writeFileSync(join(dir, 'next.csv'), `${[lines[0], changed.join(','), ...lines.slice(2)].join('\n')}\n`);
    for (const args of [['validate', 'next.csv', 'minimal/appraisals.csv'], ['import', '--dry-run', 'next.csv', 'minimal/appraisals.csv']]) {
      const r = runAsn(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`checked next.csv (personnel): ${people} read, would insert 0, would update 1, would leave ${people - 1} unchanged, would reject 0, would skip 0\n`);
      expect(r.stderr).toContain(`checked appraisals.csv (appraisals): ${appraisals} read, would insert ${appraisals}, would update 0, would leave 0 unchanged`);
      expect(r.stderr).not.toMatch(/\d+ (inserted|updated|rejected)/);
      expect(r.stderr).toContain('dry run: nothing was written to the database');
    }
    const real = runAsn(['import', 'next.csv'], { cwd: dir });
    expect(real.stderr).toContain(`imported next.csv (personnel): ${people} read, 0 inserted, 1 updated, ${people - 1} unchanged`);
  });

  it('--dry-run on an existing database leaves the file byte-for-byte unchanged', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    const db = join(dir, 'asn.db');
    const before = readFileSync(db);
    const r = runAsn(['import', '--dry-run', 'minimal/appraisals.csv', 'minimal/promotions.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(query(db, 'SELECT count(*) AS n FROM appraisals')[0]).toEqual({ n: 0 });
  });

  it('reads stdin with -', () => {
    const dir = tempDir('minimal');
    const input = readFileSync(join(dir, 'minimal/personnel.csv'));
    const r = runAsn(['import', '-'], { cwd: dir, input });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('imported (stdin) (personnel)');
    expect(query(join(dir, 'asn.db'), 'SELECT file_name FROM imports')).toEqual([{ file_name: '(stdin)' }]);
  });

  it('creates the database with mode 0600, in WAL mode, at --db or ASN_DB', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['--db', 'a.db', 'import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, 'a.db')).mode & 0o777).toBe(0o600);
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir, env: { ASN_DB: 'b.db' } }).code).toBe(0);
    expect(existsSync(join(dir, 'b.db'))).toBe(true);
    const db = new Database(join(dir, 'a.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('--quiet prints nothing on success', () => {
    const dir = tempDir('minimal');
    const r = runAsn(['--quiet', 'import', ...MINIMAL], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('usage and storage errors', () => {
  it('an unknown flag on a subcommand exits 2 with a message on stderr', () => {
    const dir = tempDir();
    const r = runAsn(['import', '--nope', 'x.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--nope'");
    expect(r.stdout).toBe('');
  });

  it('a bad --map value exits 2', () => {
    const dir = tempDir('minimal');
    const r = runAsn(['import', '--map', 'NO INDUK=nomor', 'minimal/personnel.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map "NO INDUK=nomor"');
  });

  it('a missing file is refused with exit 3 and the database is not created', () => {
    const dir = tempDir();
    const r = runAsn(['import', 'nope.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/refused: cannot read nope\.csv/);
    expect(existsSync(join(dir, 'asn.db'))).toBe(false);
  });

  it('a database with a newer schema is refused with exit 4 and left alone', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'asn.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(file);
    const r = runAsn(['import', 'minimal/appraisals.csv'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('schema version 99, newer than this asn understands');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(runAsn(['status'], { cwd: dir }).code).toBe(4);
  });

  it('a file that is not an SQLite database is refused with exit 4 and never overwritten', () => {
    const dir = tempDir('minimal');
    const file = join(dir, 'asn.db');
    writeFileSync(file, 'these are my notes, not a database\n');
    const r = runAsn(['import', 'minimal/personnel.csv'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('is not an SQLite database');
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database\n');
  });

  it('a foreign SQLite database is refused with exit 4', () => {
    const dir = tempDir('minimal');
    const file = join(dir, 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    const r = runAsn(['--db', 'other.db', 'import', 'minimal/personnel.csv'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('not made by asn');
  });
});

describe('asn status', () => {
  it('shows counts, years, units and the last imports as JSON', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', ...MINIMAL], { cwd: dir }).code).toBe(0);
    const r = runAsn(['status', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as {
      schema_version: number;
      tables: Array<{ table: string; rows: number }>;
      years: Array<{ tahun: number }>;
      units: Array<{ unit: string }>;
      imports: Array<{ file_name: string }>;
    };
    expect(status.schema_version).toBe(SCHEMA_VERSION);
    expect(status.tables.find((t) => t.table === 'employees')!.rows).toBe(lineCount(join(dir, 'minimal/personnel.csv')));
    expect(status.years.map((y) => y.tahun)).toEqual([2023, 2024, 2025]);
    expect(status.units).toHaveLength(3);
    expect(status.imports.map((i) => i.file_name)).toEqual(['promotions.csv', 'appraisals.csv', 'personnel.csv']);
  });

  it('csv gives the import log; a missing database exits 3 with a hint to import', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    const r = runAsn(['status', '--format', 'csv'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe('id,imported_at,file_name,kind,rows_read,inserted,updated,unchanged,rejected,skipped,sha256');
    const missing = runAsn(['--db', 'none.db', 'status'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('hint: import data first');
  });
});
