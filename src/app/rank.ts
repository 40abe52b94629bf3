/**
 * `asn rank` use case (SPEC §2–4): the evaluation year, the merit of every employee in the
 * population, the ranking per scope (all, or each unit with `--by unit`) with DUK order at
 * 31 December of Y breaking ties, and the 9-box. Returns a typed result that records the model
 * (name and hash) that produced it; never prints.
 */
import { compareDuk, dukKeyAt, type DukKey } from '../domain/duk.js';
import { golonganLabel } from '../domain/golongan.js';
import { COMPONENT_NAMES, computeMerit, type MeritResult, type MeritStatus } from '../domain/merit.js';
import { percentileOf } from '../domain/ranking.js';
import { meritKey } from '../domain/numbers.js';
import { talentBox, type TalentBoxResult } from '../domain/talent-box.js';
import type { Appraisal, Employee, JenisPegawai } from '../domain/types.js';
import { defaultModel, loadModel } from '../model/load.js';
import type { ComponentName, MeritModel } from '../model/model.js';
import { openDatabase, type Db } from '../db/open.js';
import {
  appraisalYearsPresent, dataPresent, iterateMeritInputs, latestAppraisalYear, unitNames, unitsMatching, yearHasAppraisals,
} from '../db/queries/merit-inputs.js';
import { InputError, UsageError } from '../shared/errors.js';
import { appraisalFromTuple, employeeFromTuple, levelsChanged } from './rank-inputs.js';

export interface RankRequest {
  db: string;
  /** Evaluation year Y; default the latest tahun in the appraisals (SPEC §2). */
  year?: number;
  /** Rank within each unit instead of across everyone (SPEC §3 "scope"). */
  byUnit: boolean;
  /** `--unit`: restrict the population (who is ranked) to these units; empty = everyone. */
  units: readonly string[];
  /** `--model FILE`: overrides any subset of the built-in model. */
  modelFile?: string;
}

/** Which model produced a result (SPEC §3: "a ranking result always records which model produced it"). */
export interface ModelInfo {
  name: string;
  /** SHA-256 hex of the merged model's canonical JSON. */
  hash: string;
  /** The `--model` file, null for the built-in model. */
  file: string | null;
}

/**
 * One employee's scores in year Y — compact (no rule texts, shared strings) so millions fit in
 * memory. `rank` and `percentile` are filled in place by `rankGroup`; null while unranked or unrated.
 */
export interface RankRow {
  nip: string;
  nama: string;
  unit: string | null;
  jenisPegawai: JenisPegawai | null;
  /** Label: `III/a` for PNS/CPNS, `IX` for PPPK. */
  golongan: string | null;
  level: number | null;
  status: MeritStatus;
  merit: number | null;
  /** merit rounded to 6 decimals (SPEC §2), computed once for sorting; null when unrated. */
  meritKey: number | null;
  components: Record<ComponentName, number | null>;
  coverage: number;
  box: number | null;
  /** DUK key at T = 31 December of Y (SPEC §2). */
  duk: DukKey;
  /** 1-based position in the scope; null when unrated. */
  rank: number | null;
  percentile: number | null;
}

/** A rated row: merit, rank and percentile always present. */
export type RankedRow = RankRow & { merit: number; meritKey: number; rank: number; percentile: number };

/** One scope: everyone (`all`), or one unit with `--by unit` (`unit` null = employees without a unit). */
export interface RankGroup {
  all: boolean;
  unit: string | null;
  /** Rated employees in rank order. */
  ranked: RankedRow[];
  /** Unrated employees in DUK order (shown with `--all`), rank and percentile null. */
  unrated: RankRow[];
}

export interface RankResult {
  model: ModelInfo;
  year: number;
  /** T = 31 December of Y, the date of the DUK order and service months (SPEC §2). */
  referenceDate: string;
  byUnit: boolean;
  /** The units the population was restricted to, as stored; empty = everyone. */
  units: string[];
  /** Whether the jabatan level was derived again with the model's own `levels` table. */
  levelsRederived: boolean;
  groups: RankGroup[];
  totals: { employees: number; complete: number; incomplete: number; unrated: number };
}

