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

export interface PredikatCandidateRow {
  nip: string;
  jenis_kelamin: string | null;
  tgl_lahir: string | null;
  predikat: string;
}

/** Every stored employee with a predikat in year Y (SPEC §12 "sb" candidates), in nip order. */
export function* predikatCandidates(db: Db, year: number): Generator<PredikatCandidateRow> {
  yield* db
    .prepare(
      `SELECT e.nip, e.jenis_kelamin, e.tgl_lahir, a.predikat FROM employees e
       JOIN appraisals a ON a.nip = e.nip AND a.tahun = ? WHERE a.predikat IS NOT NULL ORDER BY e.nip`,
    )
    .iterate(year) as Iterable<PredikatCandidateRow>;
}
