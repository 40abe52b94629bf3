/** Numbered migrations under PRAGMA user_version (SPEC §8): an older file is brought up to date in one go. */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrate.js';
import { APPLICATION_ID, openDatabase } from '../../src/db/open.js';

it('migrates a version-1 database to the current schema, keeping its rows', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'asn-migrate-')), 'old.db');
  const old = new Database(file);
  old.exec(MIGRATIONS[0]!.sql);
  old.pragma(`application_id = ${APPLICATION_ID}`);
  old.pragma('user_version = 1');
  old.prepare("INSERT INTO imports VALUES (1, 'p.csv', 'abc', 'personnel', '2025-01-01', 1, 1, 0, 0, 0, 0, 0)").run();
  old.prepare("INSERT INTO employees (nip, nama, instansi, import_id, source_line) VALUES ('198504182010011001', 'Hendra', 'Pemkab', 1, 2)").run();
  old.close();
  const db = openDatabase(file, 'write');
  expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  expect(SCHEMA_VERSION).toBeGreaterThan(1);
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employees'").pluck().all();
  expect(indexes).toContain('employees_instansi');
  expect(db.prepare('SELECT nama FROM employees').pluck().all()).toEqual(['Hendra']);
  db.close();
});
