/**
 * What the promotion audit reads (SPEC §5), one scope group at a time so that memory is bounded
 * by the largest unit or instansi, not the population (STYLE "Stream, don't slurp"): every
 * promotion event with its promoted employee's unit and instansi (to group the events), and the
 * people of one group — employees as compact tuples, and only the appraisal years the group's
 * events can look at. Values are always parameters.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../open.js';
import type { EmployeeTuple } from './merit-inputs.js';
import { sqlCodeOf } from './merit-inputs.js';

/** One promotion as stored (SPEC §8 column names), in this order. */
export type PromotionTuple = [
  nip: string,
  tmt: string,
  jabatan_baru: string,
  eselon_baru: string | null,
  level_baru: number | null,
  jabatan_asal: string | null,
  eselon_asal: string | null,
  level_asal: number | null,
  unit: string | null,
];

/**
 * A promotion with the promoted employee's personnel unit, instansi, stored level and rowid;
 * the rowid is null when no personnel row has the NIP.
 */
export type EventTuple = [
  ...PromotionTuple,
  personnelUnit: string | null,
  personnelInstansi: string | null,
  personnelLevel: number | null,
  rowid: number | null,
];

/**
 * Streams every promotion, grouped by person and in date order (nip, tmt: the primary key, so SQLite
 * needs no sort), with the promoted employee's unit and instansi (the event's scope key, SPEC
 * §5.2). The audit needs all of them whatever `--from`/`--to` say: a person's level at a date
 * comes from their later promotions (SPEC §5.2), the level before from earlier ones (§5.1).
 */
export function eventTuples(db: Db): IterableIterator<EventTuple> {
  return db
    .prepare(
      `SELECT p.nip, p.tmt, p.jabatan_baru, p.eselon_baru, p.level_baru, p.jabatan_asal, p.eselon_asal, p.level_asal, p.unit,
              e.unit, e.instansi, e.level, e.rowid
       FROM promotions p LEFT JOIN employees e ON e.nip = p.nip
       ORDER BY p.nip, p.tmt`,
    )
    .raw(true)
    .iterate() as IterableIterator<EventTuple>;
}

/** The latest promotion year, null when there is no promotion (merit needs appraisals up to year(D) − 1). */
export function latestPromotionYear(db: Db): number | null {
  const tmt = db.prepare('SELECT max(tmt) FROM promotions').pluck().get() as string | null;
  return tmt === null ? null : Number(tmt.slice(0, 4));
}

/** Every unit name as stored (read from the unit index alone). */
export function employeeUnits(db: Db): string[] {
  return db.prepare('SELECT DISTINCT unit FROM employees WHERE unit IS NOT NULL').pluck().all() as string[];
}

/** One employee as the audit reads them: the merit ranking's tuple, led by the `rowid` that ties the appraisals to them. */
export type AuditEmployeeTuple = [rowid: number, ...employee: EmployeeTuple];

/** One appraisal with what merit (SPEC §3, numbers only) and strict eligibility (§5.2) read. */
export type AuditAppraisalTuple = [
  rowid: number,
  tahun: number,
  predikat: string | null,
  jpm: number | null,
  jp: number | null,
  hukuman_disiplin: string | null,
];

/**
 * Whose people: the employees of one unit or instansi (its index), one NIP (its primary key), or
 * a range of rowids (`--scope all`, read in slices). With `levels`, only those who may hold one of
 * these levels at some date (SPEC §5.2 level at D): a stored level among them or unknown, or
 * promoted at some time (their level at D comes from their promotions). Null reads everyone.
 * `nips`: the employees of a list of NIPs (in rowid order, as every filter), each NIP once.
 */
export type PeopleFilter =
  | { by: 'unit' | 'instansi'; value: string; levels: readonly number[] | null }
  | { by: 'rowids'; after: number; upTo: number; levels: readonly number[] | null }
  | { by: 'nip'; value: string }
  | { by: 'nips'; values: readonly string[] };

