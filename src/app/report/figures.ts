/**
 * The figures of SPEC §6 gathered per unit and over everyone, once, for the `summary` and
 * `unit` reports: headcount, predikat of Y and Y−1, 9-box counts, JPM categories, training
 * compliance, hukuman disiplin, merit distribution, ranking status and missing fields.
 * Headcount and missing fields are counted in SQL (src/db/queries/report.ts); everything of
 * year Y comes from the ranking pass (rank.ts), so every number equals what `asn rank` shows
 * for the same database, and the national tables are read once, not once per figure.
 */
import { jenisGroup } from '../../domain/duk.js';
import { jpmCategory, meetsJpTarget, type JpmCategory } from '../../domain/report-figures.js';
import type { JenisGroup, JenisPegawai, PredikatCode } from '../../domain/types.js';
import type { MeritModel } from '../../domain/model.js';
import type { Db } from '../../db/open.js';
import { headcountRows, missingFieldCounts, unitJenisCounts, type HeadcountRow } from '../../db/queries/report.js';
import { compareText } from '../population/scoring.js';
import { differencesAt, type CompactStateAt } from '../history/state.js';

/** The fields of a person the report's counts at T use (headcount, missing fields, calibration, fairness). */
export type CountedPerson = Pick<Employee, 'nip' | 'unit' | 'instansi' | 'jenisPegawai' | 'level' | 'pendidikan' | 'golonganCode' | 'tmtCpns'>;

/**
 * The people whose state at T differs from their current row (`differencesAt`), read once per
 * report and kept with only the fields counted (a few percent of a national population).
 */
export type DifferencesAt = Array<{ current: CountedPerson; atD: CountedPerson | null }>;

/** `differencesAt(db, date)` with each record cut down to the fields the report counts. */
export function countedDifferencesAt(db: Db, date: string, state?: CompactStateAt): DifferencesAt {
  const counted = (e: Employee): CountedPerson => ({
    nip: e.nip, unit: e.unit, instansi: e.instansi, jenisPegawai: e.jenisPegawai, level: e.level,
    pendidikan: e.pendidikan, golonganCode: e.golonganCode, tmtCpns: e.tmtCpns,
  });
  return differencesAt(db, date, state).map(({ current, atD }) => ({ current: counted(current), atD: atD === null ? null : counted(atD) }));
}
import { unitCanon } from '../units/canon.js';
import type { Employee } from '../../domain/types.js';
import type { AppraisalFold } from '../population/appraisal-fold.js';
import type { RankStore } from '../population/score-store.js';

export type Hukuman = 'ringan' | 'sedang' | 'berat';
export const HUKUMAN_LEVELS: readonly Hukuman[] = ['ringan', 'sedang', 'berat'];

export interface TrainingFigures {
  /** Employees of the jenis group (current personnel). */
  employees: number;
  /** …with JP recorded for year Y. */
  recorded: number;
  /** …whose JP of Y reach the model's target for their jenis pegawai. */
  meeting: number;
}

export interface UnitFigures {
  /** null: employees without a recorded unit. */
  unit: string | null;
  employees: number;
  jenis: Record<JenisPegawai | 'unknown', number>;
  /** predikat counts per year (Y−1, Y). */
  predikat: Map<number, Record<PredikatCode, number>>;
  jpm: Record<JpmCategory | 'none', number>;
  training: Record<JenisGroup, TrainingFigures>;
  hukuman: Record<Hukuman, number>;
  /**
   * Merit of the rated, unrounded, for the distribution and histogram: each unit's a view into
   * one array of everyone's (8 bytes an employee, not a growing list per unit).
   */
  merits: Float64Array;
  boxes: Record<number, number>;
  /** Rated employees without a box (no potensial source). */
  ratedWithoutBox: number;
  status: { complete: number; incomplete: number; unrated: number };
  missing: { level: number; pendidikan: number; golongan: number; tmtCpns: number; jenisPegawai: number };
}

export interface Figures {
  all: UnitFigures;
  /** Units in code-point order, no unit last. */
  units: UnitFigures[];
  headcount: HeadcountRow[];
}

