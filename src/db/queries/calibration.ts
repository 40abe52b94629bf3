/**
 * What `asn calibrate` reads (SPEC §10): predikat counts of year Y, grouped in SQL so that no
 * appraisal row reaches JavaScript — per unit and instansi for the distribution pattern, per
 * appraiser, unit and instansi for leniency. The population (who is counted) is a table with
 * columns `nip, unit, instansi`: the employees table itself, or a temporary table filled by
 * the caller (e.g. with the people in service at T and their unit at T, SPEC §9).
 */
import type { Db } from '../open.js';

/** Where the population comes from; identifiers from this fixed list only. */
export type PopulationSource = 'employees' | 'temp.calibration_population';

/** Fills the temporary population table (nip, unit, instansi at T); returns its source name. */
export function fillPopulationTable(db: Db, rows: Iterable<readonly [nip: string, unit: string | null, instansi: string | null]>): PopulationSource {
  dropPopulation(db);
  db.exec(`CREATE TEMP TABLE calibration_population (nip TEXT PRIMARY KEY, unit TEXT, instansi TEXT) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO temp.calibration_population (nip, unit, instansi) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [nip, unit, instansi] of rows) insert.run(nip, unit, instansi);
  })();
  return 'temp.calibration_population';
}

/** Drops the temporary population, a table (`fillPopulationTable`) or a view (`fillPopulationInService`). */
function dropPopulation(db: Db): void {
  const type = db.prepare("SELECT type FROM sqlite_temp_master WHERE name = 'calibration_population'").pluck().get() as string | undefined;
  if (type === 'view') db.exec('DROP VIEW temp.calibration_population');
  else if (type === 'table') db.exec('DROP TABLE temp.calibration_population');
}

/**
 * The population of the people in service at `date` (SPEC §9) without copying the employees:
 * a temporary view over `employees` — every employee whose current row is in service at `date`
 * (`tmt_cpns` ≤ date or unknown) in their current unit — in which each person of `differing`
 * (whose state at `date` may differ from their current row) is replaced by their state at
 * `date`: their unit and instansi then, or nobody when not in service at `date`. Only the
 * differing people are written (a small temporary table); SQLite folds the view into the
 * counting queries, so a national population is never copied.
 */
export function fillPopulationInService(
  db: Db, date: string, differing: Iterable<readonly [nip: string, atDate: { unit: string | null; instansi: string | null } | null]>,
): PopulationSource {
  dropPopulation(db);
  db.exec(`DROP TABLE IF EXISTS temp.calibration_differing;
    DROP TABLE IF EXISTS temp.calibration_date;
    CREATE TEMP TABLE calibration_differing (nip TEXT PRIMARY KEY, in_service INTEGER NOT NULL, unit TEXT, instansi TEXT) WITHOUT ROWID;
    CREATE TEMP TABLE calibration_date (date TEXT NOT NULL);
    CREATE TEMP VIEW calibration_population AS
      SELECT e.nip AS nip,
        CASE WHEN d.nip IS NULL THEN e.unit ELSE d.unit END AS unit,
        CASE WHEN d.nip IS NULL THEN e.instansi ELSE d.instansi END AS instansi
      FROM main.employees e LEFT JOIN temp.calibration_differing d ON d.nip = e.nip
      WHERE CASE WHEN d.nip IS NULL THEN e.tmt_cpns IS NULL OR e.tmt_cpns <= (SELECT date FROM temp.calibration_date) ELSE d.in_service = 1 END`);
  const insert = db.prepare('INSERT OR REPLACE INTO temp.calibration_differing (nip, in_service, unit, instansi) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('INSERT INTO temp.calibration_date (date) VALUES (?)').run(date);
    for (const [nip, at] of differing) insert.run(nip, at === null ? 0 : 1, at?.unit ?? null, at?.instansi ?? null);
  })();
  return 'temp.calibration_population';
}

/** Years that have at least one predikat, ascending (the hint when --year has none). */
export function predikatYears(db: Db): number[] {
  return db.prepare('SELECT DISTINCT tahun FROM appraisals WHERE predikat IS NOT NULL ORDER BY tahun').pluck().all() as number[];
}

/** One group of the distribution count: unit and instansi as stored, one predikat, how many. */
export type DistributionTuple = [unit: string | null, instansi: string | null, predikat: string, count: number];

/** SQL of `distributionTuples` (exported for the query-plan test). */
export function distributionSql(population: PopulationSource): string {
  return `SELECT e.unit, e.instansi, a.predikat, count(*) FROM appraisals a JOIN ${population} e ON e.nip = a.nip
    WHERE a.tahun = ? AND a.predikat IS NOT NULL GROUP BY e.unit, e.instansi, a.predikat`;
}

/** Predikat counts of year Y by stored unit, instansi and predikat (a few rows per unit). */
export function distributionTuples(db: Db, year: number, population: PopulationSource): DistributionTuple[] {
  return db.prepare(distributionSql(population)).raw(true).all(year) as DistributionTuple[];
}

/** One group of the appraiser count, in nip_penilai order. */
export type AppraiserTuple = [nipPenilai: string, unit: string | null, instansi: string | null, predikat: string, count: number];

/** SQL of `appraiserTuples` (exported for the query-plan test). */
export function appraiserSql(population: PopulationSource): string {
  return `SELECT a.nip_penilai, e.unit, e.instansi, a.predikat, count(*) FROM appraisals a JOIN ${population} e ON e.nip = a.nip
    WHERE a.tahun = ? AND a.predikat IS NOT NULL AND a.nip_penilai IS NOT NULL
    GROUP BY a.nip_penilai, e.unit, e.instansi, a.predikat ORDER BY a.nip_penilai`;
}

/**
 * Predikat counts of year Y by appraiser, unit, instansi and predikat, streamed in nip_penilai
 * order so the caller can fold one appraiser at a time.
 */
export function appraiserTuples(db: Db, year: number, population: PopulationSource): IterableIterator<AppraiserTuple> {
  return db.prepare(appraiserSql(population)).raw(true).iterate(year) as IterableIterator<AppraiserTuple>;
}

/**
 * Year Y's predikat counted by appraiser (none included), unit, instansi and predikat into a
 * small temporary table, in one scan of the appraisals joined with the population: the
 * distribution and the appraiser counts are then read from it (`groupedDistributionTuples`,
 * `groupedAppraiserTuples`), the same tuples as `distributionTuples` and `appraiserTuples`
 * without scanning the appraisals twice.
 */
export function countPredikatGroups(db: Db, year: number, population: PopulationSource): void {
  db.exec('DROP TABLE IF EXISTS temp.calibration_groups; CREATE TEMP TABLE calibration_groups (nip_penilai, unit, instansi, predikat, n)');
  db.prepare(
    `INSERT INTO temp.calibration_groups (nip_penilai, unit, instansi, predikat, n)
     SELECT a.nip_penilai, e.unit, e.instansi, a.predikat, count(*) FROM appraisals a JOIN ${population} e ON e.nip = a.nip
     WHERE a.tahun = ? AND a.predikat IS NOT NULL GROUP BY a.nip_penilai, e.unit, e.instansi, a.predikat`,
  ).run(year);
}

/** `distributionTuples` from the table of `countPredikatGroups`, in the same (unit, instansi, predikat) order. */
export function groupedDistributionTuples(db: Db): DistributionTuple[] {
  return db.prepare(
    'SELECT unit, instansi, predikat, sum(n) FROM temp.calibration_groups GROUP BY unit, instansi, predikat',
  ).raw(true).all() as DistributionTuple[];
}

/** `appraiserTuples` from the table of `countPredikatGroups`, in nip_penilai order. */
export function groupedAppraiserTuples(db: Db): IterableIterator<AppraiserTuple> {
  return db.prepare(
    'SELECT nip_penilai, unit, instansi, predikat, n FROM temp.calibration_groups WHERE nip_penilai IS NOT NULL ORDER BY nip_penilai',
  ).raw(true).iterate() as IterableIterator<AppraiserTuple>;
}

/** The names given for each appraiser in year Y, with how often (the most frequent is shown). */
export function appraiserNames(db: Db, year: number): IterableIterator<[nipPenilai: string, nama: string, count: number]> {
  return db.prepare(
    `SELECT nip_penilai, nama_penilai, count(*) FROM appraisals
     WHERE tahun = ? AND nip_penilai IS NOT NULL AND nama_penilai IS NOT NULL AND predikat IS NOT NULL
     GROUP BY nip_penilai, nama_penilai`,
  ).raw(true).iterate(year) as IterableIterator<[string, string, number]>;
}

/**
 * Every stored unit and instansi name, current or of an earlier post (SPEC §9 post timeline: a
 * unit of year Y may have been renamed or merged since), to check the names in an --org-predikat-file.
 */
export function knownScopeNames(db: Db): { units: string[]; instansi: string[] } {
  return {
    units: db.prepare(
      'SELECT unit FROM employees WHERE unit IS NOT NULL UNION SELECT unit FROM post_history WHERE unit IS NOT NULL',
    ).pluck().all() as string[],
    instansi: db.prepare(
      'SELECT instansi FROM employees WHERE instansi IS NOT NULL UNION SELECT instansi FROM post_history WHERE instansi IS NOT NULL',
    ).pluck().all() as string[],
  };
}
