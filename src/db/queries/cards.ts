/**
 * What the personal cards of `asn report --type employee --all` (SPEC §12) read per employee,
 * with the statements prepared once for the whole run: the appraisals of years ≤ Y and the
 * promotions of one NIP.
 */
import type { Db } from '../open.js';
import type { AppraisalDetail } from './merit-inputs.js';
import type { PromotionRow } from './report.js';

export interface CardQueries {
  appraisals(nip: string, maxYear: number): AppraisalDetail[];
  promotions(nip: string): PromotionRow[];
}

export function cardQueries(db: Db): CardQueries {
  const appraisals = db.prepare(
    `SELECT tahun, predikat, predikat_source, rating_hasil, rating_perilaku, predikat_input, nilai_skp,
            jpm, potensi, potensi_score, jp, hukuman_disiplin
     FROM appraisals WHERE nip = ? AND tahun <= ? ORDER BY tahun`,
  );
  const promotions = db.prepare(
    `SELECT tmt, jabatan_asal, eselon_asal, level_asal, jabatan_baru, eselon_baru, level_baru, unit
     FROM promotions WHERE nip = ? ORDER BY tmt`,
  );
  return {
    appraisals: (nip, maxYear) => appraisals.all(nip, maxYear) as AppraisalDetail[],
    promotions: (nip) => promotions.all(nip) as PromotionRow[],
  };
}
