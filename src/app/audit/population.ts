/**
 * Stored rows → what the promotion audit works on (SPEC §5): every person with their appraisals,
 * their promotions with the level held before each (§5.1), and the look-ups by unit and
 * instansi that the pool scopes need (§5.2). Built per scope group (group.ts); each event
 * then asks for the people in its scope as they stood at the event date.
 */
import { levelAt, levelBefore, type Candidate, type LevelBefore, type Rival } from '../../domain/audit.js';
import { dukKeyAt, jenisGroup } from '../../domain/duk.js';
import { jabatanLevel } from '../../domain/jabatan-level.js';
import { meritScores } from '../../domain/merit.js';
import type { Appraisal, Employee, Hukdis, JenisGroup, PredikatCode, Promotion } from '../../domain/types.js';
import type { MeritModel } from '../../domain/model.js';
import type { EventTuple, PromotionTuple } from '../../db/queries/audit-inputs.js';
import { personAt, type PersonHistory } from '../history/state.js';
import { postLevelAt, PRIORITY, timelineAt, withPromotions, type EmployeeAtD, type PostValues, type TimelineEntry } from '../../domain/history.js';

/** One promotion of a person with the level they held before it (SPEC §5.1). */
export interface OwnPromotion {
  event: Promotion;
  before: LevelBefore;
}

export interface Person {
  employee: Employee;
  appraisals: Appraisal[];
  educationRank: number | null;
  predikatByYear: Record<number, PredikatCode | null>;
  hukdisByYear: Record<number, Hukdis | null>;
  /** Own promotions in date order. */
  promotions: OwnPromotion[];
  /** The same as {tmt, level before} for `levelAt` (SPEC §5.2). */
  levelHistory: Array<{ tmt: string; levelBefore: number | null }>;
  /** Snapshots and riwayat (SPEC §9), for people whose post, rank or status changed; else null. */
  history: PersonHistory | null;
  /** Without stored history: the post timeline of their current row and promotions (SPEC §9), when promoted. */
  posts: Array<TimelineEntry<PostValues>> | null;
  /** With history: their state at the date last asked (`stateOf`), read again for the same date. */
  stateAt?: { date: string; at: EmployeeAtD<Employee> } | null;
}

/** The day before an ISO date (P's level "on the day before D", SPEC §5.1). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A person with history at D (SPEC §9 state at D); null without history (their record holds). */
export function stateOf(person: Person, date: string): EmployeeAtD<Employee> | null {
  if (person.history === null) return null;
  // An event's pool asks for the same person at the same date several times (level, criteria, DUK key).
  const cached = person.stateAt;
  if (cached !== undefined && cached !== null && cached.date === date) return cached.at;
  const at = personAt(person.employee, person.history, date);
  person.stateAt = { date, at };
  return at;
}

/**
 * A person's level at D (SPEC §5.2, §9): the post timeline's level at D — riwayat rows,
 * promotion events and snapshot versions, the same state at D as rank and reports use
 * (src/domain/history.ts `timelineAt`); someone never promoted and without history holds their
 * current level at every date.
 */
export function memberLevelAt(person: Person, date: string): number | null {
  const at = stateOf(person, date);
  if (at !== null) return at.post === null ? person.employee.level : at.post.values.level;
  if (person.posts !== null) return postLevelAt(person.posts, date);
  // A group built without the database's timelines (in memory): the same rule from the promotions alone.
  return levelAt(date, person.levelHistory, person.employee.level);
}

/**
 * The post timeline (SPEC §9) of someone seen in one state only: their current record from its
 * snapshot date, and their promotions (levels as the audit reads them, SPEC §1.5).
 */
export function postTimelineOf(employee: Employee, asOf: string, promotions: readonly Promotion[]): Array<TimelineEntry<PostValues>> {
  const current: TimelineEntry<PostValues> = {
    validFrom: asOf, priority: PRIORITY.snapshot, source: 'snapshot', file: null, line: null,
    values: { level: employee.level, jabatan: null, jenisJabatan: null, eselon: null, unit: employee.unit, unorId: null, instansi: employee.instansi },
  };
  return withPromotions([current], promotions.map((p) => ({
    tmt: p.tmt, levelBaru: p.levelBaru, levelAsal: p.levelAsal, jabatanBaru: p.jabatanBaru, eselonBaru: null, unit: p.unit, file: null, line: null,
  })));
}

/**
 * The people of one scope arranged so that an event only looks at those who can be at its level:
 * someone never promoted holds their current level at every date; the promoted need `levelAt`.
 */
