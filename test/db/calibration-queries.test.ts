/**
 * What `asn calibrate` reads (SPEC §10): counts grouped in SQL, from the employees or from a
 * temporary population table (the swap point for "in service at T", SPEC §9); the appraiser
 * count streams in nip_penilai order through the (nip_penilai, tahun) index of migration 0004.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import {
  appraiserSql, appraiserTuples, countPredikatGroups, distributionTuples, fillPopulationInService, fillPopulationTable,
  groupedAppraiserTuples, groupedDistributionTuples, predikatYears,
} from '../../src/db/queries/calibration.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-cal-')), 'asn.db'), 'write');
  db.prepare(`INSERT INTO imports VALUES (1, 'x.csv', 'abc', 'personnel', '2026-01-15', 0, 0, 0, 0, 0, 0, 0)`).run();
  const emp = db.prepare('INSERT INTO employees (nip, nama, unit, instansi, import_id, source_line) VALUES (?, ?, ?, ?, 1, 1)');
  const ap = db.prepare('INSERT INTO appraisals (nip, tahun, predikat, nip_penilai, import_id, source_line) VALUES (?, ?, ?, ?, 1, 1)');
  const people: Array<[string, string, string | null, string | null, string | null]> = [
    ['e1', 'Dinas A', 'SB', 'p2', null], ['e2', 'Dinas A', 'B', 'p2', null], ['e3', 'Dinas A', 'B', 'p1', null],
    ['e4', 'Dinas B', 'B', 'p1', null], ['e5', 'Dinas B', null, 'p1', null], ['e6', 'Dinas B', 'BP', null, null],
  ];
  for (const [nip, unit, predikat, penilai] of people) {
    emp.run(nip, nip, unit, 'Pemkot');
    ap.run(nip, 2025, predikat, penilai);
  }
  ap.run('e1', 2023, null, null);
});
afterEach(() => db.close());

describe('calibration queries', () => {
  it('count the predikat of a year by unit and instansi, leaving out appraisals without predikat', () => {
    const rows = distributionTuples(db, 2025, 'employees').sort();
    expect(rows).toEqual([['Dinas A', 'Pemkot', 'B', 2], ['Dinas A', 'Pemkot', 'SB', 1], ['Dinas B', 'Pemkot', 'B', 1], ['Dinas B', 'Pemkot', 'BP', 1]]);
    expect(predikatYears(db)).toEqual([2025]);
  });

  it('stream the appraiser counts in nip_penilai order', () => {
    expect([...appraiserTuples(db, 2025, 'employees')]).toEqual([
      ['p1', 'Dinas A', 'Pemkot', 'B', 1], ['p1', 'Dinas B', 'Pemkot', 'B', 1], ['p2', 'Dinas A', 'Pemkot', 'B', 1], ['p2', 'Dinas A', 'Pemkot', 'SB', 1],
    ]);
  });

  it('read a temporary population instead (who is in service at T, and their unit then)', () => {
    const source = fillPopulationTable(db, [['e1', 'Dinas B', 'Pemkot'], ['e4', 'Dinas B', 'Pemkot']]);
    expect(distributionTuples(db, 2025, source).sort()).toEqual([['Dinas B', 'Pemkot', 'B', 1], ['Dinas B', 'Pemkot', 'SB', 1]]);
  });

  it('fill the population of people in service at T in SQL, replacing only those who differ at T', () => {
    db.prepare("UPDATE employees SET tmt_cpns = '2026-03-01' WHERE nip = 'e6'").run(); // appointed after T
    db.prepare("UPDATE employees SET tmt_cpns = '2010-03-01' WHERE nip IN ('e2', 'e4')").run();
    // e1 was in Dinas B at T; e3 had left at T.
    const source = fillPopulationInService(db, '2025-12-31', [['e1', { unit: 'Dinas B', instansi: 'Pemkot' }], ['e3', null]]);
    expect(distributionTuples(db, 2025, source).sort()).toEqual([['Dinas A', 'Pemkot', 'B', 1], ['Dinas B', 'Pemkot', 'B', 1], ['Dinas B', 'Pemkot', 'SB', 1]]);
    expect([...appraiserTuples(db, 2025, source)]).toEqual([['p1', 'Dinas B', 'Pemkot', 'B', 1], ['p2', 'Dinas A', 'Pemkot', 'B', 1], ['p2', 'Dinas B', 'Pemkot', 'SB', 1]]);
  });

  it('count both tables in one scan with the same tuples, in the same order, as the two queries', () => {
    const source = fillPopulationInService(db, '2025-12-31', [['e1', { unit: 'Dinas B', instansi: 'Pemkot' }], ['e3', null]]);
    for (const population of ['employees', source] as const) {
      countPredikatGroups(db, 2025, population);
      const distribution = groupedDistributionTuples(db);
      expect(distribution.length).toBeGreaterThan(0);
      expect(distribution).toEqual(distributionTuples(db, 2025, population));
      expect([...groupedAppraiserTuples(db)]).toEqual([...appraiserTuples(db, 2025, population)]);
    }
  });

  it('use the (nip_penilai, tahun) index for the appraiser count', () => {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${appraiserSql('employees')}`).all(2025) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toContain('appraisals_penilai');
  });
});

describe('migration 0004-appraisers', () => {
  it('adds nip_penilai and nama_penilai to a version-2 database, keeping its appraisals', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { MIGRATIONS } = await import('../../src/db/migrate.js');
    const { APPLICATION_ID } = await import('../../src/db/open.js');
    const file = join(mkdtempSync(join(tmpdir(), 'asn-cal-mig-')), 'old.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) old.exec(m.sql);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 2');
    old.prepare(`INSERT INTO imports VALUES (1, 'x.csv', 'abc', 'appraisals', '2026-01-15', 0, 0, 0, 0, 0, 0, 0)`).run();
    old.prepare("INSERT INTO appraisals (nip, tahun, predikat, import_id, source_line) VALUES ('198504182010011001', 2025, 'B', 1, 2)").run();
    old.close();
    const migrated = openDatabase(file, 'write');
    expect(migrated.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(migrated.prepare('SELECT predikat, nip_penilai, nama_penilai FROM appraisals').all()).toEqual([{ predikat: 'B', nip_penilai: null, nama_penilai: null }]);
    migrated.close();
  });
});