/** What a ranking run needs once the request is checked against the database. */
export interface RankContext {
  model: MeritModel;
  modelInfo: ModelInfo;
  year: number;
  referenceDate: string;
  units: string[];
  /** The model's level table when it differs from the built-in one, else null (use stored levels). */
  levels: MeritModel['levels'] | null;
}

/** Full detail of one employee, kept during the pass for `rank --explain`. */
export interface FocusDetail {
  employee: Employee;
  appraisals: Appraisal[];
  merit: MeritResult;
  box: TalentBoxResult;
}

const SHOWN_UNITS = 8;

/**
 * Checks the request against the database (SPEC §7 exit codes): an empty database is an input
 * problem (exit 3, import first); a year without appraisals or an unknown unit is a usage error
 * (exit 2) whose hint lists what exists.
 */
export function rankContext(db: Db, dbPath: string, request: RankRequest): RankContext {
  const loaded = loadModel(request.modelFile);
  const present = dataPresent(db);
  if (!present.employees) {
    throw new InputError(`the database ${dbPath} holds no employees`, 'import first: asn import personnel.csv appraisals.csv');
  }
  if (!present.appraisals) {
    throw new InputError(`the database ${dbPath} holds no appraisals, so there is nothing to rank`, 'import the appraisal file: asn import appraisals.csv');
  }
  const year = request.year ?? latestAppraisalYear(db);
  if (year === null || !yearHasAppraisals(db, year)) {
    const years = appraisalYearsPresent(db);
    throw new UsageError(`no appraisals for year ${String(year)}`, `years with appraisals: ${years.join(', ')}; e.g. asn rank --year ${years[years.length - 1] ?? ''}`);
  }
  return {
    model: loaded.model,
    modelInfo: { name: loaded.name, hash: loaded.hash, file: request.modelFile ?? null },
    year,
    referenceDate: `${year}-12-31`,
    units: resolveUnits(db, request.units),
    levels: levelsChanged(loaded.model, defaultModel()) ? loaded.model.levels : null,
  };
}

/** `--unit` values → the stored unit names (matched case-insensitively); an unknown unit is exit 2. */
function resolveUnits(db: Db, wanted: readonly string[]): string[] {
  const resolved = new Set<string>();
  for (const unit of wanted) {
    const matches = unitsMatching(db, unit.trim().replace(/\s+/g, ' '));
    if (matches.length === 0) {
      const names = unitNames(db);
      const shown = names.slice(0, SHOWN_UNITS).map((n) => `"${n}"`).join(', ');
      const more = names.length > SHOWN_UNITS ? ` and ${names.length - SHOWN_UNITS} more (asn status lists them)` : '';
      throw new UsageError(`no employee in unit "${unit}"`, `units: ${shown}${more}`);
    }
    for (const m of matches) resolved.add(m);
  }
  return [...resolved].sort(compareText);
}

