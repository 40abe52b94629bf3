/**
 * What the merit ranking reads (SPEC §2–4): employees with their appraisals up to year Y, as
 * compact tuples in nip order, one employee at a time, so ranking millions of employees never
 * holds the raw rows (STYLE "Stream, don't slurp"). Also the few look-ups `asn rank` needs to
 * refuse bad input with a helpful message. Values are always parameters.
 */
import type { Db } from '../open.js';

/** One employee as stored (SPEC §8 column names), in this order. */
export type EmployeeTuple = [
  nip: string,
  nama: string,
  jenis_pegawai: string | null,
  golongan_code: number | null,
  tmt_golongan: string | null,
  tmt_cpns: string | null,
  level: number | null,
  pendidikan: string | null,
  tahun_lulus: number | null,
  tgl_lahir: string | null,
  unit: string | null,
  instansi: string | null,
  /** eselon, jabatan and jenis_jabatan are read only when the level must be derived again. */
  eselon: string | null,
  jabatan: string | null,
  jenis_jabatan: string | null,
];

/** One appraisal as stored, in this order. */
export type AppraisalTuple = [
  tahun: number,
  predikat: string | null,
  predikat_source: string | null,
  jpm: number | null,
  potensi: string | null,
  potensi_score: number | null,
  jp: number | null,
  hukuman_disiplin: string | null,
];

/** One employee with that employee's appraisals of years ≤ Y, oldest first. */
export interface MeritInput {
  employee: EmployeeTuple;
  appraisals: AppraisalTuple[];
}

export interface MeritInputQuery {
  /** Appraisals of later years are not read: nothing in SPEC §3–4 looks past Y. */
  maxYear: number;
  /** Restrict to these units, as stored (see `unitsMatching`); empty = every employee. */
  units: readonly string[];
  /** Read eselon, jabatan and jenis_jabatan (to derive the level with another level table). */
  withPost: boolean;
  /**
   * With `units`: also the people of `setUnitExtraNips` (whose unit at T may differ from their
   * current one, SPEC §9); the caller selects them by their unit at T.
   */
  extraNips?: boolean;
}

const EMPLOYEE_SELECT = [
  'e.nip', 'e.nama', 'e.jenis_pegawai', 'e.golongan_code', 'e.tmt_golongan', 'e.tmt_cpns', 'e.level',
  'e.pendidikan', 'e.tahun_lulus', 'e.tgl_lahir', 'e.unit', 'e.instansi',
];
const POST_SELECT = ['e.eselon', 'e.jabatan', 'e.jenis_jabatan'];
const APPRAISAL_SELECT = [
  'a.tahun', 'a.predikat', 'a.predikat_source', 'a.jpm', 'a.potensi', 'a.potensi_score', 'a.jp', 'a.hukuman_disiplin',
];

/** `WHERE e.unit IN (…)` for a `--unit` selection, or nothing. */
function unitFilter(units: readonly string[], extraNips = false): string {
  if (units.length === 0) return '';
  const inUnits = `e.unit IN (${units.map(() => '?').join(', ')})`;
  return extraNips ? `WHERE (${inUnits} OR e.nip IN (SELECT nip FROM temp.unit_extra_nips))` : `WHERE ${inUnits}`;
}

/** The NIPs a `--unit` scan reads besides the units' current members (`extraNips`). */
export function setUnitExtraNips(db: Db, nips: Iterable<string>): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS unit_extra_nips (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM unit_extra_nips');
  const add = db.prepare('INSERT OR IGNORE INTO unit_extra_nips (nip) VALUES (?)');
  for (const nip of nips) add.run(nip);
}

/**
 * The two SQL statements of `iterateMeritInputs` (exported for the query-plan test): employees
 * in nip order, and their appraisals in (nip, tahun) order — each read straight off a primary-key
 * index, so SQLite sorts nothing, and merged here. Two ordered scans are cheaper than a join that
 * repeats the employee's columns for each of their appraisals. (With `--unit` SQLite reads the
 * unit index and sorts that unit's rows by nip, cheaper than scanning everyone.)
 */
export function meritInputSql(query: Pick<MeritInputQuery, 'units' | 'withPost'>): { employees: string; appraisals: string } {
  const post = query.withPost ? POST_SELECT : POST_SELECT.map(() => 'NULL');
  const where = unitFilter(query.units);
  return {
    employees: `SELECT ${[...EMPLOYEE_SELECT, ...post].join(', ')} FROM employees e ${where} ORDER BY e.nip`,
    appraisals: query.units.length === 0
      ? `SELECT a.nip, ${APPRAISAL_SELECT.join(', ')} FROM appraisals a WHERE a.tahun <= ? ORDER BY a.nip, a.tahun`
      : `SELECT a.nip, ${APPRAISAL_SELECT.join(', ')} FROM appraisals a JOIN employees e ON e.nip = a.nip
         ${where} AND a.tahun <= ? ORDER BY a.nip, a.tahun`,
  };
}

