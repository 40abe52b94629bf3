/**
 * The import's write statements (src/db/queries/rows.ts): a row whose key the last `get` found
 * absent is written with a plain INSERT (issue 17), any other with the upsert; either way the
 * stored row is the one given, with its provenance.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { employeeExistsStatement, tableStatements, type AppraisalRow, type EmployeeRow } from '../../src/db/queries/rows.js';

let db: Db;

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-db-')), 'asn.db'), 'write');
  db.prepare(`INSERT INTO imports VALUES (1, 'a.csv', 'abc', 'personnel', '2026-01-15', 0, 0, 0, 0, 0, 0, 0)`).run();
  db.prepare(`INSERT INTO imports VALUES (2, 'b.csv', 'def', 'personnel', '2026-01-16', 0, 0, 0, 0, 0, 0, 0)`).run();
});
afterEach(() => db.close());

const YOGA = '199201152019031006';
const SITI = '198701192010012009';

function employee(nip: string, nama: string, unit: string): EmployeeRow {
  return {
    nip, nip_lama: null, nama, gelar_depan: null, gelar_belakang: 'S.Kom.', tgl_lahir: '1992-01-15',
    jenis_kelamin: 'L', jenis_pegawai: 'PNS', golongan: 'III/a', golongan_code: 31, tmt_golongan: '2019-03-01',
    tmt_cpns: '2019-03-01', jenis_jabatan: null, jabatan: 'Pranata Komputer Ahli Pertama', eselon: null, level: 4,
    tmt_jabatan: null, pendidikan: 'S-1', tahun_lulus: 2014, unit, instansi: 'Pemerintah Kabupaten Sukamaju',
  };
}

const stored = (nip: string): Record<string, unknown> | undefined =>
  db.prepare('SELECT nama, unit, import_id, source_line FROM employees WHERE nip = ?').get(nip) as Record<string, unknown> | undefined;

describe('tableStatements', () => {
  it('gives one set of statements per connection and table', () => {
    expect(tableStatements(db, 'employees')).toBe(tableStatements(db, 'employees'));
    expect(tableStatements(db, 'employees')).not.toBe(tableStatements(db, 'appraisals'));
  });

  it('inserts a row the last get found absent, and updates it on the next import', () => {
    const employees = tableStatements<EmployeeRow>(db, 'employees');
    expect(employees.get([YOGA])).toBeUndefined();
    employees.upsert(employee(YOGA, 'Yoga Pratama', 'Dinas Kominfo'), 1, 2);
    expect(stored(YOGA)).toEqual({ nama: 'Yoga Pratama', unit: 'Dinas Kominfo', import_id: 1, source_line: 2 });

    expect(employees.get([YOGA])).toMatchObject({ nama: 'Yoga Pratama', import_id: 1, source_line: 2 });
    employees.upsert(employee(YOGA, 'Yoga Pratama', 'Bappeda'), 2, 7);
    expect(stored(YOGA)).toEqual({ nama: 'Yoga Pratama', unit: 'Bappeda', import_id: 2, source_line: 7 });
  });

  it('upserts a stored row even when the last get missed another key', () => {
    const employees = tableStatements<EmployeeRow>(db, 'employees');
    employees.get([SITI]);
    employees.upsert(employee(SITI, 'Siti Rahayu', 'Dinas Kesehatan'), 1, 2);
    expect(employees.get([YOGA])).toBeUndefined();
    employees.upsert(employee(SITI, 'Siti Rahayu', 'RSUD Sukamaju'), 2, 3);
    expect(stored(SITI)).toEqual({ nama: 'Siti Rahayu', unit: 'RSUD Sukamaju', import_id: 2, source_line: 3 });
    expect(stored(YOGA)).toBeUndefined();
  });

  it('upserts when no get came first, or after the row it missed was written', () => {
    const employees = tableStatements<EmployeeRow>(db, 'employees');
    employees.upsert(employee(YOGA, 'Yoga Pratama', 'Dinas Kominfo'), 1, 2);
    employees.upsert(employee(YOGA, 'Yoga P.', 'Bappeda'), 1, 9);
    expect(stored(YOGA)).toEqual({ nama: 'Yoga P.', unit: 'Bappeda', import_id: 1, source_line: 9 });
  });

  it('matches a two-column key (nip, tahun) column by column', () => {
    const appraisals = tableStatements<AppraisalRow>(db, 'appraisals');
    tableStatements<EmployeeRow>(db, 'employees').upsert(employee(YOGA, 'Yoga Pratama', 'Dinas Kominfo'), 1, 2);
    const row = (tahun: number, predikat: string): AppraisalRow => ({
      nip: YOGA, tahun, predikat, predikat_source: 'predikat', rating_hasil: null, rating_perilaku: null, predikat_input: predikat,
      nilai_skp: null, jpm: 82.5, potensi: null, potensi_score: null, jp: 20, hukuman_disiplin: 'none',
    });
    expect(appraisals.get([YOGA, 2024])).toBeUndefined();
    appraisals.upsert(row(2024, 'B'), 1, 2);
    expect(appraisals.get([YOGA, 2025])).toBeUndefined();
    appraisals.upsert(row(2024, 'SB'), 1, 3); // the miss was 2025: this is an update of 2024
    appraisals.upsert(row(2025, 'B'), 1, 4);
    const all = db.prepare('SELECT tahun, predikat, source_line FROM appraisals ORDER BY tahun').all();
    expect(all).toEqual([{ tahun: 2024, predikat: 'SB', source_line: 3 }, { tahun: 2025, predikat: 'B', source_line: 4 }]);
  });
});

describe('employeeExistsStatement', () => {
  it('answers for each NIP in turn, the same NIP twice in a row too', () => {
    tableStatements<EmployeeRow>(db, 'employees').upsert(employee(YOGA, 'Yoga Pratama', 'Dinas Kominfo'), 1, 2);
    const exists = employeeExistsStatement(db);
    expect([YOGA, YOGA, SITI, SITI, YOGA, SITI].map(exists)).toEqual([true, true, false, false, true, false]);
  });

  it('finds an employee stored after a NIP was not found', () => {
    const exists = employeeExistsStatement(db);
    expect(exists(SITI)).toBe(false);
    tableStatements<EmployeeRow>(db, 'employees').upsert(employee(SITI, 'Siti Rahayu', 'Dinas Kesehatan'), 1, 2);
    expect(exists(SITI)).toBe(true);
  });
});
