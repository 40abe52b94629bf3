/**
 * What the promotion audit reads besides employees and appraisals (SPEC §5): every promotion
 * event, with the stored post columns so the levels can be derived again under a `--model`
 * with its own level table. Employees and appraisals come from merit-inputs.ts.
 */
import type { Db } from '../open.js';

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
 * Every promotion, grouped by person and in date order (nip, tmt: the primary key, so SQLite
 * needs no sort). The audit needs all of them whatever `--from`/`--to` say: a person's level at
 * a date comes from their later promotions (SPEC §5.2), the level before from earlier ones (§5.1).
 */
export function promotionTuples(db: Db): PromotionTuple[] {
  return db
    .prepare(
      `SELECT nip, tmt, jabatan_baru, eselon_baru, level_baru, jabatan_asal, eselon_asal, level_asal, unit
       FROM promotions ORDER BY nip, tmt`,
    )
    .raw(true)
    .all() as PromotionTuple[];
}

/** The latest promotion year, null when there is no promotion (merit needs appraisals up to year(D) − 1). */
export function latestPromotionYear(db: Db): number | null {
  const tmt = db.prepare('SELECT max(tmt) FROM promotions').pluck().get() as string | null;
  return tmt === null ? null : Number(tmt.slice(0, 4));
}
