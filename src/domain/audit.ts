/**
 * Promotion audit — did seniority win over competence? (SPEC §5).
 * Pure: merit values arrive already computed (SPEC §3 with Y = year(D) − 1); the DUK order
 * (PP 15/1979, SPEC §2) and the 6-decimal merit comparison (SPEC §2) come from duk.ts and numbers.ts.
 */
import { compareDuk, type DukKey } from './duk.js';
import { meritKey } from './numbers.js';
import { binomialSignTest, mean } from './stats.js';
import { skipReasonOf, type PoolCriterion, type StatusReason } from './audit-reason.js';
import type { Hukdis, JenisGroup, PredikatCode, Promotion } from './types.js';

export const SKIP_NEW_LEVEL_UNKNOWN = 'new level unknown';
export const SKIP_PREVIOUS_LEVEL_UNKNOWN = 'previous level unknown';

export interface LevelBefore {
  level: number | null;
  source: 'asal' | 'previous-promotion' | 'personnel' | null;
  reason?: string;
}

/**
 * The level P held before the event (SPEC §5.1): `levelAsal` (eselon_asal / jabatan_asal) if
 * given; else the new level of P's latest earlier promotion; else P's personnel level when it
 * is lower than the new level (a current level that is not lower is likely the post P was
 * promoted into, or a later one). When P's latest earlier promotion has an unknown new level
 * the level before is unknown too: an older event or the current record would name a wrong pool.
 */
export function levelBefore(
  event: Promotion,
  earlierEventsOfP: readonly Promotion[],
  personnelLevel: number | null,
): LevelBefore {
  if (event.levelAsal !== null) return { level: event.levelAsal, source: 'asal' };
  let latest: Promotion | null = null;
  for (const e of earlierEventsOfP) {
    if (e.nip === event.nip && e.tmt < event.tmt && (latest === null || e.tmt > latest.tmt)) latest = e;
  }
  if (latest !== null) {
    return latest.levelBaru !== null
      ? { level: latest.levelBaru, source: 'previous-promotion' }
      : { level: null, source: null, reason: SKIP_PREVIOUS_LEVEL_UNKNOWN };
  }
  if (personnelLevel !== null && event.levelBaru !== null && personnelLevel < event.levelBaru) {
    return { level: personnelLevel, source: 'personnel' };
  }
  return { level: null, source: null, reason: SKIP_PREVIOUS_LEVEL_UNKNOWN };
}

/** Why an event cannot be audited at all (SPEC §5.1 `skipped`), or null when it can. */
export function auditSkipReason(event: Promotion, before: LevelBefore): string | null {
  if (event.levelBaru === null) return SKIP_NEW_LEVEL_UNKNOWN;
  if (before.level === null) return before.reason ?? SKIP_PREVIOUS_LEVEL_UNKNOWN;
  return null;
}

/**
 * A person's level at date D (SPEC §5.2): the level before of their earliest promotion
 * strictly after D, else their current level. An unknown level before stays unknown
 * (→ not in the pool) rather than falling back to the current record, which postdates D.
 */
export function levelAt(
  date: string,
  promotionsOfPerson: ReadonlyArray<{ tmt: string; levelBefore: number | null }>,
  currentLevel: number | null,
): number | null {
  let next: { tmt: string; levelBefore: number | null } | null = null;
  for (const p of promotionsOfPerson) {
    if (p.tmt > date && (next === null || p.tmt < next.tmt)) next = p;
  }
  return next === null ? currentLevel : next.levelBefore;
}

/** One person as the audit of one event sees them at the event date D. */
export interface Candidate {
  nip: string;
  unit: string | null;
  instansi: string | null;
  group: JenisGroup | null;
  tmtCpns: string | null;
  levelAtD: number | null;
  promotedOnD: boolean;
  /** Merit with Y = year(D) − 1 (SPEC §5.3), null when unrated. */
  merit: number | null;
  /** DUK key at D with `levelAtD` (SPEC §5.4). */
  duk: DukKey;
  predikatByYear: Record<number, PredikatCode | null>;
  hukdisByYear: Record<number, Hukdis | null>;
  /** Status at D (SPEC §9), when the person has history: only `active` may be in a pool. */
  statusAtD?: 'active' | 'inactive' | 'left';
  /** Where the unit and level at D came from ("file line N" or "assumed"), when the person has history. */
  source?: { unit: string; level: string };
}

