/**
 * What `asn audit` reads before it audits any event (SPEC §5): the model, every promotion event
 * with the promoted employee's unit and instansi, and the stored unit names. The people are not
 * read here: each scope group (SPEC §5.2) is read when its events are audited (group.ts).
 */
import type { PoolOptions } from '../../domain/audit.js';
import type { Promotion } from '../../domain/types.js';
import { defaultModel, loadModel } from '../../model/load.js';
import type { MeritModel } from '../../domain/model.js';
import type { Db } from '../../db/open.js';
import { employeeInstansiCount, employeeUnits, eventTuples, latestPromotionYear, peopleReader } from '../../db/queries/audit-inputs.js';
import { AuditAppraisalStore } from './appraisals.js';
import { dataPresent } from '../../db/queries/merit-inputs.js';
import { InputError } from '../../shared/errors.js';
import type { GroupSource } from './group.js';
import { dayBefore, meritCache, promotionFromTuple, resolveUnitSpelling, unitSpellingsOf, type Person } from './population.js';
import type { ModelInfo } from '../population/scoring.js';
import { levelsChanged } from '../population/inputs.js';
import { everyHistory, personAt, type PersonHistory } from '../history/state.js';
import { promotedAsOf } from '../../db/queries/history.js';
import { unitCanon } from '../units/canon.js';
import { jabatanLevel } from '../../domain/jabatan-level.js';
import { FilteredMap } from '../../shared/key-filter.js';
import type { Employee } from '../../domain/types.js';

/** A promoted employee's personnel record as far as grouping the events needs it. */
export interface Placement {
  unit: string | null;
  instansi: string | null;
  /** The stored level (SPEC §1.5), for the level before of §5.1. */
  level: number | null;
  rowid: number;
}

/** Everything the audit of any one event needs; people are read per scope group through `source`. */
export interface AuditContext {
  model: MeritModel;
  modelInfo: ModelInfo;
  levelsRederived: boolean;
  /** Every promotion in the database (units resolved), ordered by tmt then nip. */
  events: Promotion[];
  /** The promoted NIPs that have a personnel row, with their unit and instansi. */
  placement: ReadonlyMap<string, Placement>;
  /** Every unit name stored for an employee. */
  units: readonly string[];
  meritOf: (person: Person, year: number) => number | null;
  /** Reads one scope group; usable while the database is open. */
  source: GroupSource;
  /** People whose post, rank or status changed at some date (SPEC §9), by NIP. */
  history: ReadonlyMap<string, PersonHistory>;
  /** NIPs of the people with history who were ever in a unit / instansi: read into its group. */
  movers: { unit: ReadonlyMap<string, string[]>; instansi: ReadonlyMap<string, string[]>; all: string[] };
}

/** Code-point order (locale-independent, SPEC §7 determinism). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Loads the model and every event; an empty database is an input problem (exit 3). Unit, instansi
 * and post names are shared strings (one copy per name, not per row): a national database has
 * hundreds of thousands of events in a few thousand units.
 */
