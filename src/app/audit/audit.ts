/**
 * `asn audit` use case (SPEC §5): for every promotion event, the pool of people P could have been
 * compared with, their merit (Y = year(D) − 1) and DUK order at D, the flag and its severity, and
 * the summary overall and per unit with the sign test. Returns typed results that record the
 * model (name and hash) that produced them; never prints.
 *
 * Events are audited by scope group (SPEC §5.2: P's unit, P's instansi, or everyone): the people
 * of one group are read, its events audited, and the group dropped, so memory follows the largest
 * group, not the population. `--scope all` is one group by definition: it holds the whole
 * population (about 1.3 KB per employee read) and its time grows with population × event dates,
 * so it suits one instansi's database, not a national one. The results are kept in tmt, nip order.
 */
import {
  auditEvent, auditSkipReason, levelAt, levelBefore, noPoolReason, selectPool, summarizeAudit, summarizeByUnit, unauditedResult,
  type AuditEventResult, type AuditSummary, type Candidate, type LevelBefore, type PoolOptions,
} from '../../domain/audit.js';
import type { StatusReason } from '../../domain/audit-reason.js';
import type { Promotion } from '../../domain/types.js';
import { openDatabase } from '../../db/open.js';
import { UsageError } from '../../shared/errors.js';
import { compareText, groupByScope, levelOnDayBefore, loadAuditContext, readAppraisalsInOneScan, scopeKey, type AuditContext } from './context.js';
import { loadGroup } from './group.js';
import { unitKey } from '../../domain/unit-identity.js';
import { candidateAt, mayBeAtLevel, memberLevelAt, rivalAt, type Group, type Person } from './population.js';
import { poolCandidates, type PoolCandidates } from './pool.js';
import type { ModelInfo } from '../population/scoring.js';

export { loadAuditContext, type AuditContext } from './context.js';

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

/** The full picture of one event: the result, and — with `detail` — everyone who was or could have been in the pool. */
export interface EventAudit {
  row: AuditRow;
  promoted: Candidate | null;
  /** With detail: pool members (SPEC §5.2) with their merit; unrated ones leave the pool (§5.3). Without, empty (see row.ranked). */
  pool: Candidate[];
  /** With detail: people in scope at P's level before (or of unknown level) who failed a pool criterion. */
  excluded: Array<{ candidate: Candidate; reason: string }>;
  /** With detail: everyone read for the event's scope group, by NIP; empty without. */
  people: ReadonlyMap<string, Person>;
}

type AuditOptions = Pick<AuditRequest, 'scope' | 'eligibility' | 'margin'>;

const NOBODY: ReadonlyMap<string, Person> = new Map();
/** SPEC §7 status_reason of empty pools, per group (its PoolCandidates) and event key: many events share one. */
const noPoolReasons = new WeakMap<PoolCandidates, Map<string, StatusReason>>();
/** For events of a NIP without personnel row, which never look at a pool. */
const NO_DETAIL: PoolCandidates = { at: () => [] };

/**
 * The people an event's pool is drawn from (SPEC §5.2 scope) who may hold `level` at the event
 * date; an unknown unit or instansi holds nobody.
 */
function scopeMembers(group: Group, scope: PoolOptions['scope'], unit: string | null, instansi: string | null, level: number): readonly Person[] {
  if (scope === 'all') return mayBeAtLevel(group.index.all, level);
  const key = scope === 'unit' ? unit : instansi;
  const map = scope === 'unit' ? group.index.unit : group.index.instansi;
  return key === null ? [] : mayBeAtLevel(map.get(key), level);
}

/**
 * Candidates for P's pool at D (SPEC §5.2): the people of P's scope, other than P, whose level at
 * D is P's level before or unknown; `selectPool` applies the criteria. `make` builds each one:
 * `candidateAt` with the DUK key, or `rivalAt` without it when only the criteria are counted.
 */