/** A Candidate without the DUK key: enough to tell which pool criteria someone fails (SPEC §5.2). */
export type Rival = Omit<Candidate, 'duk'>;

export interface PoolOptions {
  scope: 'unit' | 'instansi' | 'all';
  eligibility: 'strict' | 'basic';
  /** The event's own unit when the promotions file has one; it wins over P's personnel unit. */
  eventUnit: string | null;
}

/**
 * The comparison pool of an event (SPEC §5.2): everyone other than P in P's scope, same jenis
 * group, `tmt_cpns` ≤ D, level at D = P's level before, not promoted on D; with strict
 * eligibility also predikat SB or B in both year(D)−1 and year(D)−2 (a missing predikat fails:
 * eligibility cannot be shown) and no sedang/berat hukuman disiplin (PP 94/2021) in those years.
 * `excluded` explains, for people in scope whose level at D is P's level before or unknown
 * (the plausible rivals), every criterion they failed. Both lists are in DUK order. Someone
 * appointed after D (`tmt_cpns` > D) was not in service at D and is in neither list.
 */
export function selectPool(
  promoted: Candidate & { levelBefore: number },
  everyone: readonly Candidate[],
  date: string,
  opts: PoolOptions,
): { pool: Candidate[]; excluded: Array<{ nip: string; reason: string }> } {
  const pool: Candidate[] = [];
  const excluded: Array<{ candidate: Candidate; reason: string }> = [];
  const unit = opts.eventUnit ?? promoted.unit;
  for (const c of everyone) {
    if (c.nip === promoted.nip || !inScope(c, opts.scope, unit, promoted.instansi)) continue;
    if (c.levelAtD !== null && c.levelAtD !== promoted.levelBefore) continue; // never a rival
    if (notYetAppointed(c, date)) continue;
    const reasons = exclusionReasons(c, promoted, date, opts.eligibility);
    if (reasons.length === 0) pool.push(c);
    else excluded.push({ candidate: c, reason: reasons.map((r) => r.text).join('; ') });
  }
  pool.sort((a, b) => compareDuk(a.duk, b.duk));
  excluded.sort((a, b) => compareDuk(a.candidate.duk, b.candidate.duk));
  return { pool, excluded: excluded.map((e) => ({ nip: e.candidate.nip, reason: e.reason })) };
}

/** Scope of SPEC §5.2 (`--scope`); an unknown unit or instansi matches nobody. */
function inScope(c: Rival, scope: PoolOptions['scope'], unit: string | null, instansi: string | null): boolean {
  if (scope === 'all') return true;
  if (scope === 'unit') return unit !== null && c.unit === unit;
  return instansi !== null && c.instansi === instansi;
}

/**
 * Appointed after D (`tmt_cpns` > D): not in service at D (SPEC §5.2 "in service … at D"), so not
 * a rival at all — neither in the pool nor among the excluded, and not counted in a reason.
 */
export function notYetAppointed(c: Pick<Candidate, 'tmtCpns'>, date: string): boolean {
  return c.tmtCpns !== null && c.tmtCpns > date;
}

/**
 * Every pool criterion of SPEC §5.2 that `c` fails, in the order the SPEC lists them, with the
 * criterion it belongs to (null for the level at D, which is not a criterion of a rival).
 */
function exclusionReasons(
  c: Rival,
  promoted: Candidate & { levelBefore: number },
  date: string,
  eligibility: PoolOptions['eligibility'],
  withText = true,
): Array<{ criterion: PoolCriterion | null; text: string }> {
  const reasons: Array<{ criterion: PoolCriterion | null; text: string }> = [];
  // Without text (noPoolReason counts criteria) no message is built: thousands of people may be counted.
  const add = (criterion: PoolCriterion | null, text: string) => reasons.push({ criterion, text: withText ? text : '' });
  if (c.group === null || c.group !== promoted.group) add('group', `jenis group ${c.group ?? 'unknown'} differs`);
  if (c.tmtCpns === null) add('tmt-cpns-unknown', 'tmt_cpns unknown');
  if (c.levelAtD === null) add(null, 'level at D unknown');
  if (c.statusAtD !== undefined && c.statusAtD !== 'active') add('not-active', `${c.statusAtD} at ${date}`);
  if (c.promotedOnD) add('promoted-on-d', `also promoted on ${date}`);
  if (eligibility === 'strict') {
    const year = Number(date.slice(0, 4));
    for (const y of [year - 1, year - 2]) {
      const predikat = c.predikatByYear[y] ?? null;
      if (predikat === null) add('predikat', `no predikat for ${y}`);
      else if (predikat !== 'SB' && predikat !== 'B') add('predikat', `predikat ${predikat} in ${y} (needs SB or B)`);
      const hukdis = c.hukdisByYear[y] ?? null;
      if (hukdis === 'sedang' || hukdis === 'berat') add('hukdis', `hukuman disiplin ${hukdis} in ${y}`);
    }
  }
  return reasons;
}

