/**
 * The queries behind a first personnel import (src/db/queries/history.ts): present_nips written
 * in sorted batches holds every NIP added once flushed, and nothing of a batch rolled back; the
 * secondary indexes of employees dropped inside a transaction come back with the same SQL, and
 * a rollback restores them too.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { deferEmployeeIndexes, noEmployeesYet, presentNips } from '../../src/db/queries/history.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-db-')), 'asn.db'), 'write');
});
afterEach(() => db.close());

const count = () => db.prepare('SELECT count(*) FROM present_nips').pluck().get();
const indexes = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL ORDER BY name").all();

describe('presentNips', () => {
  it('holds every NIP added, across more than one batch, once flushed; repeats once', () => {
    const present = presentNips(db);
    present.reset();
    db.exec('BEGIN');
    const n = 150_000;
    for (let i = n; i > 0; i--) present.add(`19700101199${String(i * 7).padStart(7, '0')}`);
    present.add('197001011990000007');
    present.flush();
    expect(count()).toBe(n);
    db.exec('COMMIT');
  });

  it('keeps nothing of a file whose transaction is rolled back', () => {
    const present = presentNips(db);
    present.reset();
    db.exec('BEGIN');
    for (let i = 0; i < 70_000; i++) present.add(`19800101199${String(i).padStart(7, '0')}`);
    db.exec('ROLLBACK');
    expect(count()).toBe(0);
  });
});

describe('deferEmployeeIndexes', () => {
  it('drops the unit and instansi indexes and makes them again with the same SQL; a rollback restores them', () => {
    const before = indexes();
    expect(before.map((r) => (r as { name: string }).name)).toEqual(['employees_instansi', 'employees_unit']);
    expect(noEmployeesYet(db)).toBe(true);
    db.exec('BEGIN');
    const restore = deferEmployeeIndexes(db);
    expect(indexes()).toEqual([]);
    restore();
    restore(); // once only
    expect(indexes()).toEqual(before);
    db.exec('COMMIT');
    db.exec('BEGIN');
    deferEmployeeIndexes(db);
    db.exec('ROLLBACK');
    expect(indexes()).toEqual(before);
  });
});