function rivalsInScope<T>(
  group: Group, scope: PoolOptions['scope'], unit: string | null, person: Person, D: string, level: number,
  make: (member: Person, date: string, level: number | null) => T,
): T[] {
  const rivals: T[] = [];
  for (const member of scopeMembers(group, scope, unit, person.employee.instansi, level)) {
    if (member === person) continue;
    // Same test selectPool starts with, done first so that nobody at another level needs a DUK key.
    const at = memberLevelAt(member, D);
    if (at !== null && at !== level) continue;
    rivals.push(make(member, D, at));
  }
  return rivals;
}

/**
 * Audits one event (SPEC §5.1–5.6) within its loaded scope group (null when P has no personnel
 * row). With `pools` (the group's possible pool members by date) only the pool is built; without
 * (for `--event`) everyone in scope at P's level becomes a candidate, and the excluded are kept
 * with their reasons.
 */
function auditInGroup(ctx: AuditContext, group: Group | null, event: Promotion, opts: AuditOptions, pools: PoolCandidates | null): EventAudit {
  const detail = pools === null;
  const person = group?.people.get(event.nip);
  const meritYear = Number(event.tmt.slice(0, 4)) - 1;
  const unit = event.unit ?? person?.employee.unit ?? null;
  const own = person?.promotions.find((p) => p.event.tmt === event.tmt);
  const before: LevelBefore = own?.before ?? { level: null, source: null, reason: 'no personnel record for this NIP' };
  const extra = { nama: person?.employee.nama ?? null, levelBaru: event.levelBaru, levelBefore: before, meritYear };
  const people = detail && group !== null ? group.people : NOBODY;
  const skip = person === undefined ? 'no personnel record for this NIP' : auditSkipReason(event, before);
  if (group === null || person === undefined || skip !== null || before.level === null) {
    const row = { ...unauditedResult(event, unit, 'skipped', { skipReason: skip ?? 'previous level unknown' }), ...extra };
    return { row, promoted: null, pool: [], excluded: [], people };
  }

  const D = event.tmt;
  const levelBeforeP = before.level;
  const promoted = { ...candidateAt(person, D, levelBeforeP), merit: ctx.meritOf(person, meritYear), levelBefore: levelBeforeP };
  let everyone: Candidate[];
  if (pools !== null) {
    // Possible pool members with their merit, shared by the events of this date (pool.ts).
    everyone = pools.at(D, levelBeforeP, promoted.group).filter((c) => c.nip !== person.employee.nip);
  } else {
    everyone = rivalsInScope(group, opts.scope, unit, person, D, levelBeforeP, candidateAt);
  }
  const poolOptions = { scope: opts.scope, eligibility: opts.eligibility, eventUnit: event.unit };
  const selected = selectPool(promoted, everyone, D, poolOptions);
  const pool = selected.pool;
  // Candidates made for this event only get their merit here, in place.
  if (pools === null) for (const c of pool) c.merit = ctx.meritOf(group.people.get(c.nip) as Person, meritYear);
  let excluded: EventAudit['excluded'] = [];
  if (detail) {
    const byNip = new Map(everyone.map((c) => [c.nip, c]));
    excluded = selected.excluded.map((e) => ({ candidate: byNip.get(e.nip) as Candidate, reason: e.reason }));
  }
  // SPEC §7 status_reason of an empty pool: everyone in scope at P's level before and what they failed.
  // The shared candidates of `pools` hold only those who met the criteria, so the others are made here.
  const whyNoPool = (): StatusReason => {
    if (pools === null) return noPoolReason(promoted, everyone, D, poolOptions);
    // Events of one unit, date and level share the reason; P counts only when P is at that level on D too.
    const selfAtLevel = memberLevelAt(person, D) === levelBeforeP;
    const key = [D, levelBeforeP, promoted.group, unit, person.employee.instansi, selfAtLevel ? person.employee.nip : ''].join('\u0000');
    const cache = noPoolReasons.get(pools) ?? new Map<string, StatusReason>();
    noPoolReasons.set(pools, cache);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const rivals = rivalsInScope(group, opts.scope, unit, person, D, levelBeforeP, rivalAt);
    const reason = noPoolReason(promoted, rivals, D, poolOptions, (c) => ctx.meritOf(group.people.get(c.nip) as Person, meritYear));
    cache.set(key, reason);
    return reason;
  };
  const result = auditEvent({ event: { ...event, unit }, promoted, levelBefore: levelBeforeP, pool, margin: opts.margin, whyNoPool });
  return { row: { ...result, ...extra }, promoted, pool: detail ? pool : [], excluded, people };
}