/**
 * Why the pool of an event is empty (SPEC §7 `status_reason` of `no-pool`), from the same people
 * `selectPool` looked at: those in P's scope in service at D at P's level before. Each failed
 * criterion is counted; a person who met every criterion but has no merit for year(D) − 1
 * (`meritOf` null, SPEC §5.3; by default the candidate's `merit`) counts as 'no-merit'. People of
 * unknown level at D are counted apart.
 */
export function noPoolReason(
  promoted: Candidate & { levelBefore: number },
  everyone: readonly Rival[],
  date: string,
  opts: PoolOptions,
  meritOf: (c: Rival) => number | null = (c) => c.merit,
): StatusReason {
  const unit = opts.eventUnit ?? promoted.unit;
  const year = Number(date.slice(0, 4));
  const failed: Partial<Record<PoolCriterion, number>> = {};
  let rivals = 0;
  let unknownLevel = 0;
  for (const c of everyone) {
    if (c.nip === promoted.nip || !inScope(c, opts.scope, unit, promoted.instansi) || notYetAppointed(c, date)) continue;
    if (c.levelAtD === null) {
      unknownLevel += 1;
      continue;
    }
    if (c.levelAtD !== promoted.levelBefore) continue;
    rivals += 1;
    const criteria = new Set(exclusionReasons(c, promoted, date, opts.eligibility, false).map((r) => r.criterion));
    if (criteria.size === 0 && meritOf(c) === null) criteria.add('no-merit');
    for (const criterion of criteria) if (criterion !== null) failed[criterion] = (failed[criterion] ?? 0) + 1;
  }
  const level = promoted.levelBefore;
  if (rivals === 0) return { code: 'nobody-at-level', level, scope: opts.scope, date, unknownLevel };
  return { code: 'nobody-qualified', level, scope: opts.scope, date, years: [year - 2, year - 1], rivals, failed, unknownLevel };
}

export type AuditStatus = 'audited' | 'skipped' | 'insufficient-data' | 'no-pool';
export type Severity = 'high' | 'medium' | 'low';

export interface AuditEventResult {
  nip: string;
  tmt: string;
  unit: string | null;
  jabatanBaru: string;
  status: AuditStatus;
  skipReason?: string;
  /** Why the event was not audited (SPEC §7 `status_reason`); null when audited. */
  statusReason: StatusReason | null;
  /** Pool members that have merit (SPEC §5.3); 0 unless the pool could be built. */
  poolSize: number;
  merit: number | null;
  meritRank: number | null;
  seniorityRank: number | null;
  meritPercentile: number | null;
  seniorityPercentile: number | null;
  flagged: boolean;
  severity: Severity | null;
  bestCandidate: { nip: string; merit: number } | null;
  meritGap: number | null;
  /** Best first: merit desc, then DUK order. */
  passedOver: Array<{ nip: string; merit: number; gap: number }>;
  /** pool ∪ {P} in merit-rank order. */
  ranked: Array<{ nip: string; merit: number; meritRank: number; seniorityRank: number; isPromoted: boolean; passedOver: boolean }>;
}