/**
 * The appraisal years a group's events look at: merit of Y = year(D) − 1 over the window
 * {Y − 1, Y} and strict eligibility in year(D) − 2 and year(D) − 1 (SPEC §3, §5.2–5.3), so
 * `from` = earliest year(D) − 2 and `to` = latest year(D) − 1; before `from` only rows with a
 * JPM matter (kompetensi takes the latest JPM in any year ≤ Y).
 */
export interface AppraisalYears {
  from: number;
  to: number;
}

const MAY_HOLD_LEVELS = `(@levels IS NULL OR e.level IS NULL OR e.level IN (SELECT value FROM json_each(@levels))
  OR EXISTS (SELECT 1 FROM promotions p WHERE p.nip = e.nip))`;

function whereOf(by: PeopleFilter['by']): string {
  if (by === 'nip') return 'WHERE e.nip = @value';
  // Each NIP through the NIP index (a short list: the people of a group read from elsewhere).
  if (by === 'nips') return 'WHERE e.nip IN (SELECT value FROM json_each(@nips))';
  if (by === 'rowids') return `WHERE e.rowid > @after AND e.rowid <= @upTo AND ${MAY_HOLD_LEVELS}`;
  return `WHERE e.${by} = @value AND ${MAY_HOLD_LEVELS}`;
}

/**
 * The two statements of a `PeopleReader` (exported for the query-plan test): the employees, and
 * their appraisals of the needed years, both in rowid order. Two narrow statements instead of
 * one join: a joined row would repeat the employee's columns for every appraisal.
 */
export function peopleSql(by: PeopleFilter['by'], withPost: boolean): { employees: string; appraisals: string } {
  const post = withPost ? 'e.eselon, e.jabatan, e.jenis_jabatan' : 'NULL, NULL, NULL';
  const where = whereOf(by);
  return {
    employees: `SELECT e.rowid, e.nip, e.nama, e.jenis_pegawai, e.golongan_code, e.tmt_golongan, e.tmt_cpns, e.level,
        e.pendidikan, e.tahun_lulus, e.tgl_lahir, e.unit, e.instansi, ${post}
      FROM employees e ${where} ORDER BY e.rowid`,
    appraisals: `SELECT e.rowid, a.tahun, a.predikat, a.jpm, a.jp, a.hukuman_disiplin
      FROM employees e JOIN appraisals a ON a.nip = e.nip AND a.tahun <= @to AND (a.tahun >= @from OR a.jpm IS NOT NULL)
      ${where} ORDER BY e.rowid, a.tahun`,
  };
}

/** The named parameters of a filter. */
function parametersOf(filter: PeopleFilter): Record<string, string | number | null> {
  if (filter.by === 'nip') return { value: filter.value };
  if (filter.by === 'nips') return { nips: JSON.stringify(filter.values) };
  const levels = filter.levels === null ? null : JSON.stringify(filter.levels);
  if (filter.by === 'rowids') return { after: filter.after, upTo: filter.upTo, levels };
  return { value: filter.value, levels };
}

/** One employee with their appraisals of the needed years, oldest first. */
export interface AuditPersonRows {
  employee: AuditEmployeeTuple;
  appraisals: AuditAppraisalTuple[];
}

/** Reads the people of one filter with their appraisals of `years` (see AppraisalYears), in rowid order. */
export type PeopleReader = (filter: PeopleFilter, years: AppraisalYears) => AuditPersonRows[];

/** An employee's appraisals of `years` by their rowid, oldest first, from elsewhere than this query. */
export type AppraisalSource = (rowid: number, years: AppraisalYears) => AuditAppraisalTuple[];

/**
 * A reader whose statements are prepared once per filter kind: an audit reads thousands of
 * units, and preparing costs more than reading a small unit.
 */
