/**
 * What the merit model needs of each employee's appraisals (SPEC §3–4), folded row by row into
 * fixed-size arrays, so appraisals can be read in storage order for millions of employees:
 * the two window years {Y−1, Y} (predikat, source, JP, hukuman), the latest JPM in years ≤ Y
 * and the latest potensi in years ≤ Y. `appraisalsOf` turns that back into a few Appraisal
 * records that give computeMerit and talentBox exactly the answers the full history would.
 */
import {
  PREDIKAT_CODES, type Appraisal, type Hukdis, type PotensiWord, type PredikatCode, type PredikatSource,
} from '../../domain/types.js';
import type { AppraisalCodeLists, AppraisalCodeTuple } from '../../db/queries/merit-inputs.js';

/**
 * The stored codes the fold keeps, as SQLite is asked to number them (scanAppraisalCodes):
 * code k + 1 for the k-th value, 0 for null or a value outside the list (only a hand-edited
 * database holds one, and it is read as missing).
 */
export const APPRAISAL_CODES = {
  predikat: PREDIKAT_CODES,
  source: ['ratings', 'predikat', 'nilai_skp'],
  potensi: ['RENDAH', 'MENENGAH', 'TINGGI'],
  hukuman: ['none', 'ringan', 'sedang', 'berat'],
} as const satisfies AppraisalCodeLists;

const SOURCES: ReadonlyArray<PredikatSource | null> = [null, ...APPRAISAL_CODES.source];
const HUKDIS: ReadonlyArray<Hukdis | null> = [null, ...APPRAISAL_CODES.hukuman];
const POTENSI: ReadonlyArray<PotensiWord | null> = [null, ...APPRAISAL_CODES.potensi];
const PREDIKAT: ReadonlyArray<PredikatCode | null> = [null, ...APPRAISAL_CODES.predikat];
const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

export class AppraisalFold {
  /** Per employee and window year (index 2i = Y−1, 2i+1 = Y): 1 when a row exists. */
  private readonly present: Uint8Array;
  private readonly predikat: Uint8Array;
  private readonly source: Uint8Array;
  private readonly jp: Float64Array;
  private readonly hukdis: Uint8Array;
  private readonly jpmYear: Int16Array;
  private readonly jpm: Float64Array;
  private readonly potensiYear: Int16Array;
  private readonly potensiWord: Uint8Array;
  private readonly potensiScore: Float64Array;

  constructor(
    size: number,
    private readonly year: number,
  ) {
    this.present = new Uint8Array(size * 2);
    this.predikat = new Uint8Array(size * 2);
    this.source = new Uint8Array(size * 2);
    this.jp = new Float64Array(size * 2).fill(Number.NaN);
    this.hukdis = new Uint8Array(size * 2);
    this.jpmYear = new Int16Array(size);
    this.jpm = new Float64Array(size);
    this.potensiYear = new Int16Array(size);
    this.potensiWord = new Uint8Array(size);
    this.potensiScore = new Float64Array(size);
  }

  /** Folds one appraisal row (year ≤ Y) of employee i. */
  add(i: number, row: AppraisalCodeTuple): void {
    const [, tahun, predikat, source, jpm, potensi, potensiScore, jp, hukuman] = row;
    const slot = tahun === this.year ? 2 * i + 1 : tahun === this.year - 1 ? 2 * i : -1;
    if (slot >= 0) {
      this.present[slot] = 1;
      this.predikat[slot] = predikat;
      this.source[slot] = source;
      this.jp[slot] = orNaN(jp);
      this.hukdis[slot] = hukuman;
    }
    if (jpm !== null && tahun > this.jpmYear[i]!) {
      this.jpmYear[i] = tahun;
      this.jpm[i] = jpm;
    }
    const word = potensi;
    if ((word !== 0 || potensiScore !== null) && tahun > this.potensiYear[i]!) {
      this.potensiYear[i] = tahun;
      this.potensiWord[i] = word;
      this.potensiScore[i] = orNaN(potensiScore);
    }
  }

  /** Employee i's stored predikat of Y−1 (`yearsBack` 1) or Y (0); null without one (or an unknown code). */
  predikatOf(i: number, yearsBack: 0 | 1): PredikatCode | null {
    return PREDIKAT[this.predikat[2 * i + 1 - yearsBack]!] ?? null;
  }

  /** Employee i's JP of year Y; null without an appraisal of Y or without JP. */
  jpOfYear(i: number): number | null {
    return orNull(this.jp[2 * i + 1]!);
  }

  /** Employee i's hukuman disiplin of year Y as stored; null without one. */
  hukumanOfYear(i: number): Hukdis | null {
    return HUKDIS[this.hukdis[2 * i + 1]!] ?? null;
  }

  /** Employee i's latest JPM in years ≤ Y; null without one. */
  latestJpm(i: number): number | null {
    return this.jpmYear[i] === 0 ? null : this.jpm[i]!;
  }

  /**
   * Appraisal records equivalent, for SPEC §3–4, to employee i's whole history: the window
   * years as they were, plus the years of the latest JPM and the latest potensi.
   */
  appraisalsOf(i: number, nip: string): Appraisal[] {
    const byYear = new Map<number, Appraisal>();
    const entry = (tahun: number): Appraisal => {
      let a = byYear.get(tahun);
      if (a === undefined) {
        a = { nip, tahun, predikat: null, predikatSource: null, jpm: null, potensiWord: null, potensiScore: null, jp: null, hukumanDisiplin: null };
        byYear.set(tahun, a);
      }
      return a;
    };
    for (const k of [0, 1]) {
      const slot = 2 * i + k;
      if (this.present[slot] !== 1) continue;
      const a = entry(this.year - 1 + k);
      a.predikat = PREDIKAT[this.predikat[slot]!] ?? null;
      a.predikatSource = SOURCES[this.source[slot]!] ?? null;
      a.jp = orNull(this.jp[slot]!);
      a.hukumanDisiplin = HUKDIS[this.hukdis[slot]!] ?? null;
    }
    if (this.jpmYear[i] !== 0) entry(this.jpmYear[i]!).jpm = this.jpm[i]!;
    if (this.potensiYear[i] !== 0) {
      const a = entry(this.potensiYear[i]!);
      a.potensiWord = POTENSI[this.potensiWord[i]!] ?? null;
      a.potensiScore = orNull(this.potensiScore[i]!);
    }
    return [...byYear.values()].sort((a, b) => a.tahun - b.tahun);
  }
}
