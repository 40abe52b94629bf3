/**
 * Row shapes of the three data tables, as stored (snake_case, SPEC §8), and the statements
 * that read and upsert them. Identifiers come from these fixed lists only; values are always
 * bound parameters.
 */
import type { Db } from '../open.js';

export const EMPLOYEE_COLUMNS = [
  'nip', 'nip_lama', 'nama', 'gelar_depan', 'gelar_belakang', 'tgl_lahir', 'jenis_kelamin',
  'jenis_pegawai', 'golongan', 'golongan_code', 'tmt_golongan', 'tmt_cpns', 'jenis_jabatan',
  'jabatan', 'eselon', 'level', 'tmt_jabatan', 'pendidikan', 'tahun_lulus', 'unit', 'instansi',
  // SPEC §1.2, §9 (schema 0003-history)
  'unor_id', 'kedudukan_hukum',
] as const;
export const APPRAISAL_COLUMNS = [
  'nip', 'tahun', 'predikat', 'predikat_source', 'rating_hasil', 'rating_perilaku', 'predikat_input',
  'nilai_skp', 'jpm', 'potensi', 'potensi_score', 'jp', 'hukuman_disiplin',
] as const;
export const PROMOTION_COLUMNS = [
  'nip', 'tmt', 'jabatan_baru', 'eselon_baru', 'level_baru', 'jabatan_asal', 'eselon_asal',
  'level_asal', 'unit',
] as const;

export type Value = string | number | null;
export type EmployeeRow = Record<(typeof EMPLOYEE_COLUMNS)[number], Value>;
export type AppraisalRow = Record<(typeof APPRAISAL_COLUMNS)[number], Value>;
export type PromotionRow = Record<(typeof PROMOTION_COLUMNS)[number], Value>;

export type TableName = 'employees' | 'appraisals' | 'promotions';

const TABLES = {
  employees: { columns: EMPLOYEE_COLUMNS, key: ['nip'] },
  appraisals: { columns: APPRAISAL_COLUMNS, key: ['nip', 'tahun'] },
  promotions: { columns: PROMOTION_COLUMNS, key: ['nip', 'tmt'] },
} as const;

/** Which import last changed a stored row, and from which line (SPEC §1.6). */
export interface Provenance {
  import_id: number;
  source_line: number;
}

/** Prepared statements for one table: read by key, and upsert with provenance. */
export interface TableStatements<Row> {
  get(key: Value[]): (Row & Provenance) | undefined;
  upsert(row: Row, importId: number, line: number): void;
}

export function tableStatements<Row extends Record<string, Value>>(db: Db, table: TableName): TableStatements<Row> {
  const { columns, key } = TABLES[table];
  const where = key.map((k) => `${k} = ?`).join(' AND ');
  const get = db.prepare(`SELECT ${columns.join(', ')}, import_id, source_line FROM ${table} WHERE ${where}`);
  const all = [...columns, 'import_id', 'source_line'];
  const updates = all.filter((c) => !(key as readonly string[]).includes(c)).map((c) => `${c} = excluded.${c}`);
  const upsert = db.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
  );
  return {
    get: (k) => get.get(...k) as (Row & Provenance) | undefined,
    upsert: (row, importId, line) => {
      upsert.run(...columns.map((c) => row[c] ?? null), importId, line);
    },
  };
}

/** Whether an employee with this NIP is stored (appraisals and promotions need one). */
export function employeeExistsStatement(db: Db): (nip: string) => boolean {
  const stmt = db.prepare('SELECT 1 FROM employees WHERE nip = ?').pluck();
  return (nip) => stmt.get(nip) !== undefined;
}