/** How many employees the population holds (to size the ranking's arrays once). */
export function countPopulation(db: Db, units: readonly string[]): number {
  return db.prepare(`SELECT count(*) FROM employees e ${unitFilter(units)}`).pluck().get(...units) as number;
}

/**
 * Streams employees (nip order) with their appraisals of years ≤ maxYear, oldest first. Both
 * cursors are read with `.raw()` so a row is an array.
 */
export function* iterateMeritInputs(db: Db, query: MeritInputQuery): Generator<MeritInput> {
  const sql = meritInputSql(query);
  const employees = db.prepare(sql.employees).raw(true).iterate(...query.units) as Iterator<unknown[]>;
  const appraisalArgs = query.units.length === 0 ? [query.maxYear] : [...query.units, query.maxYear];
  const appraisals = db.prepare(sql.appraisals).raw(true).iterate(...appraisalArgs) as Iterator<unknown[]>;
  let pending = appraisals.next();
  for (let next = employees.next(); !next.done; next = employees.next()) {
    const employee = next.value as EmployeeTuple;
    const nip = employee[0];
    const own: AppraisalTuple[] = [];
    // Appraisals of NIPs with no employee row cannot exist (import checks), but skip them safely.
    while (!pending.done && (pending.value[0] as string) < nip) pending = appraisals.next();
    while (!pending.done && pending.value[0] === nip) {
      own.push(pending.value.slice(1) as AppraisalTuple);
      pending = appraisals.next();
    }
    yield { employee, appraisals: own };
  }
  appraisals.return?.();
}


/** Whether the database holds any employee and any appraisal. */
export function dataPresent(db: Db): { employees: boolean; appraisals: boolean } {
  const any = (table: 'employees' | 'appraisals') => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  return { employees: any('employees'), appraisals: any('appraisals') };
}

/** The years that have at least one appraisal, ascending (SPEC §2: Y defaults to the latest). */
export function appraisalYearsPresent(db: Db): number[] {
  return db.prepare('SELECT DISTINCT tahun FROM appraisals ORDER BY tahun').pluck().all() as number[];
}

/** The latest tahun in the appraisals, null when there are none. */
export function latestAppraisalYear(db: Db): number | null {
  return (db.prepare('SELECT max(tahun) FROM appraisals').pluck().get() as number | null) ?? null;
}

/** Whether some appraisal has this tahun. */
export function yearHasAppraisals(db: Db, year: number): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM appraisals WHERE tahun = ?)').pluck().get(year) === 1;
}

/** The stored unit names, as written in the database, that match `unit` case-insensitively. */
export function unitsMatching(db: Db, unit: string): string[] {
  return db.prepare('SELECT DISTINCT unit FROM employees WHERE upper(unit) = upper(?) ORDER BY unit').pluck().all(unit) as string[];
}

/** Every stored unit name, for the hint when `--unit` matches none. */
export function unitNames(db: Db): string[] {
  return db.prepare('SELECT DISTINCT unit FROM employees WHERE unit IS NOT NULL ORDER BY unit').pluck().all() as string[];
}

/** The unit of one employee: undefined when no such NIP, null when the unit is unknown. */
export function unitOfEmployee(db: Db, nip: string): string | null | undefined {
  const row = db.prepare('SELECT unit FROM employees WHERE nip = ?').get(nip) as { unit: string | null } | undefined;
  return row === undefined ? undefined : row.unit;
}

/** The raw performance inputs of one employee's appraisals (for `rank --explain`), oldest first. */
export interface AppraisalDetail {
  tahun: number;
  predikat: string | null;
  predikat_source: string | null;
  rating_hasil: string | null;
  rating_perilaku: string | null;
  predikat_input: string | null;
  nilai_skp: number | null;
  jpm: number | null;
  potensi: string | null;
  potensi_score: number | null;
  jp: number | null;
  hukuman_disiplin: string | null;
}

export function appraisalDetails(db: Db, nip: string, maxYear: number): AppraisalDetail[] {
  return db
    .prepare(
      `SELECT tahun, predikat, predikat_source, rating_hasil, rating_perilaku, predikat_input, nilai_skp,
              jpm, potensi, potensi_score, jp, hukuman_disiplin
       FROM appraisals WHERE nip = ? AND tahun <= ? ORDER BY tahun`,
    )
    .all(nip, maxYear) as AppraisalDetail[];
}