/** The result row of an event that was not audited (SPEC §5.1 `skipped`, §5.3). */
export function unauditedResult(
  event: Promotion,
  unit: string | null,
  status: Exclude<AuditStatus, 'audited'>,
  extra: { skipReason?: string; statusReason?: StatusReason; poolSize?: number; merit?: number | null } = {},
): AuditEventResult {
  const statusReason = extra.statusReason
    ?? (status === 'skipped' ? skipReasonOf(extra.skipReason ?? SKIP_PREVIOUS_LEVEL_UNKNOWN) : null);
  const result: AuditEventResult = {
    nip: event.nip, tmt: event.tmt, unit, jabatanBaru: event.jabatanBaru, status, statusReason,
    poolSize: extra.poolSize ?? 0, merit: extra.merit ?? null,
    meritRank: null, seniorityRank: null, meritPercentile: null, seniorityPercentile: null,
    flagged: false, severity: null, bestCandidate: null, meritGap: null, passedOver: [], ranked: [],
  };
  if (extra.skipReason !== undefined) result.skipReason = extra.skipReason;
  return result;
}

/** Percentile within a group of n by 1-based rank (SPEC §3): (n − rank) ÷ (n − 1), 1 when n = 1. */
export function rankPercentile(rank: number, n: number): number {
  return n <= 1 ? 1 : (n - rank) / (n - 1);
}

type Rated = Candidate & { merit: number };

/**
 * Audits one event (SPEC §5.3–5.6). P's DUK key takes P's level before, the level P held up
 * to D, so P and the pool are compared on equal terms. Flag: some pool member C with
 * merit(C) ≥ merit(P) + margin, both sides rounded to 6 decimals (SPEC §2), while P stands
 * before C in the DUK order. Severity `high` when P heads the DUK order yet ranks below the
 * middle on merit (rank > ⌈N/2⌉); else `medium` when the largest gap ≥ 2 × margin; else `low`.
 */
export function auditEvent(input: {
  event: Promotion;
  promoted: Candidate;
  levelBefore: number;
  pool: readonly Candidate[];
  margin: number;
  /**
   * Why the pool is empty, asked only when it is (the caller knows everyone in scope, see
   * `noPoolReason`); without it the reason counts only the given pool members, all without
   * merit, as rivals in the unit (the default scope).
   */
  whyNoPool?: () => StatusReason;
}): AuditEventResult {
  const { event, promoted, margin } = input;
  const unit = event.unit ?? promoted.unit;
  const pool = input.pool.filter((c): c is Rated => c.merit !== null);
  const meritYear = Number(event.tmt.slice(0, 4)) - 1;
  if (promoted.merit === null) {
    return unauditedResult(event, unit, 'insufficient-data', { poolSize: pool.length, statusReason: { code: 'no-merit', year: meritYear } });
  }
  if (pool.length === 0) {
    const year = meritYear + 1;
    const statusReason: StatusReason = input.whyNoPool?.() ?? (input.pool.length === 0
      ? { code: 'nobody-at-level', level: input.levelBefore, scope: 'unit', date: event.tmt, unknownLevel: 0 }
      : {
        code: 'nobody-qualified', level: input.levelBefore, scope: 'unit', date: event.tmt, years: [year - 2, year - 1],
        rivals: input.pool.length, failed: { 'no-merit': input.pool.length }, unknownLevel: 0,
      });
    return unauditedResult(event, unit, 'no-pool', { merit: promoted.merit, statusReason });
  }

  const p: Rated = { ...promoted, merit: promoted.merit, duk: { ...promoted.duk, level: input.levelBefore } };
  const all = [p, ...pool];
  const n = all.length;
  // Each merit is rounded once (SPEC §2), not in every comparison: pools can hold thousands.
  const keys = new Map<Rated, number>(all.map((c) => [c, meritKey(c.merit)]));
  const keyOf = (c: Rated) => keys.get(c) as number;
  const byMerit = [...all].sort((a, b) => compareByMerit(a, b, keyOf));
  const bySeniority = [...all].sort((a, b) => compareDuk(a.duk, b.duk));
  const meritRank = new Map(byMerit.map((c, i) => [c.nip, i + 1]));
  const seniorityRank = new Map(bySeniority.map((c, i) => [c.nip, i + 1]));

  const threshold = meritKey(p.merit + margin);
  const passed = byMerit.filter((c) => c !== p && keyOf(c) >= threshold && compareDuk(p.duk, c.duk) < 0);
  const passedNips = new Set(passed.map((c) => c.nip));
  const pMeritRank = meritRank.get(p.nip) as number;
  const pSeniorityRank = seniorityRank.get(p.nip) as number;
  const best = passed[0] ?? null;

  return {
    nip: p.nip, tmt: event.tmt, unit, jabatanBaru: event.jabatanBaru, status: 'audited', statusReason: null,
    poolSize: pool.length,
    merit: p.merit,
    meritRank: pMeritRank,
    seniorityRank: pSeniorityRank,
    meritPercentile: rankPercentile(pMeritRank, n),
    seniorityPercentile: rankPercentile(pSeniorityRank, n),
    flagged: best !== null,
    severity: best === null ? null : severity(pSeniorityRank, pMeritRank, n, p.merit, best.merit, margin),
    bestCandidate: best === null ? null : { nip: best.nip, merit: best.merit },
    meritGap: best === null ? null : meritKey(best.merit - p.merit),
    passedOver: passed.map((c) => ({ nip: c.nip, merit: c.merit, gap: meritKey(c.merit - p.merit) })),
    ranked: byMerit.map((c) => ({
      nip: c.nip, merit: c.merit,
      meritRank: meritRank.get(c.nip) as number, seniorityRank: seniorityRank.get(c.nip) as number,
      isPromoted: c === p, passedOver: passedNips.has(c.nip),
    })),
  };
}

