/**
 * `asn audit` use case (SPEC §5): for every promotion event, the pool of people P could have been
 * compared with, their merit (Y = year(D) − 1) and DUK order at D, the flag and its severity, and
 * the summary overall and per unit with the sign test. Returns typed results that record the
 * model (name and hash) that produced them; never prints.
 */
import {
  auditEvent, auditSkipReason, levelAt, selectPool, summarizeAudit, summarizeByUnit, unauditedResult,
  type AuditEventResult, type AuditSummary, type Candidate, type LevelBefore, type PoolOptions,
} from '../domain/audit.js';
import type { Promotion } from '../domain/types.js';
import { defaultModel, loadModel } from '../model/load.js';
import type { MeritModel } from '../model/model.js';
import { openDatabase, type Db } from '../db/open.js';
import { latestPromotionYear, promotionTuples } from '../db/queries/audit-inputs.js';
import { dataPresent, iterateMeritInputs } from '../db/queries/merit-inputs.js';
import { InputError, UsageError } from '../shared/errors.js';
import {
  buildPopulation, candidateAt, mayBeAtLevel, meritCache, promotionFromTuple, resolveUnitSpelling, type Person, type Population,
} from './audit-population.js';
import type { ModelInfo } from './rank.js';
import { appraisalFromTuple, employeeFromTuple, levelsChanged } from './rank-inputs.js';

export interface AuditRequest {
  db: string;
  /** Who the pool is drawn from (SPEC §5.2): P's unit (default), P's instansi, or everyone. */
  scope: PoolOptions['scope'];
  /** Merit points a passed-over candidate must lead by (SPEC §5.5), ≥ 0. */
  margin: number;
  eligibility: PoolOptions['eligibility'];
  /** Events with tmt ≥ from / ≤ to (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** Only events of these units (case-insensitive); empty = every unit. */
  units: readonly string[];
  modelFile?: string;
}

/** The settings a result was made with, as printed in its header line. */
export interface AuditSettings {
  scope: PoolOptions['scope'];
  margin: number;
  eligibility: PoolOptions['eligibility'];
  from: string | null;
  to: string | null;
  /** `--unit` values resolved to the unit names as stored. */
  units: string[];
}

/** One audited (or unaudited) event with what an analyst needs to read it. */
export interface AuditRow extends AuditEventResult {
  nama: string | null;
  levelBaru: number | null;
  levelBefore: LevelBefore;
  /** Y = year(D) − 1, the merit year (SPEC §5.3). */
  meritYear: number;
}

export interface AuditResult {
  model: ModelInfo;
  settings: AuditSettings;
  /** Whether the jabatan levels were derived again with the model's own `levels` table. */
  levelsRederived: boolean;
  /** Promotion events in the database, before --from / --to / --unit. */
  totalEvents: number;
  /** The selected events, ordered by tmt then nip. */
  events: AuditRow[];
  overall: AuditSummary;
  byUnit: Array<{ unit: string | null; summary: AuditSummary }>;
}

/** Everything the audit of any one event needs, loaded once. */
export interface AuditContext {
  model: MeritModel;
  modelInfo: ModelInfo;
  levelsRederived: boolean;
  population: Population;
  /** Every promotion in the database (units resolved), ordered by tmt then nip. */
  events: Promotion[];
  meritOf: (person: Person, year: number) => number | null;
}

/** The full picture of one event: the result, and everyone who was or could have been in the pool. */
export interface EventAudit {
  row: AuditRow;
  promoted: Candidate | null;
  /** Pool members (SPEC §5.2) with their merit; unrated ones leave the pool (§5.3). */
  pool: Candidate[];
  /** People in scope at P's level before (or of unknown level) who failed a pool criterion. */
  excluded: Array<{ candidate: Candidate; reason: string }>;
}

/** Code-point order (locale-independent, SPEC §7 determinism). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Loads the model, the population and every event; an empty database is an input problem (exit 3). */
export function loadAuditContext(db: Db, dbPath: string, modelFile: string | undefined): AuditContext {
  const loaded = loadModel(modelFile);
  if (!dataPresent(db).employees) {
    throw new InputError(`the database ${dbPath} holds no employees`, 'import first: asn import personnel.csv appraisals.csv promotions.csv');
  }
  const lastYear = latestPromotionYear(db);
  if (lastYear === null) {
    throw new InputError(`the database ${dbPath} holds no promotions, so there is nothing to audit`, 'import the promotion file: asn import promotions.csv');
  }
  const levels = levelsChanged(loaded.model, defaultModel()) ? loaded.model.levels : null;
  const promotions = promotionTuples(db).map((row) => promotionFromTuple(row, levels));
  // Nothing in SPEC §5 reads an appraisal after year(D) − 1.
  const query = { maxYear: lastYear - 1, units: [], withPost: levels !== null };
  const employees = (function* () {
    for (const input of iterateMeritInputs(db, query)) {
      const employee = employeeFromTuple(input.employee, levels);
      yield { employee, appraisals: input.appraisals.map((row) => appraisalFromTuple(employee.nip, row)) };
    }
  })();
  const population = buildPopulation(employees, promotions, loaded.model);
  const events = promotions
    .map((e) => ({ ...e, unit: resolveUnitSpelling(e.unit, population.unitSpellings) }))
    .sort((a, b) => compareText(a.tmt, b.tmt) || compareText(a.nip, b.nip));
  return {
    model: loaded.model,
    modelInfo: { name: loaded.name, hash: loaded.hash, file: modelFile ?? null },
    levelsRederived: levels !== null,
    population,
    events,
    meritOf: meritCache(loaded.model),
  };
}

