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
 * Rows sorted by nip (the tuple's first value), taken group by group for ascending NIPs and made
 * into records by `make`. SQLite's BINARY order is byte order, which for the digits of a NIP is
 * JavaScript's string order. Read as arrays: better-sqlite3's own row objects cost twice as much.
 */
function inStep<R extends unknown[], T>(rows: IterableIterator<R>, make: (row: R) => T): (nip: string) => T[] {
  let next = rows.next();
  return (nip) => {
    while (!next.done && (next.value[0] as string) < nip) next = rows.next();
    const out: T[] = [];
    while (!next.done && next.value[0] === nip) {
      out.push(make(next.value));
      next = rows.next();
    }
    return out;
  };
}

type AppraisalTuple = [string, number, string | null, string | null, string | null, string | null, string | null, number | null,
  number | null, string | null, number | null, number | null, string | null];
type PromotionTuple = [string, string, string | null, string | null, number | null, string, string | null, number | null, string | null];

/**
 * `maxYear`: appraisals of years ≤ Y; `maxTmt`: promotions dated ≤ T (SPEC §9: a card of year Y
 * shows what was true at T, so a later promotion is not on it).
 */
export function cardQueries(db: Db, maxYear: number, maxTmt: string): CardQueries {
  const appraisals = db.prepare(
    `SELECT nip, tahun, predikat, predikat_source, rating_hasil, rating_perilaku, predikat_input, nilai_skp,
            jpm, potensi, potensi_score, jp, hukuman_disiplin
     FROM appraisals WHERE tahun <= ? ORDER BY nip, tahun`,
  ).raw().iterate(maxYear) as IterableIterator<AppraisalTuple>;
  const promotions = db.prepare(
    `SELECT nip, tmt, jabatan_asal, eselon_asal, level_asal, jabatan_baru, eselon_baru, level_baru, unit
     FROM promotions WHERE tmt <= ? ORDER BY nip, tmt`,
  ).raw().iterate(maxTmt) as IterableIterator<PromotionTuple>;
  return {
    appraisals: inStep(appraisals, (r): AppraisalDetail => ({
      tahun: r[1], predikat: r[2], predikat_source: r[3], rating_hasil: r[4], rating_perilaku: r[5], predikat_input: r[6],
      nilai_skp: r[7], jpm: r[8], potensi: r[9], potensi_score: r[10], jp: r[11], hukuman_disiplin: r[12],
    })),
    promotions: inStep(promotions, (r): PromotionRow => ({
      tmt: r[1], jabatan_asal: r[2], eselon_asal: r[3], level_asal: r[4], jabatan_baru: r[5], eselon_baru: r[6], level_baru: r[7], unit: r[8],
    })),
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
