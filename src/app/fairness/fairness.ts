/**
 * Fairness figures (SPEC §12) as a use case: over the audited promotion events, the candidates
 * of each event are pool ∪ {P} and the selected is P; over year Y, the candidates are the people
 * in service at T with a predikat and the selected those with SB. Each candidate-event is put in
 * its jenis_kelamin group and its age band at D (at T for SB), and the rows come from the pure
 * `fairnessRows` (src/domain/fairness.ts). Never prints.
 */
import {
  addToTally, ageBand, ageInYears, fairnessRows, genderGroup, type FairnessGrouping, type FairnessMeasure, type FairnessRow, type GroupTally,
} from '../../domain/fairness.js';
import { openDatabase, type Db } from '../../db/open.js';
import {
  nipsWithVersions, personAttributesLookup, personVersionAttributes, predikatCandidateLookup, predikatCandidates, predikatGroups,
} from '../../db/queries/fairness.js';
import { versionAt } from '../../domain/history.js';
import { differencesAt } from '../history/state.js';
import { latestAppraisalYear } from '../../db/queries/merit-inputs.js';
import { auditPromotions, type AuditRequest, type AuditResult, type AuditRow } from '../audit/audit.js';
import { inServiceAt, type PersonAt } from '../population/in-service.js';
import { FilteredMap } from '../../shared/key-filter.js';

/** One candidate in one selection: the unit every fairness count is made of (`asn audit --fairness --candidates`). */
export interface CandidateEvent {
  measure: FairnessMeasure;
  /** The promoted P of the event (promotion); null for sb. */
  eventNip: string | null;
  /** D of the event (promotion) or T (sb): the date age is taken at. */
  date: string;
  nip: string;
  jenisKelamin: string | null;
  tglLahir: string | null;
  age: number | null;
  ageBand: string;
  selected: boolean;
}

export interface FairnessResult {
  /** Audited promotion events counted. */
  promotionEvents: number;
  /** Y of the sb measure (the latest tahun, or the report's Y); null without appraisals. */
  year: number | null;
  rows: FairnessRow[];
  /** Every candidate-event, when asked for (kept in the order counted). */
  candidates: CandidateEvent[] | null;
}

/** The people whose state at T may differ from their current row (`differencesAt`): who, and whether in service at T (`atD` not null). */
export type SbDifferences = ReadonlyArray<{ current: { nip: string }; atD: object | null }>;

const MEASURES: readonly FairnessMeasure[] = ['promotion', 'sb'];
const GROUPINGS: readonly FairnessGrouping[] = ['jenis_kelamin', 'age_band'];

/** promotion before sb, then by date, then by the promoted P (their event's members stay in merit order). */
function candidateOrder(a: CandidateEvent, b: CandidateEvent): number {
  const measure = MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure);
  if (measure !== 0) return measure;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const pa = a.eventNip ?? '';
  const pb = b.eventNip ?? '';
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/** Counts candidate-events by measure and grouping as they come (audit visitor, SB scan). */
export class FairnessCounter {
  private readonly tallies = new Map<string, Map<string, GroupTally>>();
  promotionEvents = 0;
  year: number | null = null;
  readonly candidates: CandidateEvent[] | null;

  constructor(private readonly person: PersonAt, keepCandidates: boolean) {
    this.candidates = keepCandidates ? [] : null;
  }

  private tally(measure: FairnessMeasure, grouping: FairnessGrouping): Map<string, GroupTally> {
    const key = `${measure}|${grouping}`;
    let t = this.tallies.get(key);
    if (t === undefined) {
      t = new Map();
      this.tallies.set(key, t);
    }
    return t;
  }

  /** Adds (n > 0) or takes back (n < 0) n candidates of one jenis_kelamin and birth date, `selected` of them selected. */
  private addCount(measure: FairnessMeasure, date: string, jk: string | null, lahir: string | null, n: number, selected: number): void {
    addToTally(this.tally(measure, 'jenis_kelamin'), genderGroup(jk), n, selected);
    addToTally(this.tally(measure, 'age_band'), ageBand(lahir, date), n, selected);
  }

  private add(measure: FairnessMeasure, eventNip: string | null, date: string, nip: string, jk: string | null, lahir: string | null, selected: boolean): void {
    const band = ageBand(lahir, date);
    const sel = selected ? 1 : 0;
    addToTally(this.tally(measure, 'jenis_kelamin'), genderGroup(jk), 1, sel);
    addToTally(this.tally(measure, 'age_band'), band, 1, sel);
    this.candidates?.push({ measure, eventNip, date, nip, jenisKelamin: jk, tglLahir: lahir, age: ageInYears(lahir, date), ageBand: band, selected });
  }

  /** An audit row: counted when audited, each member of pool ∪ {P} in their state at D (SPEC §12). */
  readonly visit = (row: AuditRow): void => {
    if (row.status !== 'audited') return;
    this.promotionEvents++;
    for (const member of row.ranked) {
      const attrs = this.person(member.nip, row.tmt);
      this.add('promotion', row.nip, row.tmt, member.nip, attrs?.jenis_kelamin ?? null, attrs?.tgl_lahir ?? null, member.isPromoted);
    }
  };

