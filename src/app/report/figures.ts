/**
 * The figures of SPEC §6 gathered per unit and over everyone, once, for the `summary` and
 * `unit` reports: headcount, predikat of Y and Y−1, 9-box counts, JPM categories, training
 * compliance, hukuman disiplin, merit distribution, ranking status and missing fields.
 * Counting comes from src/db/queries/report.ts, merit and box from the ranking pass (rank.ts),
 * so every number equals what `asn rank` shows for the same database.
 */
import { jenisGroup } from '../../domain/duk.js';
import { jpmCategory, meetsJpTarget, type JpmCategory } from '../../domain/report-figures.js';
import { PREDIKAT_CODES, type JenisGroup, type JenisPegawai, type PredikatCode } from '../../domain/types.js';
import type { MeritModel } from '../../model/model.js';
import type { Db } from '../../db/open.js';
import {
  headcountRows, hukumanCounts, jpCounts, latestJpmCounts, missingFieldCounts, predikatCounts, type HeadcountRow,
} from '../../db/queries/report.js';
import { compareText, type RankRow } from '../rank.js';

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
  /** Merit of the rated, unrounded, for the distribution and histogram. */
  merits: number[];
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
    merits: [],
    boxes: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 },
    ratedWithoutBox: 0,
    status: { complete: 0, incomplete: 0, unrated: 0 },
    missing: { level: 0, pendidikan: 0, golongan: 0, tmtCpns: 0, jenisPegawai: 0 },
  };
}

function asJenis(value: string | null): JenisPegawai | 'unknown' {
  return value === 'PNS' || value === 'CPNS' || value === 'PPPK' ? value : 'unknown';
}

function isPredikat(value: string): value is PredikatCode {
  return (PREDIKAT_CODES as readonly string[]).includes(value);
}

function isHukuman(value: string): value is Hukuman {
  return (HUKUMAN_LEVELS as readonly string[]).includes(value);
}

/**
 * Gathers the figures of year Y. `scored` is the ranking pass of Y (empty when the database
 * holds no appraisal, with `year` null: only headcount and missing fields are counted).
 */
export function gatherFigures(db: Db, year: number | null, scored: Iterable<RankRow>, model: MeritModel): Figures {
  const years = year === null ? [] : [year - 1, year];
  const byUnit = new Map<string | null, UnitFigures>();
  const all = emptyFigures(null, years);
  const figuresOf = (unit: string | null): UnitFigures[] => {
    let f = byUnit.get(unit);
    if (f === undefined) {
      f = emptyFigures(unit, years);
      byUnit.set(unit, f);
    }
    return [f, all];
  };

  const headcount = headcountRows(db);
  for (const row of headcount) {
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
  if (year !== null) countYear(db, year, years, model, figuresOf);
  for (const row of scored) {
    for (const f of figuresOf(row.unit)) {
      f.status[row.status] += 1;
      if (row.merit !== null) {
        f.merits.push(row.merit);
        if (row.box === null) f.ratedWithoutBox += 1;
      }
      if (row.box !== null) f.boxes[row.box] = (f.boxes[row.box] ?? 0) + 1;
    }
  }
  const units = [...byUnit.values()].sort((a, b) => (a.unit === null ? 1 : b.unit === null ? -1 : compareText(a.unit, b.unit)));
  return { all, units, headcount };
}

/** The counts that depend on year Y: predikat of Y−1 and Y, latest JPM, JP of Y, hukuman of Y. */
function countYear(
  db: Db,
  year: number,
  years: readonly number[],
  model: MeritModel,
  figuresOf: (unit: string | null) => UnitFigures[],
): void {
  for (const row of predikatCounts(db, years)) {
    if (!isPredikat(row.predikat)) continue;
    for (const f of figuresOf(row.unit)) {
      const counts = f.predikat.get(row.tahun);
      if (counts !== undefined) counts[row.predikat] += row.employees;
    }
  }
  for (const row of latestJpmCounts(db, year)) {
    const category = row.value === null ? 'none' : jpmCategory(row.value);
    for (const f of figuresOf(row.unit)) f.jpm[category] += row.employees;
  }
  for (const row of jpCounts(db, year)) {
    const jenis = asJenis(row.jenis_pegawai);
    const group = jenis === 'unknown' ? null : jenisGroup(jenis);
    if (group === null) continue;
    const target = model.pengembangan.jpTarget[jenis as JenisPegawai];
    for (const f of figuresOf(row.unit)) {
      const t = f.training[group];
      t.employees += row.employees;
      if (row.jp !== null) t.recorded += row.employees;
      if (meetsJpTarget(row.jp, target)) t.meeting += row.employees;
    }
  }
  for (const row of hukumanCounts(db, year)) {
    if (!isHukuman(row.hukuman)) continue;
    for (const f of figuresOf(row.unit)) f.hukuman[row.hukuman] += row.employees;
  }
}
