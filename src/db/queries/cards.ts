/**
 * What the personal cards of `asn report --type employee --all` (SPEC §12) read per employee:
 * the appraisals of years ≤ Y and the promotions of each NIP. Both are read in ONE pass each, in
 * nip order, in step with the employee records (also in nip order), instead of two queries per
 * card: at 10,000 cards the per-card queries cost more than scoring everyone.
 */
import type { Db } from '../open.js';
import type { AppraisalDetail } from './merit-inputs.js';
import type { EmployeeRecordRow, PromotionRow } from './report.js';

export interface CardQueries {
  /** The rows of `nip`; NIPs must be asked for in ascending order (the order of iterateEmployeeRecords). */
  appraisals(nip: string): AppraisalDetail[];
  promotions(nip: string): PromotionRow[];
  /**
   * Ends both cursors. Needed before the database closes: the last cards asked for may not reach
   * the end of the rows (rows of people without a card: not in service at T, SPEC §9).
   */
  close(): void;
}

/**
 * Rows with a `nip`, sorted by nip, taken group by group for ascending NIPs. SQLite's BINARY
 * order is byte order, which for the digits of a NIP is JavaScript's string order.
 */
function inStep<T extends { nip: string }>(rows: IterableIterator<T>): (nip: string) => T[] {
  let next = rows.next();
  return (nip) => {
    while (!next.done && next.value.nip < nip) next = rows.next();
    // The rows keep their nip column: copying them without it (a rest spread) cost more than reading them.
    const out: T[] = [];
    while (!next.done && next.value.nip === nip) {
      out.push(next.value);
      next = rows.next();
    }
    return out;
  };
}

/**
 * `maxYear`: appraisals of years ≤ Y; `maxTmt`: promotions dated ≤ T (SPEC §9: a card of year Y
 * shows what was true at T, so a later promotion is not on it).
 */
export function cardQueries(db: Db, maxYear: number, maxTmt: string): CardQueries {
  const appraisals = db.prepare(
    `SELECT nip, tahun, predikat, predikat_source, rating_hasil, rating_perilaku, predikat_input, nilai_skp,
            jpm, potensi, potensi_score, jp, hukuman_disiplin
     FROM appraisals WHERE tahun <= ? ORDER BY nip, tahun`,
  ).iterate(maxYear) as IterableIterator<AppraisalDetail & { nip: string }>;
  const promotions = db.prepare(
    `SELECT nip, tmt, jabatan_asal, eselon_asal, level_asal, jabatan_baru, eselon_baru, level_baru, unit
     FROM promotions WHERE tmt <= ? ORDER BY nip, tmt`,
  ).iterate(maxTmt) as IterableIterator<PromotionRow & { nip: string }>;
  return {
    appraisals: inStep(appraisals), promotions: inStep(promotions),
    close: () => {
      appraisals.return?.();
      promotions.return?.();
    },
  };
}

/** The stored personnel columns a card shows of the version in force at T (SPEC §9 "other fields"). */
export type VersionFieldsRow = { as_of: string } & Pick<EmployeeRecordRow,
  'nip' | 'nip_lama' | 'nama' | 'gelar_depan' | 'gelar_belakang' | 'tgl_lahir' | 'jenis_kelamin' | 'jenis_pegawai' | 'tmt_cpns' | 'pendidikan' | 'tahun_lulus'>;

/**
 * The personnel versions of the given people, oldest first per NIP, in ONE query (the NIPs
 * passed as a JSON array): the cards take the version in force at T of each person whose state
 * at T may differ from their current row.
 */
export function versionsOf(db: Db, nips: readonly string[]): Map<string, VersionFieldsRow[]> {
  const out = new Map<string, VersionFieldsRow[]>();
  if (nips.length === 0) return out;
  const rows = db.prepare(
    `SELECT nip, as_of, nip_lama, nama, gelar_depan, gelar_belakang, tgl_lahir, jenis_kelamin, jenis_pegawai, tmt_cpns, pendidikan, tahun_lulus
     FROM employee_versions WHERE nip IN (SELECT value FROM json_each(?)) ORDER BY nip, as_of`,
  ).iterate(JSON.stringify(nips)) as IterableIterator<VersionFieldsRow>;
  for (const row of rows) {
    const list = out.get(row.nip);
    if (list === undefined) out.set(row.nip, [row]);
    else list.push(row);
  }
  return out;
}