/** Merit desc compared at 6 decimals (SPEC §2, `keyOf` = the rounded merit), ties by DUK order at D (SPEC §5.3). */
function compareByMerit(a: Rated, b: Rated, keyOf: (c: Rated) => number): number {
  return keyOf(b) - keyOf(a) || compareDuk(a.duk, b.duk);
}

/** Severity of a flagged event (SPEC §5.6); `bestMerit` is the largest merit among the passed over. */
function severity(seniorityRank: number, meritRank: number, n: number, merit: number, bestMerit: number, margin: number): Severity {
  if (seniorityRank === 1 && meritRank > Math.ceil(n / 2)) return 'high';
  if (meritKey(bestMerit) >= meritKey(merit + 2 * margin)) return 'medium';
  return 'low';
}

export interface AuditSummary {
  events: number;
  audited: number;
  skipped: number;
  insufficientData: number;
  noPool: number;
  flagged: number;
  /** flagged ÷ audited; null when nothing was audited. */
  flagRate: number | null;
  meanMeritPercentile: number | null;
  meanSeniorityPercentile: number | null;
  /** Audited events where P's seniority percentile > merit percentile. */
  s: number;
  /** Audited events where P's merit percentile > seniority percentile. */
  m: number;
  p: number;
  seniorityBiased: boolean;
}

/**
 * Summary of SPEC §5: counts, flag rate, mean percentiles of the promoted over audited events,
 * and the two-sided sign test of s against m. Percentiles share N within an event, so
 * "seniority percentile > merit percentile" is exactly "seniority rank < merit rank".
 * Seniority-biased when s > m and p < 0.05.
 */
export function summarizeAudit(results: readonly AuditEventResult[]): AuditSummary {
  const audited = results.filter((r) => r.status === 'audited');
  const flagged = audited.filter((r) => r.flagged).length;
  let s = 0;
  let m = 0;
  for (const r of audited) {
    const sr = r.seniorityRank as number;
    const mr = r.meritRank as number;
    if (sr < mr) s++;
    else if (mr < sr) m++;
  }
  const p = binomialSignTest(s, m);
  return {
    events: results.length,
    audited: audited.length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    insufficientData: results.filter((r) => r.status === 'insufficient-data').length,
    noPool: results.filter((r) => r.status === 'no-pool').length,
    flagged,
    flagRate: audited.length === 0 ? null : flagged / audited.length,
    meanMeritPercentile: mean(audited.map((r) => r.meritPercentile as number)),
    meanSeniorityPercentile: mean(audited.map((r) => r.seniorityPercentile as number)),
    s, m, p,
    seniorityBiased: s > m && p < 0.05,
  };
}

/**
 * The SPEC §5 summary per unit, sorted by unit name in code-point order (locale-independent,
 * so output is byte-identical everywhere); events without a unit come last.
 */
export function summarizeByUnit(results: readonly AuditEventResult[]): Array<{ unit: string | null; summary: AuditSummary }> {
  const groups = new Map<string | null, AuditEventResult[]>();
  for (const r of results) {
    const list = groups.get(r.unit);
    if (list === undefined) groups.set(r.unit, [r]);
    else list.push(r);
  }
  return [...groups.keys()]
    .sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map((unit) => ({ unit, summary: summarizeAudit(groups.get(unit) as AuditEventResult[]) }));
}