export function peopleReader(db: Db, withPost: boolean, appraisalsOf: AppraisalSource | null = null): PeopleReader {
  const statements = new Map<PeopleFilter['by'], { employees: Database.Statement; appraisals: Database.Statement }>();
  return (filter, years) => {
    let prepared = statements.get(filter.by);
    if (prepared === undefined) {
      const sql = peopleSql(filter.by, withPost);
      prepared = { employees: db.prepare(sql.employees).raw(true), appraisals: db.prepare(sql.appraisals).raw(true) };
      statements.set(filter.by, prepared);
    }
    const parameters = parametersOf(filter);
    const employees = prepared.employees.all(parameters) as AuditEmployeeTuple[];
    if (appraisalsOf !== null) return employees.map((employee) => ({ employee, appraisals: appraisalsOf(employee[0], years) }));
    const appraisals = prepared.appraisals.all({ ...parameters, to: years.to, from: years.from }) as AuditAppraisalTuple[];
    const people: AuditPersonRows[] = [];
    let next = 0;
    for (const employee of employees) {
      const own: AuditAppraisalTuple[] = [];
      // Both lists are in rowid order, so one pass pairs them.
      while (next < appraisals.length && (appraisals[next] as AuditAppraisalTuple)[0] === employee[0]) {
        own.push(appraisals[next] as AuditAppraisalTuple);
        next++;
      }
      people.push({ employee, appraisals: own });
    }
    return people;
  };
}

/** The largest employee rowid (0 when there is none): `--scope all` reads rowids up to it in slices. */
export function maxEmployeeRowid(db: Db): number {
  return (db.prepare('SELECT max(rowid) FROM employees').pluck().get() as number | null) ?? 0;
}

/** How many instansi the employees name (read from the instansi index alone). */
export function employeeInstansiCount(db: Db): number {
  return db.prepare('SELECT count(DISTINCT instansi) FROM employees').pluck().get() as number;
}

/** The largest appraisal rowid (0 when there is none): an upper bound of their number. */
export function maxAppraisalRowid(db: Db): number {
  return (db.prepare('SELECT max(rowid) FROM appraisals').pluck().get() as number | null) ?? 0;
}

/** The SQL of `employeeNips` (exported for the query-plan test). */
export const EMPLOYEE_NIPS_SQL = 'SELECT rowid, nip FROM employees';

/** Every employee's rowid and NIP (SQLite reads them from the NIP index alone). */
export function employeeNips(db: Db): IterableIterator<[rowid: number, nip: string]> {
  return db.prepare(EMPLOYEE_NIPS_SQL).raw(true).iterate() as IterableIterator<[number, string]>;
}

/**
 * One appraisal as `auditAppraisalScan` yields it: predikat and hukuman disiplin as codes,
 * 1 + their position in the list given, 0 for null or a value not in the list.
 */
export type AuditAppraisalCodeTuple = [nip: string, tahun: number, predikat: number, jpm: number | null, jp: number | null, hukuman: number];

/** The SQL of `auditAppraisalScan` (exported for the query-plan test). */
export function auditAppraisalScanSql(lists: { predikat: readonly string[]; hukuman: readonly string[] }): string {
  return `SELECT a.nip, a.tahun, ${sqlCodeOf('a.predikat', lists.predikat)}, a.jpm, a.jp, ${sqlCodeOf('a.hukuman_disiplin', lists.hukuman)}
    FROM appraisals a WHERE a.tahun <= @to AND (a.tahun >= @from OR a.jpm IS NOT NULL)`;
}

/** Every appraisal of `years` (see AppraisalYears) in storage order: one scan, no index look-ups. */
export function auditAppraisalScan(
  db: Db,
  years: AppraisalYears,
  lists: { predikat: readonly string[]; hukuman: readonly string[] },
): IterableIterator<AuditAppraisalCodeTuple> {
  return db.prepare(auditAppraisalScanSql(lists)).raw(true).iterate({ from: years.from, to: years.to }) as IterableIterator<AuditAppraisalCodeTuple>;
}
