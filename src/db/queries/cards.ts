/**
 * What the personal cards of `asn report --type employee --all` (SPEC §12) read per employee:
 * the appraisals of years ≤ Y and the promotions of each NIP. Both are read in ONE pass each, in
 * nip order, in step with the employee records (also in nip order), instead of two queries per
 * card: at 10,000 cards the per-card queries cost more than scoring everyone.
 */
import type { Db } from '../open.js';
import type { AppraisalDetail } from './merit-inputs.js';
import type { PromotionRow } from './report.js';

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

export function cardQueries(db: Db, maxYear: number): CardQueries {
  const appraisals = db.prepare(
    `SELECT nip, tahun, predikat, predikat_source, rating_hasil, rating_perilaku, predikat_input, nilai_skp,
            jpm, potensi, potensi_score, jp, hukuman_disiplin
     FROM appraisals WHERE tahun <= ? ORDER BY nip, tahun`,
  ).iterate(maxYear) as IterableIterator<AppraisalDetail & { nip: string }>;
  const promotions = db.prepare(
    `SELECT nip, tmt, jabatan_asal, eselon_asal, level_asal, jabatan_baru, eselon_baru, level_baru, unit
     FROM promotions ORDER BY nip, tmt`,
  ).iterate() as IterableIterator<PromotionRow & { nip: string }>;
  return {
    appraisals: inStep(appraisals), promotions: inStep(promotions),
    close: () => {
      appraisals.return?.();
      promotions.return?.();
    },
  };
}
