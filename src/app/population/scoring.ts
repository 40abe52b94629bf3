/**
 * Scoring the population (SPEC §2–4), shared by rank, audit and report: the request checked
 * against the database, the merit and box of every employee in compact columns, and the
 * orders (code-point text, merit then DUK) every use case sorts by. Never prints.
 */
import { dukKeyAt } from '../../domain/duk.js';
import { golonganLabel } from '../../domain/golongan.js';
import { COMPONENT_NAMES, computeMerit, meritScores, type MeritResult } from '../../domain/merit.js';
import { percentileOf } from '../../domain/ranking.js';
import { meritKey } from '../../domain/numbers.js';
import { talentBox, type TalentBoxResult } from '../../domain/talent-box.js';
import { EDUCATION_CODES, type Appraisal, type Employee } from '../../domain/types.js';
import { RankStore, RowList } from './score-store.js';
import { defaultModel, loadModel } from '../../model/load.js';
import type { ComponentName, MeritModel } from '../../domain/model.js';
import { openDatabase, type Db } from '../../db/open.js';
import {
  appraisalYearsPresent, countPopulation, dataPresent, latestAppraisalYear, scanAppraisalCodes, scanEmployees, setUnitExtraNips, unitNames, unitsMatching, yearHasAppraisals,
} from '../../db/queries/merit-inputs.js';
import { InputError, UsageError } from '../../shared/errors.js';
import { employeeFromTuple, levelsChanged } from './inputs.js';
import { APPRAISAL_CODES, AppraisalFold } from './appraisal-fold.js';
import { compactStateAt, levelOfModel, stateAt, type CompactStateAt } from '../history/state.js';
import { unitCanon } from '../units/canon.js';
import { unitKey } from '../../domain/unit-identity.js';
import { timelineAt } from '../../domain/history.js';

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

export type { RankRow, RankedRow } from './score-store.js';

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
    units: resolveUnitsAt(db, request.units, `${year}-12-31`),
    levels: levelsChanged(loaded.model, defaultModel()) ? loaded.model.levels : null,
  };
}

