/**
 * What the evaluation reports read besides the merit inputs (SPEC §6): counts grouped by unit
 * (headcount, predikat, latest JPM, JP, hukuman disiplin, missing fields), the last imports,
 * the DUK list and one employee's record. Counting happens in SQL; the rules that classify a
 * value (JPM category, training target) live in src/domain/report-figures.ts, so queries group
 * by the raw value and the few distinct values come back. Values are always parameters.
 */
import type { Db } from '../open.js';
import type { ImportLogRow } from './imports.js';

export interface HeadcountRow {
  jenis_pegawai: string | null;
  golongan_code: number | null;
  level: number | null;
  employees: number;
}

/** Current personnel counted by jenis pegawai, golongan and level (a few dozen rows, however many employees). */
export function headcountRows(db: Db): HeadcountRow[] {
  return db
    .prepare(
      `SELECT jenis_pegawai, golongan_code, level, count(*) AS employees
       FROM employees GROUP BY jenis_pegawai, golongan_code, level`,
    )
    .all() as HeadcountRow[];
}

export interface UnitJenisRow {
  unit: string | null;
  jenis_pegawai: string | null;
  employees: number;
}

/**
 * Current personnel counted by unit and jenis pegawai. Kept apart from the golongan and level
 * counts: grouped by all four, a national database gives 1.5 million rows to hold.
 */
export function unitJenisCounts(db: Db): UnitJenisRow[] {
  return db
    .prepare('SELECT unit, jenis_pegawai, count(*) AS employees FROM employees GROUP BY unit, jenis_pegawai')
    .all() as UnitJenisRow[];
}

export interface MissingFieldRow {
  unit: string | null;
  employees: number;
  no_level: number;
  no_pendidikan: number;
  no_golongan: number;
  no_tmt_cpns: number;
  no_jenis_pegawai: number;
}

/** Employees whose record lacks a field the merit or the DUK order needs, counted by unit. */
export function missingFieldCounts(db: Db): MissingFieldRow[] {
  return db
    .prepare(
      `SELECT unit, count(*) AS employees,
              sum(level IS NULL) AS no_level, sum(pendidikan IS NULL) AS no_pendidikan,
              sum(golongan_code IS NULL) AS no_golongan, sum(tmt_cpns IS NULL) AS no_tmt_cpns,
              sum(jenis_pegawai IS NULL) AS no_jenis_pegawai
       FROM employees GROUP BY unit`,
    )
    .all() as MissingFieldRow[];
}

/** Appraisals of year Y that carry no predikat (kept for their JPM or JP, SPEC §1.4). */
export function appraisalsWithoutPredikat(db: Db, year: number): number {
  return db.prepare('SELECT count(*) FROM appraisals WHERE tahun = ? AND predikat IS NULL').pluck().get(year) as number;
}

/** A row of the import log as the data-quality table shows it. */
export type LastImportRow = Omit<ImportLogRow, 'sha256' | 'duplicates'>;

/** The latest import of each file name, most recent first (the state the data is in now). */
export function lastImportPerFile(db: Db, limit: number): LastImportRow[] {
  return db
    .prepare(
      `SELECT id, file_name, kind, imported_at, rows_read, inserted, updated, unchanged, rejected, skipped
       FROM imports i WHERE i.id = (SELECT max(j.id) FROM imports j WHERE j.file_name = i.file_name)
       ORDER BY i.id DESC LIMIT ?`,
    )
    .all(limit) as LastImportRow[];
}

/** Which tables hold rows: what is there to report on (EXISTS stops at the first row; count(*) reads millions). */
export function reportDataPresent(db: Db): { employees: boolean; appraisals: boolean; promotions: boolean } {
  const any = (table: 'employees' | 'appraisals' | 'promotions') => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  return { employees: any('employees'), appraisals: any('appraisals'), promotions: any('promotions') };
}

