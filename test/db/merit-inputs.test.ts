/**
 * The ranking's read path (src/db/queries/merit-inputs.ts): the merge of employees and their
 * appraisals per employee, the year cut, the unit filter, and a query plan without a sort (STYLE: EXPLAIN
 * QUERY PLAN asserted in tests), so millions of employees stream in nip order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import {
  appraisalCodeSql, appraisalYearsPresent, dataPresent, iterateMeritInputs, latestAppraisalYear, meritInputSql, scanAppraisalCodes,
  unitOfEmployee, unitsMatching, yearHasAppraisals,
} from '../../src/db/queries/merit-inputs.js';
import { APPRAISAL_CODES } from '../../src/app/population/appraisal-fold.js';

const BKPSDM = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
const DINKES = 'Dinas Kesehatan';

let db: Db;

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-db-')), 'asn.db'), 'write');
});
afterEach(() => db.close());

function seed(): void {
  db.prepare(`INSERT INTO imports VALUES (1, 'x.csv', 'abc', 'personnel', '2026-01-15', 0, 0, 0, 0, 0, 0, 0)`).run();
  const emp = db.prepare(`INSERT INTO employees (nip, nama, jenis_pegawai, level, unit, eselon, jabatan, import_id, source_line)
    VALUES (?, ?, 'PNS', ?, ?, ?, ?, 1, 2)`);
  emp.run('199201152019031006', 'Yoga Pratama', 4, BKPSDM, null, 'Analis SDM Aparatur Ahli Pertama');
  emp.run('198504182010011001', 'Hendra Gunawan', 5, BKPSDM, null, 'Analis SDM Aparatur Ahli Muda');
  emp.run('198701192010012009', 'Siti Rahayu', 5, DINKES, 'IV.a', 'Kepala Subbagian Umum dan Kepegawaian');
  const ap = db.prepare(`INSERT INTO appraisals (nip, tahun, predikat, predikat_source, jpm, jp, hukuman_disiplin, import_id, source_line)
    VALUES (?, ?, ?, 'predikat', ?, ?, 'none', 1, 2)`);
  ap.run('198504182010011001', 2025, 'B', 85, 32);
  ap.run('198504182010011001', 2023, 'B', null, 30);
  ap.run('198504182010011001', 2026, 'SB', null, 10);
  ap.run('198701192010012009', 2024, 'B', null, 20);
}

describe('iterateMeritInputs', () => {
  it('yields each employee once in nip order, with appraisals ≤ Y oldest first; no appraisal → empty list', () => {
    seed();
    const got = [...iterateMeritInputs(db, { maxYear: 2025, units: [], withPost: false })];
    expect(got.map((g) => g.employee[0])).toEqual(['198504182010011001', '198701192010012009', '199201152019031006']);
    expect(got[0]!.appraisals.map((a) => a[0])).toEqual([2023, 2025]);
    expect(got[0]!.appraisals[1]).toEqual([2025, 'B', 'predikat', 85, null, null, 32, 'none']);
    expect(got[2]!.appraisals).toEqual([]);
    // Post columns only when the level must be derived again.
    expect(got[1]!.employee.slice(12)).toEqual([null, null, null]);
  });

  it('reads eselon, jabatan and jenis jabatan with withPost, and filters by stored unit', () => {
    seed();
    const got = [...iterateMeritInputs(db, { maxYear: 2025, units: [DINKES], withPost: true })];
    expect(got).toHaveLength(1);
    expect(got[0]!.employee.slice(12)).toEqual(['IV.a', 'Kepala Subbagian Umum dan Kepegawaian', null]);
  });

  it.each([[[] as string[]], [[DINKES]], [[BKPSDM, DINKES]]])('reads by index (units %j)', (units) => {
    const sql = meritInputSql({ units, withPost: false });
    const planOf = (text: string, args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as Array<{ detail: string }>).map((p) => p.detail).join('\n');
    const employees = planOf(sql.employees, units);
    const appraisals = planOf(sql.appraisals, units.length === 0 ? [2025] : [...units, 2025]);
    if (units.length === 0) {
      // Everyone: both tables read in primary-key order, no sorter at all.
      expect(employees).toMatch(/SCAN e USING INDEX sqlite_autoindex_employees_1/);
      expect(employees).not.toMatch(/TEMP B-TREE/);
      expect(appraisals).toMatch(/SCAN a USING INDEX sqlite_autoindex_appraisals_1/);
      expect(appraisals).not.toMatch(/TEMP B-TREE/);
    } else {
      // A unit: its index, then a sort of that unit's rows only.
      expect(employees).toMatch(/SEARCH e USING INDEX employees_unit/);
      expect(appraisals).toMatch(/employees_unit/);
    }
  });
});

describe('scanAppraisalCodes', () => {
  it('gives the NIP, then numbers only: codes 1 + position in the list, 0 for null or an unknown value', () => {
    seed();
    // A hand-edited database: a NIP that is not 18 digits, values outside the code lists.
    db.prepare(`INSERT INTO employees (nip, nama, import_id, source_line) VALUES ('12345', 'Tes', 1, 3)`).run();
    db.prepare(`INSERT INTO appraisals (nip, tahun, predikat, predikat_source, potensi, potensi_score, jp, hukuman_disiplin, import_id, source_line)
      VALUES ('12345', 2025, 'A+', 'manual', 'TINGGI', 81.5, 12, 'berat', 1, 4)`).run();
    db.prepare(`UPDATE appraisals SET potensi = 'sangat tinggi', hukuman_disiplin = NULL WHERE nip = '198701192010012009'`).run();
    const rows = [...scanAppraisalCodes(db, { units: [], maxYear: 2025 }, APPRAISAL_CODES)];
    expect(rows).toEqual([
      ['198504182010011001', 2025, 2, 2, 85, 0, null, 32, 1],
      ['198504182010011001', 2023, 2, 2, null, 0, null, 30, 1],
      ['198701192010012009', 2024, 2, 2, null, 0, null, 20, 0],
      ['12345', 2025, 0, 0, null, 3, 81.5, 12, 4],
    ]);
  });

  it('refuses a code word that is not a plain word (they are written into the SQL)', () => {
    expect(() => appraisalCodeSql({ units: [], maxYear: 2025 }, { ...APPRAISAL_CODES, hukuman: ["x' OR 1=1 --"] })).toThrow(/not a code word/);
  });

  it.each([[[] as string[]], [[DINKES]]])('reads the table in storage order, or by the unit index (units %j)', (units) => {
    const { sql, args } = appraisalCodeSql({ units, maxYear: 2025 }, APPRAISAL_CODES);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((p) => p.detail).join('\n');
    if (units.length === 0) expect(plan).toBe('SCAN a');
    else expect(plan).toMatch(/employees_unit/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

describe('look-ups for the rank command', () => {
  it('says what is present', () => {
    expect(dataPresent(db)).toEqual({ employees: false, appraisals: false });
    expect(latestAppraisalYear(db)).toBeNull();
    seed();
    expect(dataPresent(db)).toEqual({ employees: true, appraisals: true });
    expect(latestAppraisalYear(db)).toBe(2026);
    expect(appraisalYearsPresent(db)).toEqual([2023, 2024, 2025, 2026]);
    expect([yearHasAppraisals(db, 2024), yearHasAppraisals(db, 2022)]).toEqual([true, false]);
    expect(unitsMatching(db, 'dinas KESEHATAN')).toEqual([DINKES]);
    expect(unitsMatching(db, 'Dinas')).toEqual([]);
    expect(unitOfEmployee(db, '198504182010011001')).toBe(BKPSDM);
    expect(unitOfEmployee(db, '198504182010011009')).toBeUndefined();
  });
});