export interface LevelIndex {
  /** People without promotions by current level (null = unknown). */
  byLevel: Map<number | null, Person[]>;
  /** People with at least one promotion. */
  promoted: Person[];
}

export interface Population {
  people: Map<string, Person>;
  everyone: Person[];
  byUnit: Map<string, Person[]>;
  byInstansi: Map<string, Person[]>;
  /** The same three scopes as level indexes (SPEC §5.2 `--scope`). */
  index: { all: LevelIndex; unit: Map<string, LevelIndex>; instansi: Map<string, LevelIndex> };
  /** Upper-cased unit name → the stored spellings (see `resolveUnitSpelling`). */
  unitSpellings: Map<string, string[]>;
}

export function levelIndex(people: readonly Person[]): LevelIndex {
  const byLevel = new Map<number | null, Person[]>();
  const promoted: Person[] = [];
  for (const person of people) {
    if (person.levelHistory.length > 0 || person.history !== null) promoted.push(person);
    else addTo(byLevel, person.employee.level, person, true);
  }
  return { byLevel, promoted };
}

/**
 * Who in a scope may be at `level` on some date (a superset: the promoted still need `levelAt`):
 * never-promoted people at that level or of unknown level, and everyone promoted. The pool
 * criteria (SPEC §5.2) are applied by `selectPool`, which also orders the result.
 */
export function mayBeAtLevel(index: LevelIndex | undefined, level: number): Person[] {
  if (index === undefined) return [];
  return [...(index.byLevel.get(level) ?? []), ...(index.byLevel.get(null) ?? []), ...index.promoted];
}

/**
 * The Promotion of a stored row. With `levels` (a `--model` with its own level table) the new
 * level and the level before are derived again from the stored posts, by the same rule as the
 * import (SPEC §1.5): the level before is known only when the row names the old post.
 */
export function promotionFromTuple(row: Readonly<PromotionTuple> | Readonly<EventTuple>, levels: MeritModel['levels'] | null): Promotion {
  const [nip, tmt, jabatanBaru, eselonBaru, levelBaru, jabatanAsal, eselonAsal, levelAsal, unit] = row;
  if (levels === null) return { nip, tmt, jabatanBaru, levelBaru, levelAsal, unit };
  const hasAsal = eselonAsal !== null || jabatanAsal !== null;
  return {
    nip, tmt, jabatanBaru, unit,
    levelBaru: jabatanLevel({ eselon: eselonBaru, jabatan: jabatanBaru, jenisJabatan: null }, levels).level,
    levelAsal: hasAsal ? jabatanLevel({ eselon: eselonAsal, jabatan: jabatanAsal, jenisJabatan: null }, levels).level : null,
  };
}

/**
 * The event's unit as the pool compares it (SPEC §5.2 "the event's unit if the file has one").
 * Promotion files are often typed by another office than the personnel export, so a unit that
 * differs from a stored employee unit only in letter case is read as that unit; an exact match
 * wins, and an ambiguous or unknown name is kept as given (it then matches nobody: no-pool).
 */
export function resolveUnitSpelling(unit: string | null, spellings: ReadonlyMap<string, readonly string[]>): string | null {
  if (unit === null) return null;
  const candidates = spellings.get(unit.toUpperCase()) ?? [];
  if (candidates.includes(unit)) return unit;
  return candidates.length === 1 ? (candidates[0] as string) : unit;
}

function addTo<K>(map: Map<K | null, Person[]>, key: K | null, person: Person, keepNull = false): void {
  if (key === null && !keepNull) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [person]);
  else list.push(person);
}

/**
 * The people of one scope group (SPEC §5.2: a unit, an instansi, or everyone) with the
 * look-ups the pool needs; the same as a Population without the unit spellings, which are
 * read once for the whole database.
 */
export type Group = Omit<Population, 'unitSpellings'>;

/** A person of the audit: records by year for strict eligibility (SPEC §5.2), education rank for DUK. */
function makePerson(employee: Employee, appraisals: Appraisal[], model: MeritModel): Person {
  const predikatByYear: Record<number, PredikatCode | null> = {};
  const hukdisByYear: Record<number, Hukdis | null> = {};
  for (const a of appraisals) {
    predikatByYear[a.tahun] = a.predikat;
    hukdisByYear[a.tahun] = a.hukumanDisiplin;
  }
  const educationRank = employee.pendidikan === null ? null : model.education[employee.pendidikan].rank;
  return { employee, appraisals, educationRank, predikatByYear, hukdisByYear, promotions: [], levelHistory: [], history: null, posts: null, stateAt: null };
}

