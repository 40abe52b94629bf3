/**
 * The appraisals of an audit that reads most of the database (issue 6, national scale), loaded
 * in one pass in storage order instead of unit by unit. Read per unit, each appraisal costs a
 * look-up through the (nip, tahun) index into a table that at 4.7 million employees is far
 * larger than SQLite's page cache; read in storage order, it costs a step of a scan. Kept as
 * typed columns (12 bytes a row), not as objects; the people of a group still come
 * from the database, only their appraisals come from here.
 */
import type { Hukdis, PredikatCode } from '../../domain/types.js';
import type { Db } from '../../db/open.js';
import {
  auditAppraisalScan, employeeNips, maxAppraisalRowid, maxEmployeeRowid, type AppraisalYears, type AuditAppraisalTuple,
} from '../../db/queries/audit-inputs.js';
import { NipColumn } from '../population/nip-column.js';
import { APPRAISAL_CODES } from '../population/appraisal-fold.js';

const PREDIKAT: ReadonlyArray<PredikatCode | null> = [null, ...APPRAISAL_CODES.predikat];
const HUKDIS: ReadonlyArray<Hukdis | null> = [null, ...APPRAISAL_CODES.hukuman];

/**
 * A JPM or JP kept as hundredths in an Int32: exports give them whole or with two decimals.
 * Anything else (more decimals, out of range) is kept exactly, aside in a map.
 */
const NULL_VALUE = -0x80000000;
/** The value did not fit as hundredths: it is in the store's `exact` map. */
const EXACT_VALUE = -0x7fffffff;

function hundredths(value: number | null): number {
  if (value === null) return NULL_VALUE;
  const h = Math.round(value * 100);
  // Kept only when dividing by 100 gives back the very same double: no value ever changes.
  return Math.abs(h) < 0x7fff0000 && h / 100 === value ? h : EXACT_VALUE;
}

export class AuditAppraisalStore {
  private constructor(
    /** The rows of employee rowid r are `start[r]` to `start[r + 1]` − 1, oldest year first. */
    private readonly start: Int32Array,
    private readonly tahun: Int16Array,
    private readonly predikat: Uint8Array,
    private readonly jpm: Int32Array,
    private readonly jp: Int32Array,
    private readonly hukuman: Uint8Array,
    /** JPM and JP that are not whole hundredths, by row (only a hand-made file has them). */
    private readonly exact: ReadonlyMap<number, { jpm: number | null; jp: number | null }>,
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
    const jpm = new Int32Array(capacity);
    const jp = new Int32Array(capacity);
    const hukuman = new Uint8Array(capacity);
    const start = new Int32Array(maxEmployeeRowid(db) + 2);
    const exactByScan = new Map<number, { jpm: number | null; jp: number | null }>();
    let n = 0;
    for (const [nip, year, predikatCode, jpmValue, jpValue, hukumanCode] of auditAppraisalScan(db, years, APPRAISAL_CODES)) {
      const row = index.get(nip);
      // Import refuses appraisals of unknown NIPs (SPEC §1.6); a hand-edited file may still hold some.
      if (row < 0) continue;
      const rowid = employeeRowid[row] as number;
      owner[n] = rowid;
      tahun[n] = year;
      predikat[n] = predikatCode;
      jpm[n] = hundredths(jpmValue);
      jp[n] = hundredths(jpValue);
      if (jpm[n] === EXACT_VALUE || jp[n] === EXACT_VALUE) exactByScan.set(n, { jpm: jpmValue, jp: jpValue });
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
    const exact = new Map<number, { jpm: number | null; jp: number | null }>();
    if (exactByScan.size > 0) for (let at = 0; at < n; at++) {
      const values = exactByScan.get(order[at]!);
      if (values !== undefined) exact.set(at, values);
    }
    const columns = { tahun: tahun.subarray(0, n), predikat: predikat.subarray(0, n), jpm: jpm.subarray(0, n), jp: jp.subarray(0, n), hukuman: hukuman.subarray(0, n) };
    permute(order, columns);
    // Copies of the filled part, so the unused capacity is let go with the scan's arrays.
    return new AuditAppraisalStore(
      start, columns.tahun.slice(), columns.predikat.slice(), columns.jpm.slice(), columns.jp.slice(), columns.hukuman.slice(), exact,
    );
  }

  /**
   * The appraisals of one employee that a group's events look at, oldest first, as the
   * per-unit query returns them: years ≤ `to`, and before `from` only rows with a JPM.
   */
  of(rowid: number, years: AppraisalYears): AuditAppraisalTuple[] {
    const rows: AuditAppraisalTuple[] = [];
    if (rowid < 0 || rowid + 1 >= this.start.length) return rows;
    for (let at = this.start[rowid]!; at < this.start[rowid + 1]!; at++) {
      const year = this.tahun[at]!;
      const jpm = this.valueOf(this.jpm[at]!, at, 'jpm');
      if (year > years.to || (year < years.from && jpm === null)) continue;
      rows.push([
        rowid, year, PREDIKAT[this.predikat[at]!] ?? null, jpm, this.valueOf(this.jp[at]!, at, 'jp'), HUKDIS[this.hukuman[at]!] ?? null,
      ]);
    }
    return rows;
  }

  private valueOf(code: number, at: number, which: 'jpm' | 'jp'): number | null {
    if (code === NULL_VALUE) return null;
    return code === EXACT_VALUE ? (this.exact.get(at) as { jpm: number | null; jp: number | null })[which] : code / 100;
  }
}

/**
 * Puts the columns in place so that position p holds what was row order[p], following each
 * cycle of the permutation once (no second copy of the columns); `order` is used up.
 */
function permute(
  order: Int32Array,
  c: { tahun: Int16Array; predikat: Uint8Array; jpm: Int32Array; jp: Int32Array; hukuman: Uint8Array },
): void {
  for (let p = 0; p < order.length; p++) {
    if (order[p]! < 0) continue;
    if (order[p] === p) {
      order[p] = -1;
      continue;
    }
    const saved = [c.tahun[p]!, c.predikat[p]!, c.jpm[p]!, c.jp[p]!, c.hukuman[p]!] as const;
    for (let at = p; ; ) {
      const from = order[at]!;
      order[at] = -1;
      if (from === p) {
        [c.tahun[at], c.predikat[at], c.jpm[at], c.jp[at], c.hukuman[at]] = saved;
        break;
      }
      c.tahun[at] = c.tahun[from]!;
      c.predikat[at] = c.predikat[from]!;
      c.jpm[at] = c.jpm[from]!;
      c.jp[at] = c.jp[from]!;
      c.hukuman[at] = c.hukuman[from]!;
      at = from;
    }
  }
}
