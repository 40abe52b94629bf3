/** What the database holds, for `asn status`. */
import type { Db } from '../open.js';

export function tableCounts(db: Db): { employees: number; appraisals: number; promotions: number; imports: number } {
  const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
  return {
    employees: count('employees'),
    appraisals: count('appraisals'),
    promotions: count('promotions'),
    imports: count('imports'),
  };
}

export function appraisalYears(db: Db): Array<{ tahun: number; appraisals: number; with_predikat: number }> {
  return db
    .prepare('SELECT tahun, count(*) AS appraisals, count(predikat) AS with_predikat FROM appraisals GROUP BY tahun ORDER BY tahun')
    .all() as Array<{ tahun: number; appraisals: number; with_predikat: number }>;
}

export function unitCounts(db: Db): Array<{ unit: string | null; employees: number; pns: number; pppk: number }> {
  return db
    .prepare(
      `SELECT unit, count(*) AS employees,
              sum(CASE WHEN jenis_pegawai IN ('PNS', 'CPNS') THEN 1 ELSE 0 END) AS pns,
              sum(CASE WHEN jenis_pegawai = 'PPPK' THEN 1 ELSE 0 END) AS pppk
       FROM employees GROUP BY unit ORDER BY unit IS NULL, unit`,
    )
    .all() as Array<{ unit: string | null; employees: number; pns: number; pppk: number }>;
}
