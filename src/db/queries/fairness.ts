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