/** One stored employee, every column of SPEC §8 the report shows. */
export interface EmployeeRecordRow {
  nip: string;
  nip_lama: string | null;
  nama: string;
  gelar_depan: string | null;
  gelar_belakang: string | null;
  tgl_lahir: string | null;
  jenis_kelamin: string | null;
  jenis_pegawai: string | null;
  golongan_code: number | null;
  tmt_golongan: string | null;
  tmt_cpns: string | null;
  jenis_jabatan: string | null;
  jabatan: string | null;
  eselon: string | null;
  level: number | null;
  tmt_jabatan: string | null;
  pendidikan: string | null;
  tahun_lulus: number | null;
  unit: string | null;
  instansi: string | null;
}

const RECORD_COLUMNS =
  'nip, nip_lama, nama, gelar_depan, gelar_belakang, tgl_lahir, jenis_kelamin, jenis_pegawai, golongan_code, ' +
  'tmt_golongan, tmt_cpns, jenis_jabatan, jabatan, eselon, level, tmt_jabatan, pendidikan, tahun_lulus, unit, instansi';

export function employeeRecord(db: Db, nip: string): EmployeeRecordRow | undefined {
  return db.prepare(`SELECT ${RECORD_COLUMNS} FROM employees WHERE nip = ?`).get(nip) as EmployeeRecordRow | undefined;
}

type EmployeeRecordTuple = [
  string, string | null, string, string | null, string | null, string | null, string | null, string | null, number | null,
  string | null, string | null, string | null, string | null, string | null, number | null, string | null, string | null, number | null,
  string | null, string | null,
];

/**
 * Every employee's record for the DUK list (SPEC §2) and the cards of `--all`, in nip order; the
 * caller sorts by DUK. Read as arrays and made into records here: at 10,000 cards better-sqlite3's
 * own row objects cost twice as much.
 */
export function* iterateEmployeeRecords(db: Db): Generator<EmployeeRecordRow> {
  const rows = db.prepare(`SELECT ${RECORD_COLUMNS} FROM employees ORDER BY nip`).raw().iterate() as IterableIterator<EmployeeRecordTuple>;
  for (const r of rows) {
    yield {
      nip: r[0], nip_lama: r[1], nama: r[2], gelar_depan: r[3], gelar_belakang: r[4], tgl_lahir: r[5], jenis_kelamin: r[6],
      jenis_pegawai: r[7], golongan_code: r[8], tmt_golongan: r[9], tmt_cpns: r[10], jenis_jabatan: r[11], jabatan: r[12],
      eselon: r[13], level: r[14], tmt_jabatan: r[15], pendidikan: r[16], tahun_lulus: r[17], unit: r[18], instansi: r[19],
    };
  }
}

export interface PromotionRow {
  tmt: string;
  jabatan_asal: string | null;
  eselon_asal: string | null;
  level_asal: number | null;
  jabatan_baru: string;
  eselon_baru: string | null;
  level_baru: number | null;
  unit: string | null;
}

/** One employee's promotions, oldest first. */
export function promotionsOf(db: Db, nip: string): PromotionRow[] {
  return db
    .prepare(
      `SELECT tmt, jabatan_asal, eselon_asal, level_asal, jabatan_baru, eselon_baru, level_baru, unit
       FROM promotions WHERE nip = ? ORDER BY tmt`,
    )
    .all(nip) as PromotionRow[];
}

/** nama of each given NIP that exists (for the audit pools), in batches below SQLite's parameter limit. */
export function employeeNames(db: Db, nips: Iterable<string>): Map<string, string> {
  const all = [...new Set(nips)];
  const names = new Map<string, string>();
  const batch = 500;
  for (let i = 0; i < all.length; i += batch) {
    const part = all.slice(i, i + batch);
    const rows = db
      .prepare(`SELECT nip, nama FROM employees WHERE nip IN (${part.map(() => '?').join(', ')})`)
      .all(...part) as Array<{ nip: string; nama: string }>;
    for (const row of rows) names.set(row.nip, row.nama);
  }
  return names;
}
