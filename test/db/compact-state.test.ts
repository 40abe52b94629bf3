/**
 * `compactStateAt` (src/app/history/state.ts), the state at D that rank and report passes use:
 * for every person and date the same record at D as `stateAt` (SPEC §9), on fixtures/history with
 * both snapshots, riwayat and promotions; and its look-up of who may differ reads by index.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactStateAt, stateAt } from '../../src/app/history/state.js';
import { employeeFromTuple } from '../../src/app/population/inputs.js';
import { CHANGED_AT_SQL } from '../../src/db/queries/history.js';
import { scanEmployees } from '../../src/db/queries/merit-inputs.js';
import { openDatabase } from '../../src/db/open.js';
import { runAsn, tempDir } from '../cli/helpers.js';

let file: string;
beforeAll(() => {
  const dir = tempDir('history');
  for (const args of [
    ['import', 'history/personnel-2024.csv', 'history/promotions.csv'], ['import', 'history/personnel-2025.csv'],
    ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv'], ['import', 'history/riwayat-golongan.csv'],
  ]) {
    expect(runAsn(args, { cwd: dir }).code).toBe(0);
  }
  file = join(dir, 'asn.db');
});

describe('compactStateAt', () => {
  it('gives everyone the record at D that stateAt gives, at dates before, between and after the changes', () => {
    const db = openDatabase(file, 'read');
    try {
      const people = [...scanEmployees(db, { units: [], withPost: false, withInstansi: true })].map((t) => employeeFromTuple(t, null));
      expect(people.length).toBe(15);
      for (const date of ['2015-06-30', '2024-06-30', '2024-07-01', '2024-12-31', '2025-03-03', '2025-08-31', '2025-12-31', '2026-06-30']) {
        const full = stateAt(db, date);
        const compact = compactStateAt(db, date);
        for (const e of people) expect([date, compact.employeeAt(e)]).toEqual([date, full.employeeAt(e)]);
        // Only people the full state reads can differ; someone promoted after D whose row holds at D is not read.
        for (const nip of compact.changed) expect(full.changed.has(nip)).toBe(true);
      }
      // Bambang (one snapshot, promoted 2024-07-01 before it) differs before his snapshot only.
      expect(compactStateAt(db, '2024-06-30').changed.has('197402111999031001')).toBe(true);
      expect(compactStateAt(db, '2026-06-30').changed.has('197402111999031001')).toBe(false);
    } finally {
      db.close();
    }
  });

  it('finds who may differ through the history_changes index and the promoted people by NIP', () => {
    const db = new Database(file, { readonly: true });
    try {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${CHANGED_AT_SQL}`).all({ date: '2025-01-01' }) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
      expect(plan).toContain('history_changes_last');
      // The promotions are read from their key index and each promoted person's row by its NIP: never a scan of employees.
      expect(plan).toContain('SEARCH e USING INDEX sqlite_autoindex_employees_1');
      expect(plan).not.toMatch(/SCAN e\b/);
    } finally {
      db.close();
    }
  });
});
