/**
 * The appraisals of an audit that reads most of the database (issue 6, national scale), loaded
 * in one pass in storage order instead of unit by unit. Read per unit, each appraisal costs a
 * look-up through the (nip, tahun) index into a table that at 4.7 million employees is far
 * larger than SQLite's page cache; read in storage order, it costs a step of a scan. Kept as
 * typed columns (about 30 bytes a row), not as objects; the people of a group still come
 * from the database, only their appraisals come from here.
 */
import type { Hukdis, PredikatCode } from '../domain/types.js';
import type { Db } from '../db/open.js';
import {
  auditAppraisalScan, employeeNips, maxAppraisalRowid, maxEmployeeRowid, type AppraisalYears, type AuditAppraisalTuple,
} from '../db/queries/audit-inputs.js';
import { NipColumn } from './nip-column.js';
import { APPRAISAL_CODES } from './rank-appraisals.js';

const PREDIKAT: ReadonlyArray<PredikatCode | null> = [null, ...APPRAISAL_CODES.predikat];
const HUKDIS: ReadonlyArray<Hukdis | null> = [null, ...APPRAISAL_CODES.hukuman];

export class AuditAppraisalStore {
  private constructor(
    /** Row k of employee rowid r is `order[start[r] + k]`, oldest year first. */
    private readonly start: Int32Array,
    private readonly order: Int32Array,
    private readonly tahun: Int16Array,
    private readonly predikat: Uint8Array,
    private readonly jpm: Float64Array,
    private readonly jp: Float64Array,
    private readonly hukuman: Uint8Array,
  ) {}

  /** Reads every appraisal of `years` (see AppraisalYears) with its employee's rowid. */
  static load(db: Db, years: AppraisalYears): AuditAppraisalStore {
    // NIP → employee rowid, with the NIPs as numbers (nip-column.ts), not millions of strings.
    const nips = new NipColumn(maxEmployeeRowid(db));
    const rowidOf: number[] = [];
    for (const [rowid, nip] of employeeNips(db)) rowidOf[nips.push(nip)] = rowid;
    const employeeRowid = Int32Array.from(rowidOf);
    const index = nips.index();

    const capacity = maxAppraisalRowid(db);
    const owner = new Int32Array(capacity);
    const tahun = new Int16Array(capacity);
    const predikat = new Uint8Array(capacity);
    const jpm = new Float64Array(capacity);
    const jp = new Float64Array(capacity);
    const hukuman = new Uint8Array(capacity);
    const start = new Int32Array(maxEmployeeRowid(db) + 2);
    let n = 0;
    for (const [nip, year, predikatCode, jpmValue, jpValue, hukumanCode] of auditAppraisalScan(db, years, APPRAISAL_CODES)) {
      const row = index.get(nip);
      // Import refuses appraisals of unknown NIPs (SPEC §1.6); a hand-edited file may still hold some.
      if (row < 0) continue;
      const rowid = employeeRowid[row] as number;
      owner[n] = rowid;
      tahun[n] = year;
      predikat[n] = predikatCode;
      jpm[n] = jpmValue ?? Number.NaN;
      jp[n] = jpValue ?? Number.NaN;
      hukuman[n] = hukumanCode;
      start[rowid + 1]!++;
      n++;
    }
    for (let r = 1; r < start.length; r++) start[r]! += start[r - 1]!;
    // Counting sort by owner; within one employee by year, as the per-unit query orders them.
    const order = new Int32Array(n);
    const fill = start.slice(0, -1);
    for (let k = 0; k < n; k++) {
      const rowid = owner[k]!;
      let at = fill[rowid]!++;
      while (at > start[rowid]! && tahun[order[at - 1]!]! > tahun[k]!) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = k;
    }
    return new AuditAppraisalStore(start, order, tahun, predikat, jpm, jp, hukuman);
  }

  /**
   * The appraisals of one employee that a group's events look at, oldest first, as the
   * per-unit query returns them: years ≤ `to`, and before `from` only rows with a JPM.
   */
  of(rowid: number, years: AppraisalYears): AuditAppraisalTuple[] {
    const rows: AuditAppraisalTuple[] = [];
    if (rowid < 0 || rowid + 1 >= this.start.length) return rows;
    for (let at = this.start[rowid]!; at < this.start[rowid + 1]!; at++) {
      const k = this.order[at]!;
      const year = this.tahun[k]!;
      const jpm = this.jpm[k]!;
      if (year > years.to || (year < years.from && Number.isNaN(jpm))) continue;
      const jp = this.jp[k]!;
      rows.push([
        rowid, year, PREDIKAT[this.predikat[k]!] ?? null, Number.isNaN(jpm) ? null : jpm, Number.isNaN(jp) ? null : jp,
        HUKDIS[this.hukuman[k]!] ?? null,
      ]);
    }
    return rows;
  }
}