/** `--unit` values → the stored unit names (matched case-insensitively); an unknown unit is exit 2. */
export function resolveUnits(db: Db, wanted: readonly string[]): string[] {
  const resolved = new Set<string>();
  for (const unit of wanted) {
    // SPEC §1.3: --unit matches as units compare (NFC, case, spaces; the unit's other spellings).
    const wanted = unitKey(unit);
    const canon = unitCanon(db);
    const matches = [...new Set([...unitsMatching(db, unit.trim().replace(/\s+/g, ' ')), ...unitNames(db).filter((n) => unitKey(n) === wanted)]
      .flatMap((n) => canon.spellingsOf(n)))];
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

/**
 * `--unit` values → the stored unit names, as `resolveUnits`, where a unit that no current record
 * names is still known when someone's unit at `date` (SPEC §9: the post timeline's unit at T) is
 * that unit: a unit someone left, or that was renamed, after T.
 */
export function resolveUnitsAt(db: Db, wanted: readonly string[], date: string): string[] {
  const current = new Set(unitNames(db).map(unitKey));
  const known = wanted.filter((u) => current.has(unitKey(u)) || unitsMatching(db, u.trim().replace(/\s+/g, ' ')).length > 0);
  if (known.length === wanted.length) return resolveUnits(db, wanted);
  const atDate = unitsAt(db, date);
  const resolved = new Set(resolveUnits(db, known));
  const canon = unitCanon(db);
  for (const unit of wanted) {
    if (known.includes(unit)) continue;
    const names = atDate.get(unitKey(unit));
    if (names === undefined) resolveUnits(db, [unit]); // exit 2 with the list of units, as before
    for (const n of names ?? []) for (const spelling of canon.spellingsOf(n)) resolved.add(spelling);
  }
  return [...resolved].sort(compareText);
}

/** The units of the people whose unit at `date` may differ from their current one (SPEC §9), by unit key. */
function unitsAt(db: Db, date: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const h of stateAt(db, date).changed.values()) {
    const unit = timelineAt(h.timelines.posts, date)?.values.unit ?? null;
    if (unit === null) continue;
    const list = out.get(unitKey(unit)) ?? [];
    if (!list.includes(unit)) list.push(unit);
    out.set(unitKey(unit), list);
  }
  return out;
}

/** Code-point order: the same on every machine, unlike localeCompare (SPEC §7 determinism). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The population scored (SPEC §2–4) in three sequential passes, so that memory holds compact
 * arrays rather than objects and the database is read in storage order:
 * 1. employees: record and DUK key at T into the store;
 * 2. appraisals of years ≤ Y: folded per employee (window years, latest JPM, latest potensi);
 * 3. merit and box of each employee from the folded appraisals.
 * `focusNip`'s full breakdown is kept for `--explain`. The fold is returned too: the report
 * counts predikat, JPM, JP and hukuman per unit from it rather than reading the tables again.
 */
export function scorePopulation(db: Db, ctx: RankContext, focusNip?: string, shared?: CompactStateAt): { scored: RankStore; fold: AppraisalFold; focus: FocusDetail | null } {
  const size = countPopulation(db, ctx.units);
  const scored = new RankStore(size);
  // Education as an index into EDUCATION_CODES + 1 (0: none), a byte per employee.
  let pendidikan: Uint8Array<ArrayBuffer> = new Uint8Array(size);
  let focusEmployee: Employee | null = null;
  // SPEC §9: the people in service at T in their state at T (post, rank and status at T); with a
  // `--model` of its own level table, their levels at T derived again from the posts of then.
  // `shared`: the same state read already by the caller (the report's differences at T), used
  // when it is the state at T with the levels this ranking reads.
  const atT = shared !== undefined && shared.date === ctx.referenceDate && shared.storedLevels && ctx.levels === null
    ? shared
    : compactStateAt(db, ctx.referenceDate, levelOfModel(ctx.levels));
  // `--unit` selects by the unit at T: the people whose unit at T may differ from their current
  // one are read too, and kept when their unit at T is one of the units.
  const extraNips = ctx.units.length > 0 && atT.changed.size > 0;
  if (extraNips) setUnitExtraNips(db, atT.changed.keys());
  const wantedUnits = new Set(ctx.units);
  const wantedKeys = new Set(ctx.units.map(unitKey));
  const scan = { units: ctx.units, withPost: ctx.levels !== null, extraNips, ...(focusNip === undefined ? {} : { instansiOf: focusNip }) };
  // SPEC §1.3: one unit under one spelling, so `--by unit` never splits it.
  const canon = unitCanon(db);
  for (const tuple of scanEmployees(db, scan)) {
    const employee = atT.employeeAt(employeeFromTuple(tuple, ctx.levels));
    if (employee === null) continue;
    if (extraNips && atT.changed.has(employee.nip) && !(employee.unit !== null && (wantedUnits.has(employee.unit) || wantedKeys.has(unitKey(employee.unit))))) continue;
    if (canon.merges) employee.unit = canon.of(employee.unit);
    const educationRank = employee.pendidikan === null ? null : ctx.model.education[employee.pendidikan].rank;
    const i = scored.addEmployee({
      nip: employee.nip,
      nama: employee.nama,
      unit: employee.unit,
      jenisPegawai: employee.jenisPegawai,
      golongan: golonganLabel(employee.golonganCode, employee.jenisPegawai),
      level: employee.level,
      duk: dukKeyAt(employee, ctx.referenceDate, educationRank),
    });
    if (i === pendidikan.length) pendidikan = grownBytes(pendidikan); // rows added since the count
    pendidikan[i] = employee.pendidikan === null ? 0 : EDUCATION_CODES.indexOf(employee.pendidikan) + 1;
    if (employee.nip === focusNip) focusEmployee = employee;
  }
  const fold = new AppraisalFold(scored.size, ctx.year);
  const rowOf = scored.nipIndex();
  for (const row of scanAppraisalCodes(db, { units: ctx.units, maxYear: ctx.year, extraNips }, APPRAISAL_CODES)) {
    const i = rowOf.get(row[0]);
    if (i >= 0) fold.add(i, row);
  }
  let focus: FocusDetail | null = null;
  for (let i = 0; i < scored.size; i++) {
    const nip = scored.nip(i);
    const explain = nip === focusNip && focusEmployee !== null;
    // Only what the merit model reads (SPEC §3): jenis pegawai for the JP target, pendidikan for
    // kualifikasi; the full record only for the employee being explained.
    const employee: Employee = explain ? focusEmployee! : meritOnlyEmployee(nip, scored.jenisPegawai(i), EDUCATION_CODES[pendidikan[i]! - 1] ?? null);
    const appraisals = fold.appraisalsOf(i, nip);
    const box = talentBox(appraisals, ctx.year, ctx.model);
    if (explain) {
      const merit = computeMerit(employee, appraisals, ctx.year, ctx.model, true);
      focus = { employee, appraisals, merit, box };
    }
    const scores = meritScores(employee, appraisals, ctx.year, ctx.model);
    const components = {} as Record<ComponentName, number | null>;
    COMPONENT_NAMES.forEach((name, c) => {
      components[name] = scores.values[c]!;
    });
    scored.setScores(i, {
      status: scores.status,
      merit: scores.merit,
      meritKey: scores.merit === null ? null : meritKey(scores.merit),
      components,
      coverage: scores.coverage,
      box: box.box,
    });
  }
  return { scored, fold, focus };
}

function grownBytes(old: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(16, old.length * 2));
  next.set(old);
  return next;
}