export function loadAuditContext(db: Db, dbPath: string, modelFile: string | undefined): AuditContext {
  const loaded = loadModel(modelFile);
  if (!dataPresent(db).employees) {
    throw new InputError(`the database ${dbPath} holds no employees`, 'import first: asn import personnel.csv appraisals.csv promotions.csv');
  }
  if (latestPromotionYear(db) === null) {
    throw new InputError(`the database ${dbPath} holds no promotions, so there is nothing to audit`, 'import the promotion file: asn import promotions.csv');
  }
  const levels = levelsChanged(loaded.model, defaultModel()) ? loaded.model.levels : null;
  const units = employeeUnits(db);
  const spellings = unitSpellingsOf(units);
  // SPEC §1.3 unit identity: every unit under one spelling, in events, placements and timelines.
  const canon = unitCanon(db);
  const names = new Map<string, string>();
  const share = (name: string | null): string | null => {
    if (name === null) return null;
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  const placement = new Map<string, Placement>();
  // By employee rowid: a group's people are read with their rowid, and a number is a cheaper key.
  const byRowid = new Map<number, Promotion[]>();
  const events: Promotion[] = [];
  for (const row of eventTuples(db)) {
    const promotion = promotionFromTuple(row, levels);
    promotion.jabatanBaru = share(promotion.jabatanBaru) as string;
    promotion.unit = share(promotion.unit);
    // Promotions of a NIP without a personnel row are audited as skipped and never looked at again.
    const rowid = row[12];
    if (rowid !== null) {
      const own = byRowid.get(rowid);
      if (own === undefined) {
        byRowid.set(rowid, [promotion]);
        placement.set(promotion.nip, { unit: share(canon.of(row[9])), instansi: share(row[10]), level: row[11], rowid });
      } else {
        own.push(promotion);
      }
    }
    const unit = canon.of(resolveUnitSpelling(promotion.unit, spellings));
    // The same unit in the person's post timeline (their own promotions, SPEC §9) as in the event.
    promotion.unit = unit;
    events.push(promotion);
  }
  events.sort((a, b) => compareText(a.tmt, b.tmt) || compareText(a.nip, b.nip));
  // SPEC §9: promotions are entries of the post timeline (of the people with history, and of
  // everyone promoted: see memberLevelAt), with a promotion's unit as the event's.
  const history = everyHistory(db, levels === null ? null : (post) => jabatanLevel(post, levels).level);
  const asOf = promotedAsOf(db);
  for (const h of history.values()) {
    for (const e of h.timelines.posts) {
      if (e.source === 'promotion') e.values.unit = resolveUnitSpelling(e.values.unit, spellings);
      if (canon.merges) e.values.unit = canon.of(e.values.unit);
    }
  }
  const movers = moversOf(history);
  // Someone seen in one state only whose promotion names another unit than their record was in
  // that unit from the promotion on (SPEC §9): read into that unit's group too.
  for (const event of events) {
    const placed = placement.get(event.nip);
    if (event.unit === null || placed === undefined || placed.unit === event.unit || history.has(event.nip)) continue;
    const list = movers.unit.get(event.unit) ?? [];
    if (!list.includes(event.nip)) list.push(event.nip);
    movers.unit.set(event.unit, list);
  }
  // Asked for every person of every group read: the filters answer for those without (key-filter.ts).
  const historyByNip = new FilteredMap(history);
  const asOfByNip = new FilteredMap(asOf);
  return {
    history,
    movers,
    model: loaded.model,
    modelInfo: { name: loaded.name, hash: loaded.hash, file: modelFile ?? null },
    levelsRederived: levels !== null,
    events,
    placement,
    units,
    meritOf: meritCache(loaded.model),
    source: {
      db, read: peopleReader(db, levels !== null), model: loaded.model, levels,
      promotionsOf: (rowid) => byRowid.get(rowid) ?? [],
      historyOf: (nip) => historyByNip.get(nip) ?? null,
      asOfOf: (nip) => asOfByNip.get(nip) ?? null,
      unitOf: canon.of,
      spellingsOf: canon.spellingsOf,
    },
  };
}

/**
 * The scope group of an event whose NIP has a personnel row (SPEC §5.2): the event's unit, else
 * P's personnel unit (`unit`); P's instansi (`instansi`); one group for everyone (`all`, key '').
 * A null key is a group in which nobody is in scope.
 */
export function scopeKey(ctx: AuditContext, event: Promotion, scope: PoolOptions['scope']): string | null {
  if (scope === 'all') return '';
  const placed = ctx.placement.get(event.nip);
  // P's unit or instansi at D (SPEC §5.2, §9) when P's post changed at some date.
  const h = ctx.history.get(event.nip);
  const post = h === undefined ? null : personAt(placeholder(event.nip, placed), h, event.tmt).post;
  if (scope === 'unit') return event.unit ?? (post ? post.values.unit : placed?.unit) ?? null;
  return (post ? post.values.instansi : placed?.instansi) ?? null;
}

/**
 * P's level on the day before `tmt` from P's timeline (SPEC §5.1, §9), as `buildGroup` computes
 * it for a person with history; null without history or without a post then (the stored level holds).
 */
export function levelOnDayBefore(ctx: AuditContext, nip: string, tmt: string): number | null {
  const h = ctx.history.get(nip);
  if (h === undefined) return null;
  const placed = ctx.placement.get(nip);
  return personAt(placeholder(nip, placed), h, dayBefore(tmt)).post?.values.level ?? placed?.level ?? null;
}

/** A record with only what the post at D needs (unit, instansi, level from the timeline). */
function placeholder(nip: string, placed: Placement | undefined): Employee {
  return {
    nip, nama: '', jenisPegawai: null, golonganCode: null, tmtGolongan: null, tmtCpns: null, level: placed?.level ?? null,
    pendidikan: null, tahunLulus: null, tglLahir: null, unit: placed?.unit ?? null, instansi: placed?.instansi ?? null,
  };
}

/** For each unit and instansi, the people with history who were ever in it. */
function moversOf(history: ReadonlyMap<string, PersonHistory>): { unit: Map<string, string[]>; instansi: Map<string, string[]>; all: string[] } {
  const unit = new Map<string, string[]>();
  const instansi = new Map<string, string[]>();
  // Each person's entries are theirs only: a list's last NIP tells whether they are in it already.
  const add = (map: Map<string, string[]>, key: string | null, nip: string) => {
    if (key === null) return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [nip]);
    else if (list[list.length - 1] !== nip) list.push(nip);
  };
  for (const [nip, h] of history) {
    for (const { values } of h.timelines.posts) {
      add(unit, values.unit, nip);
      add(instansi, values.instansi, nip);
    }
  }
  return { unit, instansi, all: [...history.keys()] };
}