/**
 * The levels before of events (SPEC §5.1) from the stored levels, computed as the group will
 * compute them; null when a `--model` derives the levels again, as the stored ones do not apply.
 */
function levelsBefore(ctx: AuditContext, events: readonly Promotion[]): number[] | null {
  if (ctx.levelsRederived) return null;
  const levels = new Set<number>();
  for (const event of events) {
    const placed = ctx.placement.get(event.nip);
    if (placed === undefined) continue;
    // P's personnel level on the day before D: with history, the timeline's, as the group computes it (SPEC §5.1, §9).
    const personnelLevel = levelOnDayBefore(ctx, event.nip, event.tmt) ?? placed.level;
    const level = levelBefore(event, ctx.source.promotionsOf(placed.rowid), personnelLevel).level;
    if (level !== null) levels.add(level);
  }
  return [...levels].sort((a, b) => a - b);
}

/**
 * Audits events of one scope group (same key under `opts.scope`), reading the group once. Without
 * `keepRanked` each row's `ranked` (pool ∪ {P} in merit order) is dropped as soon as the event is
 * audited, so a large `--scope instansi` or `all` run never holds every pool of its events.
 */
function auditGroupEvents(
  ctx: AuditContext, key: string | null, events: readonly Promotion[], opts: AuditOptions, detail: boolean, keepRanked: boolean,
  visit?: AuditVisitor,
): EventAudit[] {
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    const year = Number(e.tmt.slice(0, 4));
    first = Math.min(first, year);
    last = Math.max(last, year);
  }
  // Merit of Y = year(D) − 1 with its window Y − 1, and strict eligibility in year(D) − 2 (SPEC §3, §5.2–5.3).
  const years = { from: first - 2, to: last - 1 };
  // People with history who were ever in the scope are read too (SPEC §9: the pool at D).
  const movers = opts.scope === 'all' ? ctx.movers.all : key === null ? [] : (ctx.movers[opts.scope].get(key) ?? []);
  const group = loadGroup(ctx.source, { scope: opts.scope, key, nips: [...events.map((e) => e.nip), ...movers], years, levels: levelsBefore(ctx, events) });
  // The scope key is the same for every event of the group: P's unit or instansi (scopeKey).
  const pools = detail ? null : poolCandidates((level) => scopeMembers(group, opts.scope, key, key, level), ctx.meritOf, opts.eligibility === 'strict');
  return events.map((e) => {
    const audit = auditInGroup(ctx, group, e, opts, pools);
    visit?.(audit.row);
    return keepRanked ? audit : { ...audit, row: { ...audit.row, ranked: [] } };
  });
}

/**
 * Sees each audited event with its pool ∪ {P} (`ranked`) before `ranked` is dropped: the
 * fairness figures (SPEC §12) count the candidates of every event without keeping every pool.
 */
export type AuditVisitor = (row: AuditRow) => void;

/**
 * Every event of `events` audited, in the same order, reading each scope group once. `ranked`
 * is kept only with `keepRanked`: the report lists the pools, `asn audit` does not.
 */