/**
 * An Employee with only what computeMerit reads, for the numbers-only pass. Written out as a
 * literal: the same object made with a spread of the fixed fields took five times as long over
 * a million employees (V8 gives every spread object a slower shape).
 */
function meritOnlyEmployee(nip: string, jenisPegawai: Employee['jenisPegawai'], pendidikan: Employee['pendidikan']): Employee {
  return {
    nip, nama: '', jenisPegawai, golonganCode: null, tmtGolongan: null, tmtCpns: null, level: null,
    pendidikan, tahunLulus: null, tglLahir: null, unit: null, instansi: null,
  };
}

/**
 * The order of compareByMerit (SPEC §3, src/domain/ranking.ts): merit desc compared at 6
 * decimals, ties by DUK order — with the 6-decimal key computed once per employee, and the DUK
 * key packed into integers, which matters for millions of rows. test/unit/rank-group.test.ts
 * checks that the order equals rankScope's.
 */
export function compareRanked(store: RankStore, i: number, j: number): number {
  return store.meritKey[j]! - store.meritKey[i]! || store.compareDuk(i, j);
}

/** The members of one scope before ranking. */
export interface RankScope {
  all: boolean;
  unit: string | null;
  members: RowList;
}

/** One scope: everyone (`all`), or one unit with `--by unit` (`unit` null = employees without a unit). */
export interface RankGroup {
  all: boolean;
  unit: string | null;
  /** Rated employees in rank order. */
  ranked: RowList;
  /** Unrated employees in DUK order (shown with `--all`), rank and percentile null. */
  unrated: RowList;
}

/** Splits the population into scopes: one for everyone, or one per unit (units in code-point order, no unit last). */
export function scopesOf(store: RankStore, byUnit: boolean): RankScope[] {
  if (!byUnit) {
    const everyone = new Int32Array(store.size);
    for (let i = 0; i < store.size; i++) everyone[i] = i;
    return [{ all: true, unit: null, members: new RowList(store, everyone) }];
  }
  const byKey = new Map<string | null, number[]>();
  for (let i = 0; i < store.size; i++) {
    const unit = store.unit[i]!;
    const list = byKey.get(unit);
    if (list === undefined) byKey.set(unit, [i]);
    else list.push(i);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareText(a, b)));
  return keys.map((unit) => ({ all: false, unit, members: new RowList(store, Int32Array.from(byKey.get(unit) ?? [])) }));
}


/**
 * The rated and the unrated of `indices`, each in the given order. A function of its own: with
 * these loops in rankGroup, called once per unit, V8 ran the rest of nearly every call
 * unoptimized (--trace-deopt: a deopt per unit).
 */
function splitRated(store: RankStore, indices: ArrayLike<number>): [Int32Array, Int32Array] {
  let rated = 0;
  for (let k = 0; k < indices.length; k++) if (store.isRated(indices[k]!)) rated++;
  const ranked = new Int32Array(rated);
  const unrated = new Int32Array(indices.length - rated);
  let r = 0;
  let u = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (store.isRated(i)) ranked[r++] = i;
    else unrated[u++] = i;
  }
  return [ranked, unrated];
}

/**
 * Ranks one scope (SPEC §3): merit desc at 6 decimals, ties by DUK order at T, then nip;
 * percentile (n − rank) ÷ (n − 1). Rank and percentile are written into the store (each row
 * belongs to one scope). Unrated members follow in DUK order, without rank.
 */
export function rankGroup(scope: RankScope): RankGroup {
  const { store, indices } = scope.members;
  const [ranked, unrated] = splitRated(store, indices);
  const rated = ranked.length;
  ranked.sort((i, j) => compareRanked(store, i, j));
  ranked.forEach((i, index) => {
    store.rank[i] = index + 1;
    store.percentile[i] = percentileOf(index + 1, rated);
  });
  unrated.sort((i, j) => store.compareDuk(i, j));
  for (const i of unrated) {
    store.rank[i] = 0;
    store.percentile[i] = Number.NaN;
  }
  return { all: scope.all, unit: scope.unit, ranked: new RowList(store, ranked), unrated: new RowList(store, unrated) };
}

