/**
 * `asn candidates` use case (SPEC §11): for a vacant post of level L at date D, the pool (PNS
 * active at D in the scope, level at D below L), the eligibility rules of PP 11/2017 as amended
 * by PP 17/2020 for each member, and the eligible ordered by merit of Y = year(D) − 1 (the same
 * scoring as `asn rank --year Y`), ties by DUK at D, then nip; the eligible without merit follow
 * in DUK order. The excluded keep every reason. Never prints; returns the result with D, L, the
 * scope, the model and its hash.
 */
import { compareDuk, dukKeyAt, serviceMonths, type DukKey } from '../../domain/duk.js';
import { ageAt, checkEligibility, countedYears, monthsAtLevel, yearsToBup, type Failure } from '../../domain/eligibility.js';
import { reasonsText } from '../../domain/eligibility-reasons.js';
import { golonganLabel } from '../../domain/golongan.js';
import type { EligibilityLevelRules, EligibilityModel, VacancyLevel } from '../../domain/model.js';
import { meritKey } from '../../domain/numbers.js';
import { PREDIKAT_CODES, type Hukdis, type PredikatCode } from '../../domain/types.js';
import { openDatabase, type Db } from '../../db/open.js';
import { countedAppraisals, instansiMatching, instansiNames, type CandidateScopeQuery } from '../../db/queries/candidates.js';
import { dataPresent } from '../../db/queries/merit-inputs.js';
import { defaultModel, loadModel } from '../../model/load.js';
import { InputError, UsageError } from '../../shared/errors.js';
import { levelsChanged } from '../population/inputs.js';
import { resolveUnits, scorePopulation, type ModelInfo, type RankContext } from '../population/scoring.js';
import { defaultDate, earliestDate, peopleAt, stateSource, type PersonAtDate, type StateSource } from './state-at-date.js';
import { vacancyLevel, type Vacancy, type VacancyInput } from './vacancy.js';

export interface CandidatesRequest {
  db: string;
  vacancy: VacancyInput;
  /** `--unit` (repeatable) or `--instansi`; neither = everyone. */
  units: readonly string[];
  instansi?: string;
  /** D as YYYY-MM-DD; default the newest snapshot date (state-at-date.ts). */
  date?: string;
  modelFile?: string;
}

/** One eligible person: the columns of SPEC §11. */
export interface CandidateRow {
  rank: number;
  nip: string;
  nama: string;
  unit: string | null;
  golongan: string | null;
  level: number;
  merit: number | null;
  box: number | null;
  predikat1: PredikatCode | null;
  predikat2: PredikatCode | null;
  serviceYears: number | null;
  yearsAtLevel: number | null;
  age: number | null;
  yearsToBup: number | null;
  successionPool: boolean;
}

/** One excluded pool member with every failed rule (SPEC §11 `--excluded`). */
export interface ExcludedRow {
  nip: string;
  nama: string;
  unit: string | null;
  failures: Failure[];
  /** The reasons in Indonesian, joined by "; " (reports give them in --lang from `failures`). */
  reasons: string;
}

export interface CandidatesScope {
  kind: 'all' | 'unit' | 'instansi';
  /** The stored unit or instansi names the scope was resolved to. */
  names: string[];
}

/** Who the pool left out, by the first pool rule they miss (SPEC §11 "Pool"). */
export interface PoolCounts {
  /** Everyone of the scope read. */
  scope: number;
  notPns: number;
  notActive: number;
  levelUnknown: number;
  levelNotBelow: number;
  pool: number;
}

export interface CandidatesResult {
  date: string;
  /** True when D was not given (the newest snapshot date was taken). */
  dateDefaulted: boolean;
  vacancy: Vacancy;
  scope: CandidatesScope;
  /** Y = year(D) − 1: the merit year and the box year. */
  year: number;
  /** The years whose predikat and hukuman count, year(D) − 1 first. */
  countedYears: number[];
  model: ModelInfo;
  levelsRederived: boolean;
  rules: EligibilityLevelRules;
  eligibility: EligibilityModel;
  /** What the state at D was taken from (state-at-date.ts). */
  state: StateSource;
  pool: PoolCounts;
  candidates: CandidateRow[];
  excluded: ExcludedRow[];
}