/**
 * Builds a group from people with their promotions in date order; each event's level before is
 * computed once, from the person's own earlier events and current level (SPEC §5.1).
 */
export function buildGroup(
  employees: Iterable<{ employee: Employee; appraisals: Appraisal[]; promotions: readonly Promotion[]; history?: PersonHistory | null; asOf?: string | null }>,
  model: MeritModel,
): Group {
  const people = new Map<string, Person>();
  const everyone: Person[] = [];
  const byUnit = new Map<string, Person[]>();
  const byInstansi = new Map<string, Person[]>();
  for (const { employee, appraisals, promotions, history, asOf } of employees) {
    const person = makePerson(employee, appraisals, model);
    person.history = history ?? null;
    if (person.history === null && promotions.length > 0 && asOf !== undefined && asOf !== null) person.posts = postTimelineOf(employee, asOf, promotions);
    for (const event of promotions) {
      // The personnel level on the day before D: with history, the timeline's (SPEC §5.1, §9).
      const personnelLevel = person.history === null ? employee.level : (stateOf(person, dayBefore(event.tmt))?.post?.values.level ?? employee.level);
      const before = levelBefore(event, person.promotions.map((p) => p.event), personnelLevel);
      person.promotions.push({ event, before });
      person.levelHistory.push({ tmt: event.tmt, levelBefore: before.level });
    }
    people.set(employee.nip, person);
    everyone.push(person);
    addTo(byUnit, employee.unit, person);
    addTo(byInstansi, employee.instansi, person);
    // Someone promoted into a unit named by the promotion row was in it from the promotion's TMT (SPEC §9).
    if (person.history === null && person.posts !== null) {
      const units = new Set([employee.unit]);
      for (const { values } of person.posts) {
        if (!units.has(values.unit)) addTo(byUnit, values.unit, person);
        units.add(values.unit);
      }
    }
    // Someone who moved is a possible pool member of every unit and instansi they were in (SPEC §9).
    if (person.history !== null) {
      const units = new Set([employee.unit]);
      const instansis = new Set([employee.instansi]);
      for (const { values } of person.history.timelines.posts) {
        if (!units.has(values.unit)) addTo(byUnit, values.unit, person);
        if (!instansis.has(values.instansi)) addTo(byInstansi, values.instansi, person);
        units.add(values.unit);
        instansis.add(values.instansi);
      }
    }
  }
  const indexes = (map: Map<string, Person[]>) => new Map([...map].map(([key, list]) => [key, levelIndex(list)]));
  const index = { all: levelIndex(everyone), unit: indexes(byUnit), instansi: indexes(byInstansi) };
  return { people, everyone, byUnit, byInstansi, index };
}

/** Upper-cased unit name → the stored spellings (see `resolveUnitSpelling`). */
export function unitSpellingsOf(units: Iterable<string>): Map<string, string[]> {
  const spellings = new Map<string, string[]>();
  for (const unit of units) {
    const key = unit.toUpperCase();
    const list = spellings.get(key) ?? [];
    if (!list.includes(unit)) spellings.set(key, [...list, unit]);
  }
  return spellings;
}

/**
 * Builds the population. `promotions` are grouped by person in date order (as the query
 * returns them). Promotions of a NIP without a personnel row are dropped here and reported by
 * the caller.
 */
export function buildPopulation(
  employees: Iterable<{ employee: Employee; appraisals: Appraisal[] }>,
  promotions: readonly Promotion[],
  model: MeritModel,
): Population {
  const byNip = new Map<string, Promotion[]>();
  for (const event of promotions) {
    const list = byNip.get(event.nip);
    if (list === undefined) byNip.set(event.nip, [event]);
    else list.push(event);
  }
  const withPromotions = (function* () {
    for (const { employee, appraisals } of employees) yield { employee, appraisals, promotions: byNip.get(employee.nip) ?? [] };
  })();
  const group = buildGroup(withPromotions, model);
  const units: string[] = [];
  for (const person of group.everyone) if (person.employee.unit !== null) units.push(person.employee.unit);
  return { ...group, unitSpellings: unitSpellingsOf(units) };
}

/**
 * A person as the audit of an event at `date` sees them (SPEC §5.2, §5.4): level at D from their
 * later promotions, DUK key at D with that level, and merit left null (filled for the pool only).
 */
export function candidateAt(person: Person, date: string, level: number | null = memberLevelAt(person, date)): Candidate {
  const rival = rivalAt(person, date, level);
  return { ...rival, duk: dukKeyAt(stateOf(person, date)?.employee ?? person.employee, date, person.educationRank, level) };
}

