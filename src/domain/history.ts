/**
 * The state at a date D (SPEC §9), pure. Each person has three timelines (post, rank, status);
 * each entry has the date it holds from (`validFrom`, `YYYY-MM-DD`) and a priority that orders
 * entries of the same date: riwayat rows (3) beat promotion events (2), which beat snapshot
 * versions (1).
 *
 * - The post timeline holds riwayat-jabatan rows, promotion events (`withPromotions`) and
 *   snapshot versions; the rank timeline riwayat-golongan rows and snapshot versions.
 * - The state of a timeline at D is its latest entry dated ≤ D; a field that entry lacks (a
 *   promotion without a unit) comes from the latest earlier entry that has it.
 * - With no entry dated ≤ D the value is *assumed*: the level is the level before
 *   (`eselon_asal`/`jabatan_asal`) of the earliest promotion after D when given, else the level of
 *   the earliest entry (see `timelineAt` for a promotion that precedes every other entry); every
 *   other field is that of the earliest entry that is not a promotion.
 * - A status timeline with no entry ≤ D means active.
 * - In service at D: `tmt_cpns` ≤ D (or unknown) and the status at D is not left; active: in
 *   service and not inactive.
 */
import type { ServiceStatus } from './kedudukan.js';

export type EntrySource = 'riwayat' | 'promotion' | 'snapshot';

/** Same-date order (SPEC §9): riwayat beats promotion beats snapshot. */
export const PRIORITY: Record<EntrySource, number> = { snapshot: 1, promotion: 2, riwayat: 3 };

export interface Provenance {
  source: EntrySource;
  /** The file and line the entry came from; null for a migrated database's first snapshot line. */
  file: string | null;
  line: number | null;
}

export interface TimelineEntry<V> extends Provenance {
  validFrom: string;
  priority: number;
  values: V;
  /** A promotion's level before (`eselon_asal`/`jabatan_asal`), when the file gave it. */
  levelBefore?: number | null;
}

export interface PostValues {
  level: number | null;
  jabatan: string | null;
  jenisJabatan: string | null;
  eselon: string | null;
  unit: string | null;
  unorId: string | null;
  instansi: string | null;
}

export interface RankValues {
  golongan: string | null;
  golonganCode: number | null;
  tmtGolongan: string | null;
}

export interface StatusValues {
  status: ServiceStatus;
  reason: string | null;
}

/** A value of the state at D with where it came from; `assumed` when no entry was dated ≤ D. */
export interface StateAt<V> {
  values: V;
  assumed: boolean;
  /** The entry chosen (for `audit --event` and `history --at`), null only for a default status. */
  from: (Provenance & { validFrom: string }) | null;
}

/** Entries in timeline order: by date, then priority (the last of a date wins). */
export function compareEntries(a: { validFrom: string; priority: number }, b: { validFrom: string; priority: number }): number {
  return a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.priority - b.priority;
}