  /**
   * The sb measure of year Y: people in service at T with a predikat in Y; selected: SB; age at T.
   * `differences`: `differencesAt(db, T)` when the caller has read it already.
   */
  addPredikat(db: Db, year: number, differences?: SbDifferences): void {
    this.year = year;
    const T = `${year}-12-31`;
    if (this.candidates === null) {
      this.addPredikatCounts(db, year, T, differences ?? differencesAt(db, T));
      return;
    }
    const inService = inServiceAt(db, T);
    for (const row of predikatCandidates(db, year)) {
      if (!inService(row.nip)) continue;
      // SPEC §9: only a person whose state at T may differ from their current row is looked up.
      const attrs = inService.differs(row.nip) ? this.person(row.nip, T) : row;
      this.add('sb', null, T, row.nip, attrs?.jenis_kelamin ?? null, attrs?.tgl_lahir ?? null, row.predikat === 'SB');
    }
  }

  /**
   * The same counts without a row per person (no candidate list kept): everyone with a predikat
   * counted in SQL by their current jenis_kelamin and birth date; then each person whose state
   * at T may differ from their current row is taken back out and, when in service at T, counted
   * again in their state at T (SPEC §9), as `addPredikat` does one by one.
   */
  private addPredikatCounts(db: Db, year: number, T: string, differences: SbDifferences): void {
    for (const [jk, lahir, n, sb] of predikatGroups(db, year)) this.addCount('sb', T, jk, lahir, n, sb);
    const candidateRow = predikatCandidateLookup(db, year);
    for (const { current, atD } of differences) {
      const row = candidateRow(current.nip);
      if (row === undefined) continue;
      const selected = row.predikat === 'SB' ? 1 : 0;
      this.addCount('sb', T, row.jenis_kelamin, row.tgl_lahir, -1, -selected);
      if (atD === null) continue; // not in service at T
      const attrs = this.person(current.nip, T);
      this.addCount('sb', T, attrs?.jenis_kelamin ?? null, attrs?.tgl_lahir ?? null, 1, selected);
    }
  }

  result(): FairnessResult {
    const rows: FairnessRow[] = [];
    for (const measure of MEASURES) {
      for (const grouping of GROUPINGS) {
        const t = this.tallies.get(`${measure}|${grouping}`);
        if (t !== undefined) rows.push(...fairnessRows(measure, grouping, t.values()));
      }
    }
    // Events are audited scope group by scope group: list them by date, then P (stable within an event).
    const candidates = this.candidates === null ? null : [...this.candidates].sort(candidateOrder);
    return { promotionEvents: this.promotionEvents, year: this.year, rows, candidates };
  }
}

/** A counter reading people from `db` (kept open by the caller for the counter's life). */
export function fairnessCounter(db: Db, keepCandidates: boolean): FairnessCounter {
  return new FairnessCounter(personAttributesAt(db), keepCandidates);
}

/**
 * jenis_kelamin and tgl_lahir of a person at a date, exactly as `personAt` of the population
 * module gives them (the personnel version in force at the date, else the earliest; a person
 * with no versions kept is their current record), memoised by NIP. The NIPs with versions (the
 * people who changed between snapshots, a few percent) are read once up front, so each pool
 * member without any costs one indexed read instead of two, and is remembered as that one row.
 */
export function personAttributesAt(db: Db): PersonAt {
  const lookup = personAttributesLookup(db);
  const versionsOf = personVersionAttributes(db);
  // Asked for every pool member of every event: the filter answers for the unchanged (key-filter.ts).
  const versioned = FilteredMap.ofSet(nipsWithVersions(db));
  const current = new Map<string, ReturnType<typeof lookup>>();
  const withVersions = new Map<string, ReturnType<typeof versionsOf>>();
  const currentRow = (nip: string): ReturnType<typeof lookup> => {
    if (current.has(nip)) return current.get(nip);
    const row = lookup(nip);
    current.set(nip, row);
    return row;
  };
  return (nip, date) => {
    if (!versioned.has(nip)) return currentRow(nip);
    let versions = withVersions.get(nip);
    if (versions === undefined) {
      versions = versionsOf(nip);
      withVersions.set(nip, versions);
    }
    if (versions.length === 0) return currentRow(nip);
    const version = versionAt(versions, date);
    return version === null ? undefined : { jenis_kelamin: version.jenis_kelamin, tgl_lahir: version.tgl_lahir };
  };
}

/**
 * `asn audit --fairness`: the audit of the request (its window, scope, margin, eligibility) with
 * every audited event counted, then the sb measure of the latest tahun.
 */
export function auditFairness(request: AuditRequest, keepCandidates: boolean): { audit: AuditResult; fairness: FairnessResult } {
  const db = openDatabase(request.db, 'read');
  try {
    const counter = fairnessCounter(db, keepCandidates);
    const audit = auditPromotions(request, counter.visit);
    const year = latestAppraisalYear(db);
    if (year !== null) counter.addPredikat(db, year);
    return { audit, fairness: counter.result() };
  } finally {
    db.close();
  }
}