const SHOWN = 8;
const HUKDIS: readonly Hukdis[] = ['none', 'ringan', 'sedang', 'berat'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value === null ? null : (allowed.find((a) => a === value) ?? null);
}

/** `--instansi` → the stored name (case-insensitive); unknown is exit 2 with the names there are. */
function resolveInstansi(db: Db, wanted: string): string {
  const matches = instansiMatching(db, wanted.trim().replace(/\s+/g, ' '));
  if (matches.length === 0) {
    const names = instansiNames(db);
    const shown = names.slice(0, SHOWN).map((n) => `"${n}"`).join(', ');
    const more = names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '';
    throw new UsageError(`no employee in instansi "${wanted}"`, names.length === 0 ? 'no instansi is recorded; use --unit or leave the scope out' : `instansi: ${shown}${more}`);
  }
  return matches[0]!;
}

function resolveScope(db: Db, request: CandidatesRequest): { query: CandidateScopeQuery; scope: CandidatesScope } {
  if (request.instansi !== undefined) {
    const name = resolveInstansi(db, request.instansi);
    return { query: { units: [], instansi: name }, scope: { kind: 'instansi', names: [name] } };
  }
  if (request.units.length > 0) {
    const units = resolveUnits(db, request.units);
    return { query: { units, instansi: null }, scope: { kind: 'unit', names: units } };
  }
  return { query: { units: [], instansi: null }, scope: { kind: 'all', names: [] } };
}

/** D: given, else the newest snapshot date; refused (exit 2) when before any data. */
function settleDate(db: Db, given: string | undefined): { date: string; defaulted: boolean } {
  const date = given ?? defaultDate(db);
  if (date === null) throw new InputError('the database holds no personnel import to date the list by', 'give the date: --date 2026-01-15');
  const earliest = earliestDate(db);
  if (earliest !== null && date < earliest) {
    throw new UsageError(`--date ${date} is before any data: nobody was in service yet (the earliest TMT CPNS is ${earliest})`, `give a date on or after ${earliest}, e.g. the default (the newest snapshot date)`);
  }
  return { date, defaulted: given === undefined };
}

interface Member {
  person: PersonAtDate;
  duk: DukKey;
  merit: number | null;
  key: number;
  box: number | null;
  predikat: Record<number, PredikatCode | null>;
  hukdis: Record<number, Hukdis | null>;
  failures: Failure[];
}

/** Merit desc at 6 decimals (SPEC §2), ties by DUK at D then nip; members without merit after, in DUK order. */
function compareMembers(a: Member, b: Member): number {
  const am = a.merit !== null;
  const bm = b.merit !== null;
  if (am !== bm) return am ? -1 : 1;
  return (am ? b.key - a.key : 0) || compareDuk(a.duk, b.duk);
}