/**
 * The fast read path of the ranking: employees in storage (rowid) order, a sequential read of
 * the table however large. Millions of rows read through the nip index instead jump around the
 * file and take several times longer. The merit and the DUK do not read the instansi, so it is
 * read only for `instansiOf` (the employee `rank --explain` shows); everyone else's is null —
 * a string less per employee for the garbage collector.
 */
export function scanEmployees(
  db: Db,
  query: Pick<MeritInputQuery, 'units' | 'withPost' | 'extraNips'> & { instansiOf?: string; withInstansi?: boolean },
): IterableIterator<EmployeeTuple> {
  const post = query.withPost ? POST_SELECT : POST_SELECT.map(() => 'NULL');
  // instansi is read for one NIP only (rank --explain) unless asked for everyone (a scope by instansi).
  const everyInstansi = query.withInstansi === true;
  const select = everyInstansi ? EMPLOYEE_SELECT : EMPLOYEE_SELECT.map((column) => (column === 'e.instansi' ? 'CASE WHEN e.nip = ? THEN e.instansi END' : column));
  const sql = `SELECT ${[...select, ...post].join(', ')} FROM employees e ${unitFilter(query.units, query.extraNips)}`;
  // The statement's own iterator, not a generator around it: one resumption less per row.
  const params = everyInstansi ? query.units : [query.instansiOf ?? null, ...query.units];
  return db.prepare(sql).raw(true).iterate(...params) as IterableIterator<EmployeeTuple>;
}

/**
 * One appraisal row as `scanAppraisalCodes` yields it: the NIP, then numbers only, so reading
 * millions of rows makes one string a row instead of five. Each text column comes as a code:
 * 1 + its position in the list given for it, 0 for null or a value not in the list.
 */
export type AppraisalCodeTuple = [
  nip: string,
  tahun: number,
  predikat: number,
  predikat_source: number,
  jpm: number | null,
  potensi: number,
  potensi_score: number | null,
  jp: number | null,
  hukuman_disiplin: number,
];

/** The code lists of `scanAppraisalCodes`, in the order the fold decodes them. */
export interface AppraisalCodeLists {
  predikat: readonly string[];
  source: readonly string[];
  potensi: readonly string[];
  hukuman: readonly string[];
}

/**
 * `CASE column WHEN 'A' THEN 1 WHEN 'B' THEN 2 … ELSE 0 END`. The values are the program's own
 * code words (checked to be plain words), written as literals: with bound parameters SQLite
 * compares more slowly, and this runs once per appraisal.
 */
export function sqlCodeOf(column: string, list: readonly string[]): string {
  for (const word of list) if (!/^[A-Za-z_-]+$/.test(word)) throw new Error(`not a code word: ${JSON.stringify(word)}`);
  return `CASE ${column} ${list.map((word, k) => `WHEN '${word}' THEN ${k + 1}`).join(' ')} ELSE 0 END`;
}

/** The SQL and parameters of `scanAppraisalCodes` (exported for the query-plan test). */
export function appraisalCodeSql(query: Pick<MeritInputQuery, 'units' | 'maxYear' | 'extraNips'>, lists: AppraisalCodeLists): { sql: string; args: unknown[] } {
  const select = [
    'a.nip',
    'a.tahun',
    sqlCodeOf('a.predikat', lists.predikat),
    sqlCodeOf('a.predikat_source', lists.source),
    'a.jpm',
    sqlCodeOf('a.potensi', lists.potensi),
    'a.potensi_score',
    'a.jp',
    sqlCodeOf('a.hukuman_disiplin', lists.hukuman),
  ].join(', ');
  return query.units.length === 0
    ? { sql: `SELECT ${select} FROM appraisals a WHERE a.tahun <= ?`, args: [query.maxYear] }
    : {
        sql: `SELECT ${select} FROM appraisals a JOIN employees e ON e.nip = a.nip ${unitFilter(query.units, query.extraNips)} AND a.tahun <= ?`,
        args: [...query.units, query.maxYear],
      };
}

/**
 * Appraisals of years ≤ maxYear in storage order (with `--unit`, only those units'
 * employees'), the text columns as codes: SQLite does the string work in C, and at national
 * scale the garbage collector does not meet tens of millions of short-lived strings.
 */
export function scanAppraisalCodes(
  db: Db,
  query: Pick<MeritInputQuery, 'units' | 'maxYear' | 'extraNips'>,
  lists: AppraisalCodeLists,
): IterableIterator<AppraisalCodeTuple> {
  const { sql, args } = appraisalCodeSql(query, lists);
  return db.prepare(sql).raw(true).iterate(...args) as IterableIterator<AppraisalCodeTuple>;
}