/**
 * The people an event's pool is drawn from (SPEC §5.2 scope) who may hold `level` at the event
 * date; an unknown unit or instansi holds nobody.
 */
function scopeMembers(population: Population, scope: PoolOptions['scope'], unit: string | null, instansi: string | null, level: number): readonly Person[] {
  if (scope === 'all') return mayBeAtLevel(population.index.all, level);
  const key = scope === 'unit' ? unit : instansi;
  const map = scope === 'unit' ? population.index.unit : population.index.instansi;
  return key === null ? [] : mayBeAtLevel(map.get(key), level);
}

/** Audits one event (SPEC §5.1–5.6); with `detail` (for `--event`) the excluded are kept as candidates too. */
export function auditOne(ctx: AuditContext, event: Promotion, opts: Pick<AuditRequest, 'scope' | 'eligibility' | 'margin'>, detail = false): EventAudit {
  const person = ctx.population.people.get(event.nip);
  const meritYear = Number(event.tmt.slice(0, 4)) - 1;
  const unit = event.unit ?? person?.employee.unit ?? null;
  const own = person?.promotions.find((p) => p.event.tmt === event.tmt);
  const before: LevelBefore = own?.before ?? { level: null, source: null, reason: 'no personnel record for this NIP' };
  const extra = { nama: person?.employee.nama ?? null, levelBaru: event.levelBaru, levelBefore: before, meritYear };
  const skip = person === undefined ? 'no personnel record for this NIP' : auditSkipReason(event, before);
  if (person === undefined || skip !== null || before.level === null) {
    const row = { ...unauditedResult(event, unit, 'skipped', { skipReason: skip ?? 'previous level unknown' }), ...extra };
    return { row, promoted: null, pool: [], excluded: [] };
  }

  const D = event.tmt;
  const levelBeforeP = before.level;
  const promoted = { ...candidateAt(person, D, levelBeforeP), merit: ctx.meritOf(person, meritYear), levelBefore: levelBeforeP };
  const everyone: Candidate[] = [];
  for (const member of scopeMembers(ctx.population, opts.scope, unit, person.employee.instansi, levelBeforeP)) {
    if (member === person) continue;
    // Same test selectPool starts with, done first so that nobody at another level needs a DUK key.
    const level = levelAt(D, member.levelHistory, member.employee.level);
    if (level !== null && level !== levelBeforeP) continue;
    everyone.push(candidateAt(member, D, level));
  }
  const selected = selectPool(promoted, everyone, D, { scope: opts.scope, eligibility: opts.eligibility, eventUnit: event.unit });
  const pool = selected.pool;
  // The candidates were made for this event only, so their merit is filled in place.
  for (const c of pool) c.merit = ctx.meritOf(ctx.population.people.get(c.nip) as Person, meritYear);
  let excluded: EventAudit['excluded'] = [];
  if (detail) {
    const byNip = new Map(everyone.map((c) => [c.nip, c]));
    excluded = selected.excluded.map((e) => ({ candidate: byNip.get(e.nip) as Candidate, reason: e.reason }));
  }
  const result = auditEvent({ event: { ...event, unit }, promoted, levelBefore: levelBeforeP, pool, margin: opts.margin });
  return { row: { ...result, ...extra }, promoted, pool, excluded };
}

/** `--unit` values → the unit names of the events (case-insensitive); a unit nobody has is exit 2. */
function resolveUnitFilter(ctx: AuditContext, wanted: readonly string[]): string[] {
  const known = new Map<string, string[]>();
  const add = (unit: string | null) => {
    if (unit === null) return;
    const list = known.get(unit.toUpperCase()) ?? [];
    if (!list.includes(unit)) known.set(unit.toUpperCase(), [...list, unit]);
  };
  for (const e of ctx.events) add(e.unit ?? ctx.population.people.get(e.nip)?.employee.unit ?? null);
  for (const unit of ctx.population.byUnit.keys()) add(unit);
  const resolved = new Set<string>();
  for (const unit of wanted) {
    const matches = known.get(unit.trim().replace(/\s+/g, ' ').toUpperCase());
    if (matches === undefined) {
      const names = [...known.values()].flat().sort(compareText);
      throw new UsageError(`no unit "${unit}" in the database`, `units: ${names.map((n) => `"${n}"`).join(', ')}`);
    }
    for (const m of matches) resolved.add(m);
  }
  return [...resolved].sort(compareText);
}

/** `asn audit`: every selected event, and the summaries. */
export function auditPromotions(request: AuditRequest): AuditResult {
  const db = openDatabase(request.db, 'read');
  try {
    const ctx = loadAuditContext(db, request.db, request.modelFile);
    const units = resolveUnitFilter(ctx, request.units);
    const selected = ctx.events.filter((e) => {
      if (request.from !== undefined && e.tmt < request.from) return false;
      if (request.to !== undefined && e.tmt > request.to) return false;
      if (units.length === 0) return true;
      const unit = e.unit ?? ctx.population.people.get(e.nip)?.employee.unit ?? null;
      return unit !== null && units.includes(unit);
    });
    // `ranked` (pool ∪ {P} in merit order) is for --event only: dropped here so that a large
    // --scope instansi run does not keep every pool of every event in memory.
    const events = selected.map((e) => ({ ...auditOne(ctx, e, request).row, ranked: [] }));
    return {
      model: ctx.modelInfo,
      settings: {
        scope: request.scope, margin: request.margin, eligibility: request.eligibility,
        from: request.from ?? null, to: request.to ?? null, units,
      },
      levelsRederived: ctx.levelsRederived,
      totalEvents: ctx.events.length,
      events,
      overall: summarizeAudit(events),
      byUnit: summarizeByUnit(events),
    };
  } finally {
    db.close();
  }
}