function emptyFigures(unit: string | null, years: readonly number[]): UnitFigures {
  const predikat = new Map<number, Record<PredikatCode, number>>();
  for (const y of years) predikat.set(y, { SB: 0, B: 0, BP: 0, K: 0, SK: 0 });
  const training = (): TrainingFigures => ({ employees: 0, recorded: 0, meeting: 0 });
  return {
    unit,
    employees: 0,
    jenis: { PNS: 0, CPNS: 0, PPPK: 0, unknown: 0 },
    predikat,
    jpm: { optimal: 0, cukup_optimal: 0, kurang_optimal: 0, none: 0 },
    training: { PNS: training(), PPPK: training() },
    hukuman: { ringan: 0, sedang: 0, berat: 0 },
    merits: new Float64Array(0),
    boxes: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 },
    ratedWithoutBox: 0,
    status: { complete: 0, incomplete: 0, unrated: 0 },
    missing: { level: 0, pendidikan: 0, golongan: 0, tmtCpns: 0, jenisPegawai: 0 },
  };
}

function asJenis(value: string | null): JenisPegawai | 'unknown' {
  return value === 'PNS' || value === 'CPNS' || value === 'PPPK' ? value : 'unknown';
}

function isHukuman(value: string): value is Hukuman {
  return (HUKUMAN_LEVELS as readonly string[]).includes(value);
}

/** The ranking pass of Y the year-dependent figures are counted from (see rankingPass). */
export interface ScoredYear {
  scored: RankStore;
  fold: AppraisalFold;
}

/**
 * Gathers the figures of year Y. `pass` is the ranking pass of Y: its store gives merit, box and
 * status, its appraisal fold the predikat of Y−1 and Y, the latest JPM, the JP and hukuman of Y —
 * the very values the merit was computed from, counted without reading the tables again. Null
 * when the database holds no appraisal (`year` null): only headcount and missing fields are counted.
 * `differences`: `differencesAt(db, T)` when the caller has it already (the report reads it once).
 */
export function gatherFigures(db: Db, year: number | null, pass: ScoredYear | null, model: MeritModel, differences?: DifferencesAt): Figures {
  const years = year === null ? [] : [year - 1, year];
  const byUnit = new Map<string | null, UnitFigures>();
  const all = emptyFigures(null, years);
  const canon = unitCanon(db);
  const figuresOf = (stored: string | null): UnitFigures[] => {
    const unit = canon.of(stored); // SPEC §1.3: one unit, one row
    let f = byUnit.get(unit);
    if (f === undefined) {
      f = emptyFigures(unit, years);
      byUnit.set(unit, f);
    }
    return [f, all];
  };

  const headcount = headcountRows(db);
  for (const row of unitJenisCounts(db)) {
    for (const f of figuresOf(row.unit)) {
      f.employees += row.employees;
      f.jenis[asJenis(row.jenis_pegawai)] += row.employees;
    }
  }
  for (const row of missingFieldCounts(db)) {
    for (const f of figuresOf(row.unit)) {
      f.missing.level += row.no_level;
      f.missing.pendidikan += row.no_pendidikan;
      f.missing.golongan += row.no_golongan;
      f.missing.tmtCpns += row.no_tmt_cpns;
      f.missing.jenisPegawai += row.no_jenis_pegawai;
    }
  }
  // SPEC §9: year Y counts the people in service at T = 31 December Y, in their state at T.
  if (year !== null) {
    for (const { current, atD } of differences ?? differencesAt(db, `${year}-12-31`)) {
      countPerson(current, -1, figuresOf, headcount);
      if (atD !== null) countPerson(atD, 1, figuresOf, headcount);
    }
  }
  if (year !== null && pass !== null) countYear(pass, year, model, figuresOf);
  const units = [...byUnit.values()].filter((u) => u.employees !== 0).sort((a, b) => (a.unit === null ? 1 : b.unit === null ? -1 : compareText(a.unit, b.unit)));
  return { all, units, headcount: headcount.filter((h) => h.employees !== 0) };
}