export function listCandidates(request: CandidatesRequest): CandidatesResult {
  const loaded = loadModel(request.modelFile);
  const model = loaded.model;
  const vacancy = vacancyLevel(request.vacancy, model.levels);
  const db = openDatabase(request.db, 'read');
  try {
    if (!dataPresent(db).employees) {
      throw new InputError(`the database ${request.db} holds no employees`, 'import first: asn import personnel.csv appraisals.csv');
    }
    const { query, scope } = resolveScope(db, request);
    const { date, defaulted } = settleDate(db, request.date);
    const year = Number(date.slice(0, 4)) - 1;
    const counted = countedYears(date, model.eligibility.years);
    const rules = model.eligibility.levels[String(vacancy.level) as VacancyLevel];
    const levels = levelsChanged(model, defaultModel()) ? model.levels : null;
    const modelInfo: ModelInfo = { name: loaded.name, hash: loaded.hash, file: request.modelFile ?? null };

    // Merit and box of Y, exactly as `asn rank --year Y` scores them (src/app/population/scoring.ts).
    // Everyone is scored: the scope is taken at D, and someone in it at D may be elsewhere now.
    const ctx: RankContext = { model, modelInfo, year, referenceDate: date, units: [], levels };
    const { scored } = scorePopulation(db, ctx);
    const rowOf = scored.nipIndex();

    const pool: PoolCounts = { scope: 0, notPns: 0, notActive: 0, levelUnknown: 0, levelNotBelow: 0, pool: 0 };
    const members = new Map<string, Member>();
    for (const person of peopleAt(db, date, query, levels)) {
      pool.scope++;
      const e = person.employee;
      if (e.jenisPegawai !== 'PNS') pool.notPns++;
      else if (!person.active) pool.notActive++;
      else if (e.level === null) pool.levelUnknown++;
      else if (e.level >= vacancy.level) pool.levelNotBelow++;
      else {
        const i = rowOf.get(e.nip);
        const merit = i >= 0 && scored.isRated(i) ? scored.merit[i]! : null;
        const educationRank = e.pendidikan === null ? null : model.education[e.pendidikan].rank;
        members.set(e.nip, {
          person, duk: dukKeyAt(e, date, educationRank, e.level), merit, key: merit === null ? 0 : meritKey(merit),
          box: i >= 0 ? scored.boxOf(i) : null, predikat: {}, hukdis: {}, failures: [],
        });
      }
    }
    pool.pool = members.size;

    const first = Math.min(...counted, year - 1);
    for (const a of countedAppraisals(db, first, year)) {
      const m = members.get(a.nip);
      if (m === undefined) continue;
      m.predikat[a.tahun] = oneOf(a.predikat, PREDIKAT_CODES);
      m.hukdis[a.tahun] = oneOf(a.hukuman_disiplin, HUKDIS);
    }
    for (const m of members.values()) {
      const e = m.person.employee;
      m.failures = checkEligibility(
        { pendidikan: e.pendidikan, tmtCpns: e.tmtCpns, golonganCode: e.golonganCode, tglLahir: e.tglLahir, posts: m.person.posts, predikatByYear: m.predikat, hukdisByYear: m.hukdis },
        date, rules, model,
      ).failures;
    }
    const ordered = [...members.values()].sort(compareMembers);
    const candidates: CandidateRow[] = [];
    const excluded: ExcludedRow[] = [];
    for (const m of ordered) {
      const e = m.person.employee;
      if (m.failures.length > 0) {
        excluded.push({ nip: e.nip, nama: e.nama, unit: e.unit, failures: m.failures, reasons: reasonsText(m.failures, 'id') });
        continue;
      }
      const service = serviceMonths(e.tmtCpns, date);
      const atLevel = monthsAtLevel(m.person.posts, rules.experienceLevel ?? e.level ?? 1, date);
      candidates.push({
        rank: candidates.length + 1,
        nip: e.nip,
        nama: e.nama,
        unit: e.unit,
        golongan: golonganLabel(e.golonganCode, e.jenisPegawai),
        level: e.level as number,
        merit: m.merit,
        box: m.box,
        predikat1: m.predikat[year] ?? null,
        predikat2: m.predikat[year - 1] ?? null,
        serviceYears: service === null ? null : Math.floor(Math.max(0, service) / 12),
        yearsAtLevel: typeof atLevel === 'number' ? Math.floor(atLevel / 12) : null,
        age: ageAt(e.tglLahir, date),
        yearsToBup: yearsToBup(e.tglLahir, date, rules.bup),
        successionPool: m.box !== null && m.box >= 7,
      });
    }
    return {
      date, dateDefaulted: defaulted, vacancy, scope, year, countedYears: counted, model: modelInfo, levelsRederived: levels !== null,
      rules, eligibility: model.eligibility, state: stateSource(db, date), pool, candidates, excluded,
    };
  } finally {
    db.close();
  }
}