/** Code-point order: the same on every machine, unlike localeCompare (SPEC §7 determinism). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One shared copy per distinct value: unit names and golongan labels repeat across millions of rows. */
function interner(): (value: string | null) => string | null {
  const seen = new Map<string, string>();
  return (value) => {
    if (value === null) return null;
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

/**
 * One streaming pass over the population: merit (SPEC §3), box (SPEC §4) and DUK key at T for
 * every employee. `focusNip`'s full breakdown is kept for `--explain`.
 */
export function scorePopulation(db: Db, ctx: RankContext, focusNip?: string): { scored: RankRow[]; focus: FocusDetail | null } {
  const scored: RankRow[] = [];
  let focus: FocusDetail | null = null;
  const shared = interner();
  const query = { maxYear: ctx.year, units: ctx.units, withPost: ctx.levels !== null };
  for (const input of iterateMeritInputs(db, query)) {
    const employee = employeeFromTuple(input.employee, ctx.levels);
    employee.unit = shared(employee.unit);
    const appraisals = input.appraisals.map((row) => appraisalFromTuple(employee.nip, row));
    // Rule texts only for the employee being explained; everyone else needs just the numbers.
    const merit = computeMerit(employee, appraisals, ctx.year, ctx.model, employee.nip === focusNip);
    const box = talentBox(appraisals, ctx.year, ctx.model);
    const educationRank = employee.pendidikan === null ? null : ctx.model.education[employee.pendidikan].rank;
    const components = {} as Record<ComponentName, number | null>;
    for (const name of COMPONENT_NAMES) components[name] = merit.components[name].value;
    scored.push({
      nip: employee.nip,
      nama: employee.nama,
      unit: employee.unit,
      jenisPegawai: employee.jenisPegawai,
      golongan: shared(golonganLabel(employee.golonganCode, employee.jenisPegawai)),
      level: employee.level,
      status: merit.status,
      merit: merit.merit,
      meritKey: merit.merit === null ? null : meritKey(merit.merit),
      components,
      coverage: merit.coverage,
      box: box.box,
      duk: dukKeyAt(employee, ctx.referenceDate, educationRank),
      rank: null,
      percentile: null,
    });
    if (employee.nip === focusNip) focus = { employee, appraisals, merit, box };
  }
  return { scored, focus };
}

/** Splits the population into scopes: one for everyone, or one per unit (units in code-point order, no unit last). */
export function scopesOf(scored: readonly RankRow[], byUnit: boolean): Array<{ all: boolean; unit: string | null; members: RankRow[] }> {
  if (!byUnit) return [{ all: true, unit: null, members: [...scored] }];
  const byKey = new Map<string | null, RankRow[]>();
  for (const s of scored) {
    const list = byKey.get(s.unit);
    if (list === undefined) byKey.set(s.unit, [s]);
    else list.push(s);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareText(a, b)));
  return keys.map((unit) => ({ all: false, unit, members: byKey.get(unit) ?? [] }));
}

function isRated(row: RankRow): row is RankedRow {
  return row.merit !== null && row.meritKey !== null;
}

/**
 * The order of compareByMerit (SPEC §3, src/domain/ranking.ts): merit desc compared at 6
 * decimals, ties by DUK order — with the 6-decimal key computed once per employee instead of
 * twice per comparison, which matters for millions of rows. test/unit/rank-group.test.ts checks
 * that the order equals rankScope's.
 */
export function compareRanked(a: RankedRow, b: RankedRow): number {
  return b.meritKey - a.meritKey || compareDuk(a.duk, b.duk);
}

/**
 * Ranks one scope (SPEC §3): merit desc at 6 decimals, ties by DUK order at T, then nip;
 * percentile (n − rank) ÷ (n − 1). Rank and percentile are written into the rows (no copies:
 * each row belongs to one scope). Unrated members follow in DUK order, without rank.
 */
export function rankGroup(scope: { all: boolean; unit: string | null; members: readonly RankRow[] }): RankGroup {
  const ranked = scope.members.filter(isRated).sort(compareRanked);
  ranked.forEach((row, index) => {
    row.rank = index + 1;
    row.percentile = percentileOf(index + 1, ranked.length);
  });
  const unrated = scope.members.filter((m) => !isRated(m)).sort((a, b) => compareDuk(a.duk, b.duk));
  return { all: scope.all, unit: scope.unit, ranked, unrated };
}

/** `asn rank`: the ranking of every scope. */
export function rankEmployees(request: RankRequest): RankResult {
  const db = openDatabase(request.db, 'read');
  try {
    const ctx = rankContext(db, request.db, request);
    const { scored } = scorePopulation(db, ctx);
    const count = (status: MeritStatus) => scored.filter((s) => s.status === status).length;
    const totals = { employees: scored.length, complete: count('complete'), incomplete: count('incomplete'), unrated: count('unrated') };
    const groups = scopesOf(scored, request.byUnit).map(rankGroup);
    return {
      model: ctx.modelInfo,
      year: ctx.year,
      referenceDate: ctx.referenceDate,
      byUnit: request.byUnit,
      units: ctx.units,
      levelsRederived: ctx.levels !== null,
      groups,
      totals,
    };
  } finally {
    db.close();
  }
}