/** Adds (sign 1) or removes (−1) one person from the headcount and missing-field counts. */
function countPerson(e: CountedPerson, sign: 1 | -1, figuresOf: (unit: string | null) => UnitFigures[], headcount: HeadcountRow[]): void {
  for (const f of figuresOf(e.unit)) {
    f.employees += sign;
    f.jenis[asJenis(e.jenisPegawai)] += sign;
    if (e.level === null) f.missing.level += sign;
    if (e.pendidikan === null) f.missing.pendidikan += sign;
    if (e.golonganCode === null) f.missing.golongan += sign;
    if (e.tmtCpns === null) f.missing.tmtCpns += sign;
    if (e.jenisPegawai === null) f.missing.jenisPegawai += sign;
  }
  const row = headcount.find((h) => h.jenis_pegawai === e.jenisPegawai && h.golongan_code === e.golonganCode && h.level === e.level);
  if (row !== undefined) row.employees += sign;
  else headcount.push({ jenis_pegawai: e.jenisPegawai, golongan_code: e.golonganCode, level: e.level, employees: sign });
}

/**
 * The figures of year Y, employee by employee: ranking status, merit and box; predikat of Y−1
 * and Y; the latest JPM in years ≤ Y; the JP of Y against the target of the jenis pegawai
 * (PNS and CPNS count as PNS); hukuman disiplin imposed in Y.
 */
function countYear(pass: ScoredYear, year: number, model: MeritModel, figuresOf: (unit: string | null) => UnitFigures[]): void {
  const { scored, fold } = pass;
  const { merits, cursor } = meritSlots(scored, figuresOf);
  for (let i = 0; i < scored.size; i++) {
    const targets = figuresOf(scored.unit[i]!);
    const status = scored.status(i);
    const merit = scored.isRated(i) ? scored.merit[i]! : null;
    const box = scored.boxOf(i);
    const previous = fold.predikatOf(i, 1);
    const current = fold.predikatOf(i, 0);
    const jpm = fold.latestJpm(i);
    const category = jpm === null ? 'none' : jpmCategory(jpm);
    const jenis = scored.jenisPegawai(i);
    const group = jenis === null ? null : jenisGroup(jenis);
    const jp = fold.jpOfYear(i);
    const meetsTarget = jenis !== null && meetsJpTarget(jp, model.pengembangan.jpTarget[jenis]);
    const hukuman = fold.hukumanOfYear(i);
    if (merit !== null) {
      const at = cursor.get(scored.unit[i]!)!;
      merits[at.next++] = merit;
    }
    for (const f of targets) {
      f.status[status] += 1;
      if (merit !== null && box === null) f.ratedWithoutBox += 1;
      if (box !== null) f.boxes[box] = (f.boxes[box] ?? 0) + 1;
      if (previous !== null) f.predikat.get(year - 1)![previous] += 1;
      if (current !== null) f.predikat.get(year)![current] += 1;
      f.jpm[category] += 1;
      if (group !== null) {
        const t = f.training[group];
        t.employees += 1;
        if (jp !== null) t.recorded += 1;
        if (meetsTarget) t.meeting += 1;
      }
      if (hukuman !== null && isHukuman(hukuman)) f.hukuman[hukuman] += 1;
    }
  }
}

/**
 * One array for the merits of everyone rated, unit after unit: each unit's figures get a view
 * of their block, everyone's figures the whole array; returns where each unit's next merit goes.
 */
function meritSlots(
  scored: RankStore,
  figuresOf: (unit: string | null) => UnitFigures[],
): { merits: Float64Array; cursor: Map<string | null, { next: number }> } {
  const ratedIn = new Map<string | null, number>();
  let rated = 0;
  for (let i = 0; i < scored.size; i++) {
    if (!scored.isRated(i)) continue;
    const unit = scored.unit[i]!;
    ratedIn.set(unit, (ratedIn.get(unit) ?? 0) + 1);
    rated++;
  }
  const merits = new Float64Array(rated);
  const cursor = new Map<string | null, { next: number }>();
  let start = 0;
  for (const [unit, n] of ratedIn) {
    const [f, all] = figuresOf(unit) as [UnitFigures, UnitFigures];
    f.merits = merits.subarray(start, start + n);
    all.merits = merits;
    cursor.set(unit, { next: start });
    start += n;
  }
  return { merits, cursor };
}