/** Index of the latest entry dated ≤ date in sorted entries, −1 when none. */
export function indexAt(entries: ReadonlyArray<{ validFrom: string }>, date: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.validFrom <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function provenanceOf<V>(e: TimelineEntry<V>): Provenance & { validFrom: string } {
  return { source: e.source, file: e.file, line: e.line, validFrom: e.validFrom };
}

/** A promotion event as a post timeline entry (SPEC §9: `tmt`; unit when the file has one). */
export interface PromotionPost {
  tmt: string;
  levelBaru: number | null;
  levelAsal: number | null;
  jabatanBaru: string | null;
  eselonBaru: string | null;
  unit: string | null;
  file: string | null;
  line: number | null;
}

export function promotionEntry(p: PromotionPost): TimelineEntry<PostValues> {
  return {
    validFrom: p.tmt, priority: PRIORITY.promotion, source: 'promotion', file: p.file, line: p.line, levelBefore: p.levelAsal,
    values: { level: p.levelBaru, jabatan: p.jabatanBaru, jenisJabatan: null, eselon: p.eselonBaru, unit: p.unit, unorId: null, instansi: null },
  };
}

/** Post entries with promotion events merged in, sorted with `compareEntries` (stable: equal entries keep their order). */
export function withPromotions(posts: ReadonlyArray<TimelineEntry<PostValues>>, promotions: readonly PromotionPost[]): Array<TimelineEntry<PostValues>> {
  return [...posts, ...promotions.map(promotionEntry)].sort(compareEntries);
}

/** The fields a promotion describes itself: its new post, with `null` meaning none (never filled from another entry). */
const PROMOTION_OWN = new Set(['level', 'jabatan', 'jenisJabatan', 'eselon']);

/**
 * The state of a post or rank timeline at D (sorted with `compareEntries`); null when the
 * timeline is empty.
 *
 * With no entry dated ≤ D (assumed), the values are those of the earliest entry that is not a
 * promotion (a promotion says what the post became, not what it was), and the level is the
 * level before (`levelBefore`) of the earliest promotion when given; else, when that promotion
 * precedes every other entry, the other entry's level if it is lower than the promotion's new
 * level (it is then the level before, as in SPEC §5.1), else unknown; else the earliest entry's.
 */
export function timelineAt<V extends object>(entries: ReadonlyArray<TimelineEntry<V>>, date: string): StateAt<V> | null {
  if (entries.length === 0) return null;
  const at = indexAt(entries, date);
  if (at < 0) {
    const base = assumedBase(entries);
    const values = { ...base.values };
    if ('level' in values) (values as { level: number | null }).level = assumedLevel(entries as ReadonlyArray<TimelineEntry<{ level: number | null }>>, base as TimelineEntry<{ level: number | null }>);
    return { values, assumed: true, from: provenanceOf(base) };
  }
  const chosen = entries[at]!;
  const values = { ...chosen.values } as Record<string, unknown>;
  // A field the chosen entry lacks comes from the latest earlier entry that has it; when no
  // earlier entry has it (a riwayat row without a unit, older than every snapshot), from the
  // earliest later one (README "History": the unit of a post is rarely missing from later data).
  // A unit's UNOR ID only comes from an entry of the same unit (SPEC §1.3: it is its identity).
  const promotion = chosen.source === 'promotion';
  for (const key of Object.keys(values)) {
    if (values[key] !== null || key === 'level' || (promotion && PROMOTION_OWN.has(key))) continue;
    values[key] = fieldNear(entries, at, key, key === 'unorId' ? values['unit'] : undefined);
  }
  return { values: values as V, assumed: false, from: provenanceOf(chosen) };
}

/** The entry an assumed state takes its values from: the earliest that is not a promotion. */
function assumedBase<V>(entries: ReadonlyArray<TimelineEntry<V>>): TimelineEntry<V> {
  return entries.find((e) => e.source !== 'promotion') ?? entries[0]!;
}

/** The assumed level (see `timelineAt`), from the earliest promotion and the assumed base entry. */
function assumedLevel(entries: ReadonlyArray<TimelineEntry<{ level: number | null }>>, base: TimelineEntry<{ level: number | null }>): number | null {
  const promotion = entries.find((e) => e.source === 'promotion');
  if (promotion === undefined) return base.values.level;
  if (promotion.levelBefore !== undefined && promotion.levelBefore !== null) return promotion.levelBefore;
  if (base === promotion) return null;
  if (compareEntries(promotion, base) > 0) return base.values.level;
  const own = base.values.level;
  const next = promotion.values.level;
  return own !== null && next !== null && own < next ? own : null;
}

/**
 * The level of a post timeline at D, as `timelineAt(entries, D).values.level` (the same rule),
 * without building the state: the audit asks it for every pool candidate of every event.
 */
export function postLevelAt(entries: ReadonlyArray<TimelineEntry<PostValues>>, date: string): number | null {
  if (entries.length === 0) return null;
  const at = indexAt(entries, date);
  return at >= 0 ? entries[at]!.values.level : assumedLevel(entries, assumedBase(entries));
}

function fieldNear<V>(entries: ReadonlyArray<TimelineEntry<V>>, at: number, key: string, unit: unknown): unknown {
  const fits = (k: number) => {
    const v = entries[k]!.values as Record<string, unknown>;
    return v[key] !== null && v[key] !== undefined && (unit === undefined || unit === null || v['unit'] === unit);
  };
  for (let k = at - 1; k >= 0; k--) if (fits(k)) return (entries[k]!.values as Record<string, unknown>)[key];
  for (let k = at + 1; k < entries.length; k++) if (fits(k)) return (entries[k]!.values as Record<string, unknown>)[key];
  return null;
}

/** The status at D: the latest entry dated ≤ D, else active (SPEC §9). */
export function statusAt(entries: ReadonlyArray<TimelineEntry<StatusValues>>, date: string): StateAt<StatusValues> {
  const at = indexAt(entries, date);
  if (at < 0) return { values: { status: 'active', reason: null }, assumed: true, from: null };
  const chosen = entries[at]!;
  return { values: chosen.values, assumed: false, from: provenanceOf(chosen) };
}

/** In service at D (SPEC §9): tmt_cpns ≤ D or unknown, and not left. */
export function inServiceAt(tmtCpns: string | null, status: ServiceStatus, date: string): boolean {
  return (tmtCpns === null || tmtCpns <= date) && status !== 'left';
}

/** Active at D (SPEC §9): in service and not inactive. */
export function activeAt(tmtCpns: string | null, status: ServiceStatus, date: string): boolean {
  return inServiceAt(tmtCpns, status, date) && status !== 'inactive';
}

/**
 * Date of a snapshot version's post or rank entry (SPEC §9): its `tmt_jabatan` / `tmt_golongan`
 * when given and, for a person already in an earlier snapshot, after that snapshot's as_of (and
 * not after this one's); otherwise the snapshot's as_of.
 */
export function snapshotEntryDate(asOf: string, tmt: string | null, previousAsOf: string | null): { date: string; atSnapshot: boolean } {
  if (tmt !== null && previousAsOf !== null && tmt > previousAsOf && tmt <= asOf) return { date: tmt, atSnapshot: false };
  return { date: asOf, atSnapshot: true };
}

/** The version in force at D among versions sorted by as_of: the latest ≤ D, else the earliest. */
export function versionAt<V extends { asOf: string }>(versions: readonly V[], date: string): V | null {
  if (versions.length === 0) return null;
  let chosen = versions[0]!;
  for (const v of versions) if (v.asOf <= date) chosen = v;
  return chosen;
}

/** One person's three timelines, sorted with `compareEntries` (statuses by date). */
export interface PersonTimelines {
  posts: Array<TimelineEntry<PostValues>>;
  ranks: Array<TimelineEntry<RankValues>>;
  statuses: Array<TimelineEntry<StatusValues>>;
}

/** A person as they stood at D (SPEC §9), with where the post and rank came from. */
export interface EmployeeAtD<E> {
  employee: E;
  status: ServiceStatus;
  inService: boolean;
  active: boolean;
  post: StateAt<PostValues> | null;
  rank: StateAt<RankValues> | null;
  statusFrom: StateAt<StatusValues>;
}

/**
 * The state at D of a person whose current record is `current`: post (level, unit, instansi),
 * rank (golongan, tmt_golongan) and status from the timelines; other fields as in `current`
 * (the caller passes the version in force at D when it has one). Promotions are entries of the
 * post timeline (`withPromotions`).
 */
export function employeeAt<E extends { tmtCpns: string | null; level: number | null; unit: string | null; instansi: string | null; golonganCode: number | null; tmtGolongan: string | null }>(
  current: E,
  t: PersonTimelines,
  date: string,
): EmployeeAtD<E> {
  const post = timelineAt(t.posts, date);
  const rank = timelineAt(t.ranks, date);
  const statusFrom = statusAt(t.statuses, date);
  const employee = { ...current };
  if (post !== null) {
    employee.level = post.values.level;
    employee.unit = post.values.unit;
    employee.instansi = post.values.instansi;
  }
  if (rank !== null) {
    employee.golonganCode = rank.values.golonganCode;
    employee.tmtGolongan = rank.values.tmtGolongan;
  }
  const status = statusFrom.values.status;
  return {
    employee, status, post, rank, statusFrom,
    inService: inServiceAt(current.tmtCpns, status, date),
    active: activeAt(current.tmtCpns, status, date),
  };
}
