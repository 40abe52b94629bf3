/**
 * The shared state at D (src/app/history/state.ts, SPEC §9) on fixtures/history: who is in
 * service at D and in which state, and that only the people who differ at D are read in full
 * (one indexed range read of history_changes).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { peopleAt, stateAt } from '../../src/app/history/state.js';
import { changedAfterSql } from '../../src/db/queries/history.js';
import { openDatabase } from '../../src/db/open.js';
import { runAsn, tempDir } from '../cli/helpers.js';

let file: string;
beforeAll(() => {
  const dir = tempDir('history');
  for (const args of [['import', 'history/personnel-2024.csv'], ['import', 'history/personnel-2025.csv'], ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']]) {
    expect(runAsn(args, { cwd: dir }).code).toBe(0);
  }
  file = join(dir, 'asn.db');
});

describe('peopleAt (the state of everyone at D)', () => {
  it('gives the people in service at D with their unit at D', () => {
    const db = openDatabase(file, 'read');
    try {
      const at2024 = [...peopleAt(db, '2024-12-31')];
      expect(at2024).toHaveLength(12); // the three CPNS of 2025 are not in service yet
      expect(at2024.find((p) => p.employee.nip === '198605202010032002')?.employee.unit).toBe('Dinas Kesehatan');
      const at2026 = [...peopleAt(db, '2026-01-01')];
      expect(at2026).toHaveLength(13); // the retiree and the Pensiun have left
      expect(at2026.find((p) => p.employee.nip === '198605202010032002')?.employee.unit).toBe('Dinas Pendidikan');
      const disdik = [...peopleAt(db, '2024-12-31', { unit: 'DINAS PENDIDIKAN' })].map((p) => p.employee.nip);
      expect(disdik).toHaveLength(6);
      expect(disdik).not.toContain('198605202010032002');
      // A scope by instansi keeps the people whose data never changed (their stored instansi).
      // fixtures/history is one instansi: everyone in service at D is in its scope.
      const instansi = at2024.find((p) => p.employee.instansi !== null)!.employee.instansi!;
      const inInstansi = [...peopleAt(db, '2024-12-31', { instansi })];
      expect(inInstansi.map((p) => p.employee.nip).sort()).toEqual(at2024.map((p) => p.employee.nip).sort());
      expect([...peopleAt(db, '2024-12-31', { instansi: 'Pemerintah Kota Lain' })]).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('reads in full only the people who differ at D', () => {
    const db = openDatabase(file, 'read');
    try {
      // After every change only the leavers differ (their status); before, the movers too.
      expect([...stateAt(db, '2026-01-01').changed.keys()].sort()).toEqual(['196611101992031006', '196612011990032004']);
      expect([...stateAt(db, '2024-12-31').changed.keys()].sort()).toEqual(['196611101992031006', '196612011990032004', '198605202010032002', '199007142015031005']);
    } finally {
      db.close();
    }
  });

  it('finds them through the history_changes index', () => {
    const db = new Database(file, { readonly: true });
    try {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${changedAfterSql()}`).all('2025-01-01', '2025-01-01') as Array<{ detail: string }>).map((r) => r.detail).join('\n');
      expect(plan).toContain('history_changes_last');
      // Promotions after D (SPEC §9: entries of the post timeline) by their date index.
      expect(plan).toContain('promotions_tmt');
    } finally {
      db.close();
    }
  });
});