/** The events of a list by scope group, each group in the list's order; events of unknown NIPs are left out. */
export function groupByScope(ctx: AuditContext, events: readonly Promotion[], scope: PoolOptions['scope']): Map<string | null, Promotion[]> {
  const groups = new Map<string | null, Promotion[]>();
  for (const event of events) {
    if (!ctx.placement.has(event.nip)) continue;
    const key = scopeKey(ctx, event, scope);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [event]);
    else list.push(event);
  }
  return groups;
}

/**
 * Switches the context to appraisals read in one scan (appraisals.ts) when an audit reads
 * at least a quarter of the scope groups the database has, and so most of its people: there one
 * scan in storage order is cheaper than an index look-up per appraisal (issue 6, measured: at 1
 * million employees the per-unit reads took 4.8 s, the scan about 1 s). A small audit (`--unit`,
 * one event's detail) keeps reading unit by unit, which costs what it reads. Once per context.
 */
export function readAppraisalsInOneScan(ctx: AuditContext, groups: number, scope: PoolOptions['scope']): void {
  if (scanned.has(ctx) || ctx.events.length === 0) return;
  const total = scope === 'all' ? 1 : scope === 'unit' ? ctx.units.length : employeeInstansiCount(ctx.source.db);
  if (groups * 4 < total) return;
  scanned.add(ctx);
  const first = Number((ctx.events[0] as Promotion).tmt.slice(0, 4));
  const last = Number((ctx.events[ctx.events.length - 1] as Promotion).tmt.slice(0, 4));
  // Every event's years (see auditGroupEvents); each group still takes only its own.
  const store = AuditAppraisalStore.load(ctx.source.db, { from: first - 2, to: last - 1 });
  ctx.source.read = peopleReader(ctx.source.db, ctx.levelsRederived, (rowid, years) => store.of(rowid, years));
}

const scanned = new WeakSet<AuditContext>();