/** The same without the DUK key, for counting who failed which pool criterion (`noPoolReason`); the state at D where history exists (SPEC §9). */
export function rivalAt(person: Person, date: string, level: number | null): Rival {
  const at = stateOf(person, date);
  const e = at?.employee ?? person.employee;
  const promotedInto = at === null && person.posts !== null ? promotionUnitAt(person.posts, date, e.unit) : null;
  return {
    nip: e.nip,
    unit: promotedInto === null ? e.unit : promotedInto.unit,
    instansi: e.instansi,
    group: jenisGroup(e.jenisPegawai),
    tmtCpns: e.tmtCpns,
    levelAtD: level,
    promotedOnD: person.levelHistory.some((p) => p.tmt === date),
    merit: null,
    predikatByYear: person.predikatByYear,
    hukdisByYear: person.hukdisByYear,
    ...(promotedInto === null ? {} : { source: { unit: promotedInto.source, level: promotedInto.source } }),
    ...(at === null ? {} : {
      statusAtD: at.status,
      source: { unit: provenanceText(at.post?.assumed ?? true, at.post?.from ?? null), level: provenanceText(at.post?.assumed ?? true, at.post?.from ?? null) },
    }),
  };
}

/**
 * The unit at D of someone seen in one snapshot only but promoted, when it is not their record's
 * (SPEC §9: a promotion row that names a unit is an entry of the post timeline): the promotion's
 * unit from its TMT until the snapshot. Null when the record's unit holds at D.
 */
function promotionUnitAt(posts: ReadonlyArray<TimelineEntry<PostValues>>, date: string, current: string | null): { unit: string; source: string } | null {
  const at = timelineAt(posts, date);
  const unit = at?.values.unit ?? null;
  if (at === null || at.from === null || unit === null || unit === current) return null;
  return { unit, source: at.assumed ? 'assumed' : `promotion of ${at.from.validFrom}` };
}

/** "file line N", or "assumed" (SPEC §9: `audit --event` marks assumed values). */
function provenanceText(assumed: boolean, from: { file: string | null; line: number | null; source: string } | null): string {
  if (assumed || from === null) return 'assumed';
  return `${from.file ?? from.source}${from.line === null ? '' : ` line ${from.line}`}`;
}

/**
 * Whether a person of P's scope, at `levelAtD` on `date`, can be in P's pool (SPEC §5.2): the
 * criteria `selectPool` applies — same jenis group, tmt_cpns ≤ D, level at D known, not promoted
 * on D, and with strict eligibility SB or B and no sedang or berat hukuman disiplin in
 * year(D) − 1 and year(D) − 2. Checked before a Candidate (with its DUK key) is made, so an audit
 * of many events builds candidates only for people the pool keeps; `selectPool` still decides.
 */
export function mayJoinPool(person: Person, levelAtD: number | null, group: JenisGroup | null, date: string, strict: boolean): boolean {
  const e = person.employee;
  if (levelAtD === null || group === null || jenisGroup(e.jenisPegawai) !== group) return false;
  if (e.tmtCpns === null || e.tmtCpns > date) return false;
  if (person.levelHistory.some((p) => p.tmt === date)) return false;
  if (person.history !== null && stateOf(person, date)?.active === false) return false;
  if (!strict) return true;
  const year = Number(date.slice(0, 4));
  for (const y of [year - 1, year - 2]) {
    const predikat = person.predikatByYear[y] ?? null;
    if (predikat !== 'SB' && predikat !== 'B') return false;
    const hukdis = person.hukdisByYear[y] ?? null;
    if (hukdis === 'sedang' || hukdis === 'berat') return false;
  }
  return true;
}

/**
 * Merit per (person, Y), computed once: the same people sit in many pools (SPEC §5.3). Numbers
 * only (meritScores, equal to computeMerit's); keyed by the Person, so a group's merits go when
 * the group does.
 */
export function meritCache(model: MeritModel): (person: Person, year: number) => number | null {
  const cache = new WeakMap<Person, Map<number, number | null>>();
  return (person, year) => {
    let byYear = cache.get(person);
    if (byYear === undefined) {
      byYear = new Map();
      cache.set(person, byYear);
    }
    let merit = byYear.get(year);
    if (merit === undefined) {
      merit = meritScores(person.employee, person.appraisals, year, model).merit;
      byYear.set(year, merit);
    }
    return merit;
  };
}
