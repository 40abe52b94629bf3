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
  // calibration (SPEC §10, migration 0004): who appraised.
  'nip_penilai', 'nama_penilai',
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

/** One set of statements per connection and table, so `get` and `upsert` share what `get` saw. */
const statementsOf = new WeakMap<Db, Map<TableName, TableStatements<Record<string, Value>>>>();

/**
 * The statements of `table` on `db` (prepared once per connection). `upsert` of a row whose key
 * the last `get` found absent, with no upsert in between, is a plain INSERT: the import reads each
 * row's stored version just before writing it, and for a new row an INSERT costs SQLite about a
 * third less than the `ON CONFLICT … DO UPDATE` form (measured on the bench's 100,000 employees:
 * the upsert's conflict and foreign-key handling). The result is the same row either way; were
 * the key written by some other path in between, the INSERT would fail loudly, never overwrite.
 */
export function tableStatements<Row extends Record<string, Value>>(db: Db, table: TableName): TableStatements<Row> {
  let perDb = statementsOf.get(db);
  if (perDb === undefined) statementsOf.set(db, (perDb = new Map()));
  let statements = perDb.get(table);
  if (statements === undefined) perDb.set(table, (statements = prepareTable(db, table)));
  return statements as unknown as TableStatements<Row>;
}

function prepareTable(db: Db, table: TableName): TableStatements<Record<string, Value>> {
  const { columns, key } = TABLES[table];
  const where = key.map((k) => `${k} = ?`).join(' AND ');
  const get = db.prepare(`SELECT ${columns.join(', ')}, import_id, source_line FROM ${table} WHERE ${where}`);
  const all = [...columns, 'import_id', 'source_line'];
  const updates = all.filter((c) => !(key as readonly string[]).includes(c)).map((c) => `${c} = excluded.${c}`);
  const insertSql = `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
  const insert = db.prepare(insertSql);
  const upsert = db.prepare(`${insertSql}
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`);
  /** The key of the last `get` that found no row, until the next upsert. */
  let absent: Value[] | null = null;
  const isAbsent = (row: Record<string, Value>): boolean => {
    if (absent === null) return false;
    for (let i = 0; i < key.length; i++) if (row[key[i]!] !== absent[i]) return false;
    return true;
  };
  return {
    get: (k) => {
      const found = get.get(...k) as (Record<string, Value> & Provenance) | undefined;
      absent = found === undefined ? k : null;
      return found;
    },
    upsert: (row, importId, line) => {
      const values: Value[] = new Array(columns.length + 2);
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
      values[columns.length] = importId;
      values[columns.length + 1] = line;
      const statement = isAbsent(row) ? insert : upsert;
      absent = null;
      statement.run(...values);
    },
  };
}

/**
 * Whether an employee with this NIP is stored (appraisals and promotions need one). The last NIP
 * found is remembered: an appraisal file lists each employee's years one after the other, and
 * the import of such a file writes no employees, so the next row of the same NIP needs no query.
 */
export function employeeExistsStatement(db: Db): (nip: string) => boolean {
  const stmt = db.prepare('SELECT 1 FROM employees WHERE nip = ?').pluck();
  let lastFound: string | null = null;
  return (nip) => {
    if (nip === lastFound) return true;
    const found = stmt.get(nip) !== undefined;
    lastFound = found ? nip : null;
    return found;
  };
}
