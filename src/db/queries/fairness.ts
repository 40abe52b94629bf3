/**
 * What the fairness figures (SPEC §12) read besides the audit: each person's jenis_kelamin and
 * tgl_lahir, and the people with a predikat in year Y. Values are always parameters.
 */
import type { Db } from '../open.js';

export interface PersonAttributesRow {
  jenis_kelamin: string | null;
  tgl_lahir: string | null;
}

/** A look-up of one person's stored jenis_kelamin and tgl_lahir, with the statement prepared once. */
export function personAttributesLookup(db: Db): (nip: string) => PersonAttributesRow | undefined {
  const statement = db.prepare('SELECT jenis_kelamin, tgl_lahir FROM employees WHERE nip = ?');
  return (nip) => statement.get(nip) as PersonAttributesRow | undefined;
}

/** A look-up of one person's stored personnel versions (jenis_kelamin, tgl_lahir), oldest first (SPEC §9). */
export function personVersionAttributes(db: Db): (nip: string) => Array<PersonAttributesRow & { asOf: string }> {
  const statement = db.prepare('SELECT as_of AS asOf, jenis_kelamin, tgl_lahir FROM employee_versions WHERE nip = ? ORDER BY as_of');
  return (nip) => statement.all(nip) as Array<PersonAttributesRow & { asOf: string }>;
}

export interface PredikatCandidateRow {
  nip: string;
  jenis_kelamin: string | null;
  tgl_lahir: string | null;
  predikat: string;
}

/**
 * Every stored employee with a predikat in year Y, in nip order, with their current jenis_kelamin
 * and tgl_lahir; the caller keeps those in service at T and takes the state at T (SPEC §12 "sb").
 */
export function* predikatCandidates(db: Db, year: number): Generator<PredikatCandidateRow> {
  yield* db
    .prepare(
      `SELECT e.nip, e.jenis_kelamin, e.tgl_lahir, a.predikat FROM employees e
       JOIN appraisals a ON a.nip = e.nip AND a.tahun = ? WHERE a.predikat IS NOT NULL ORDER BY e.nip`,
    )
    .iterate(year) as Iterable<PredikatCandidateRow>;
}

/** One group of `predikatGroups`: stored jenis_kelamin and tgl_lahir, how many with a predikat in Y, how many of them SB. */
export type PredikatGroupTuple = [jenisKelamin: string | null, tglLahir: string | null, candidates: number, sb: number];

/**
 * The employees of `predikatCandidates` counted in SQL by their current jenis_kelamin and
 * tgl_lahir (a few thousand groups, not a row per person): everything the sb measure needs of
 * the people whose state at T is their current row.
 */
export function predikatGroups(db: Db, year: number): IterableIterator<PredikatGroupTuple> {
  return db
    .prepare(
      `SELECT e.jenis_kelamin, e.tgl_lahir, count(*), sum(a.predikat = 'SB') FROM employees e
       JOIN appraisals a ON a.nip = e.nip AND a.tahun = ? WHERE a.predikat IS NOT NULL GROUP BY e.jenis_kelamin, e.tgl_lahir`,
    )
    .raw(true)
    .iterate(year) as IterableIterator<PredikatGroupTuple>;
}

/** A look-up of one employee's row of `predikatCandidates` (undefined: no predikat in Y), prepared once. */
export function predikatCandidateLookup(db: Db, year: number): (nip: string) => PredikatCandidateRow | undefined {
  const statement = db.prepare(
    `SELECT e.nip, e.jenis_kelamin, e.tgl_lahir, a.predikat FROM employees e
     JOIN appraisals a ON a.nip = e.nip AND a.tahun = ? WHERE e.nip = ? AND a.predikat IS NOT NULL`,
  );
  return (nip) => statement.get(year, nip) as PredikatCandidateRow | undefined;
}

/** Every NIP with at least one stored personnel version (the people who changed between snapshots). */
export function nipsWithVersions(db: Db): Set<string> {
  return new Set(db.prepare('SELECT DISTINCT nip FROM employee_versions').pluck().all() as string[]);
}
