/**
 * SPEC §8, §9: a database of schema version 2 (the release before snapshots) migrates in one
 * transaction without loss into one snapshot dated by its imports, and its rank and audit
 * output stays byte-identical: to the same files imported fresh by this version, and (rank) to
 * what the previous release printed (fixtures/migration/README.md says how those were made).
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, query, runAsn, tempDir } from './helpers.js';
import { MIGRATIONS } from '../../src/db/migrate.js';

const MADE_AT = { ASN_NOW: '2025-07-01T08:00:00.000Z' };
let dir: string;

beforeAll(() => {
  dir = tempDir('promotions', 'minimal');
  const old = new Database(join(dir, 'old.db'));
  old.exec(readFileSync(join(FIXTURES, 'migration/v2-promotions-minimal.sql'), 'utf8'));
  old.close();
  const steps = [
    ['import', 'promotions/personnel.csv', 'promotions/appraisals.csv', 'promotions/promotions.csv'],
    ['import', 'minimal/personnel.csv', 'minimal/appraisals.csv'],
  ];
  for (const step of steps) expect(runAsn(['--db', 'fresh.db', ...step], { cwd: dir, env: MADE_AT }).code).toBe(0);
});

describe('a schema-2 database', () => {
  it('starts at schema version 2 with its rows', () => {
    expect(query(join(dir, 'old.db'), 'PRAGMA user_version')).toEqual([{ user_version: 2 }]);
  });

  it('gives rank and audit CSV byte-identical to a fresh import, and the same rank as the previous release', () => {
    for (const args of [['rank', '--format', 'csv'], ['rank', '--by', 'unit', '--format', 'csv'], ['audit', '--format', 'csv'], ['audit', '--scope', 'instansi', '--format', 'csv']]) {
      const migrated = runAsn(['--db', 'old.db', ...args], { cwd: dir });
      const fresh = runAsn(['--db', 'fresh.db', ...args], { cwd: dir });
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(fresh.code).toBe(0);
      expect(migrated.stdout).toBe(fresh.stdout);
    }
    const rank = runAsn(['--db', 'old.db', 'rank', '--format', 'csv'], { cwd: dir });
    expect(rank.stdout).toBe(readFileSync(join(FIXTURES, 'migration/rank-v2.csv'), 'utf8'));
  });

  it('is migrated to the current schema without loss: one snapshot dated by its last personnel import', () => {
    const db = join(dir, 'old.db');
    expect(query(db, 'PRAGMA user_version')[0]).toEqual({ user_version: MIGRATIONS.length }); // 0003 history, then 0004 appraisers
    expect(query(db, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 74 });
    expect(query(db, 'SELECT count(*) AS n FROM appraisals')[0]).toEqual({ n: 210 });
    expect(query(db, 'SELECT count(*) AS n FROM promotions')[0]).toEqual({ n: 12 });
    expect(query(db, 'SELECT count(*) AS n FROM imports')[0]).toEqual({ n: 5 });
    expect(query(db, 'SELECT as_of, as_of_source, file_name, rows FROM snapshots')).toEqual([
      { as_of: '2025-07-01', as_of_source: 'migration', file_name: 'personnel.csv', rows: 74 },
    ]);
    // History is kept from the first change: one state each is the employees row with its date.
    expect(query(db, 'SELECT count(*) AS n FROM employees WHERE as_of = ?', '2025-07-01')[0]).toEqual({ n: 74 });
    expect(query(db, 'SELECT count(*) AS n FROM employee_versions')[0]).toEqual({ n: 0 });
    expect(query(db, 'SELECT count(*) AS n FROM post_history')[0]).toEqual({ n: 0 });
    expect(query(db, 'SELECT count(*) AS n FROM history_changes')[0]).toEqual({ n: 0 });
    const status = runAsn(['--db', 'old.db', 'status', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(status.stdout).snapshots).toEqual([
      { as_of: '2025-07-01', file_name: 'personnel.csv', rows: 74, joined: 74, changed: 0, left: 0, unchanged: 0, dated_at_snapshot: 0 },
    ]);
  });

  it('accepts the riwayat kinds in its import log after the migration', () => {
    const r = runAsn(['--db', 'old.db', 'import', '--kind', 'riwayat-golongan', 'promotions/personnel.csv'], { cwd: dir });
    expect(r.stderr).toContain('(riwayat-golongan)');
    expect(query(join(dir, 'old.db'), "SELECT count(*) AS n FROM imports WHERE kind = 'riwayat-golongan'")[0]).toEqual({ n: 1 });
  });
});