export function auditEvents(ctx: AuditContext, events: readonly Promotion[], opts: AuditOptions, keepRanked: boolean, visit?: AuditVisitor): AuditRow[] {
  const rows = new Map<Promotion, AuditRow>();
  const groups = groupByScope(ctx, events, opts.scope);
  readAppraisalsInOneScan(ctx, groups.size, opts.scope);
  for (const [key, members] of groups) {
    const audits = auditGroupEvents(ctx, key, members, opts, false, keepRanked, visit);
    members.forEach((event, i) => rows.set(event, (audits[i] as EventAudit).row));
  }
  return events.map((event) => rows.get(event) ?? auditInGroup(ctx, null, event, opts, NO_DETAIL).row);
}

/**
 * Audits one event (SPEC §5.1–5.6) by reading its scope group; with `detail` (for `--event`)
 * the pool and the excluded are kept as candidates too, and the people of the group are
 * returned. For many events use `auditEvents`, which reads each group once.
 */
export function auditOne(ctx: AuditContext, event: Promotion, opts: AuditOptions, detail = false): EventAudit {
  if (!ctx.placement.has(event.nip)) return auditInGroup(ctx, null, event, opts, detail ? null : NO_DETAIL);
  return auditGroupEvents(ctx, scopeKey(ctx, event, opts.scope), [event], opts, detail, true)[0] as EventAudit;
}

/** `--unit` values → the unit names of the events (case-insensitive); a unit nobody has is exit 2. */
function resolveUnitFilter(ctx: AuditContext, wanted: readonly string[]): string[] {
  const known = new Map<string, string[]>();
  const add = (unit: string | null) => {
    if (unit === null) return;
    const list = known.get(unitKey(unit)) ?? [];
    if (!list.includes(unit)) known.set(unitKey(unit), [...list, unit]);
  };
  for (const e of ctx.events) add(e.unit ?? ctx.placement.get(e.nip)?.unit ?? null);
  for (const unit of ctx.units) add(unit);
  // A unit only the history names (someone's unit at some date, SPEC §9) is a unit too.
  for (const h of ctx.history.values()) for (const entry of h.timelines.posts) add(entry.values.unit);
  const resolved = new Set<string>();
  for (const unit of wanted) {
    const matches = known.get(unitKey(unit));
    if (matches === undefined) {
      const names = [...known.values()].flat().sort(compareText);
      throw new UsageError(`no unit "${unit}" in the database`, `units: ${names.map((n) => `"${n}"`).join(', ')}`);
    }
    for (const m of matches) resolved.add(m);
  }
  return [...resolved].sort(compareText);
}

/** `asn audit`: every selected event, and the summaries. */
export function auditPromotions(request: AuditRequest, visit?: AuditVisitor): AuditResult {
  const db = openDatabase(request.db, 'read');
  try {
    const ctx = loadAuditContext(db, request.db, request.modelFile);
    const units = resolveUnitFilter(ctx, request.units);
    const selected = ctx.events.filter((e) => {
      if (request.from !== undefined && e.tmt < request.from) return false;
      if (request.to !== undefined && e.tmt > request.to) return false;
      if (units.length === 0) return true;
      const unit = e.unit ?? ctx.placement.get(e.nip)?.unit ?? null;
      return unit !== null && units.includes(unit);
    });
    const events = auditEvents(ctx, selected, request, false, visit);
    return auditResultOf(ctx, events, {
      scope: request.scope, margin: request.margin, eligibility: request.eligibility,
      from: request.from ?? null, to: request.to ?? null, units,
    });
  } finally {
    db.close();
  }
}

/** The result of auditing `events` of a loaded context: the events with the SPEC §5 summaries. */
export function auditResultOf(ctx: AuditContext, events: AuditRow[], settings: AuditSettings): AuditResult {
  return {
    model: ctx.modelInfo,
    settings,
    levelsRederived: ctx.levelsRederived,
    totalEvents: ctx.events.length,
    events,
    overall: summarizeAudit(events),
    byUnit: summarizeByUnit(events),
  };
}
