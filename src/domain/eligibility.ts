/**
 * Eligibility for appointment to a post of level 5–9 (SPEC §11): the requirements of PP 11/2017
 * on Manajemen PNS as amended by PP 17/2020 — art. 54 (pengawas), art. 53 (administrator),
 * art. 107 (pimpinan tinggi) — plus the golongan table of PP 13/2002 and the BUP of art. 239.
 * Each rule is one pure function returning null (met) or a Failure that says why, with the
 * numbers a reason in words needs (eligibility-reasons.ts). Thresholds come from the model
 * (`eligibility`, *(config)*); the date D is an argument.
 */
import { serviceMonths } from './duk.js';
import { golonganLabel, parseGolongan } from './golongan.js';
import type { EducationEntry, EligibilityLevelRules, EligibilityModel } from './model.js';
import type { EducationCode, Hukdis, PredikatCode } from './types.js';

export type EligibilityRule = 'education' | 'experience' | 'performance' | 'discipline' | 'golongan' | 'age';
/** The rules in the order they are checked and listed (SPEC §11 table order). */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = ['education', 'experience', 'performance', 'discipline', 'golongan', 'age'];

export type Failure =
  | { rule: 'education'; actual: EducationCode | null; required: EducationCode }
  /** months null: unknown (no tmt_cpns / no post date); `atLevel` false: not at that level at D. */
  | { rule: 'experience'; level: number | null; months: number | null; atLevel: boolean; requiredYears: number }
  | { rule: 'performance'; year: number; actual: PredikatCode | null; required: PredikatCode }
  | { rule: 'discipline'; year: number; actual: Hukdis }
  | { rule: 'golongan'; actual: string | null; required: string }
  | { rule: 'age'; age: number | null; maxAge: number };

/** Predikat from best to worst (PermenPANRB 6/2022). */
const PREDIKAT_ORDER: readonly PredikatCode[] = ['SB', 'B', 'BP', 'K', 'SK'];
/** Hukuman disiplin from none to heaviest (PP 94/2021). */
const HUKDIS_ORDER: readonly Hukdis[] = ['none', 'ringan', 'sedang', 'berat'];

/** The years whose appraisals count at D: year(D)−1 … year(D)−n, newest first (SPEC §11). */
export function countedYears(date: string, n: number): number[] {
  const year = Number(date.slice(0, 4));
  return Array.from({ length: n }, (_, k) => year - 1 - k);
}

/**
 * Education at least (PP 11/2017 art. 54 b: pengawas at least D-III; art. 53 b and 107: S-1/D-IV),
 * compared by the model's education rank (SPEC §1.5). A missing education fails.
 */
export function educationAtLeast(actual: EducationCode | null, required: EducationCode, table: Record<EducationCode, EducationEntry>): Failure | null {
  if (actual !== null && table[actual].rank >= table[required].rank) return null;
  return { rule: 'education', actual, required };
}

/**
 * Years of service at D (PP 11/2017 art. 54 d: at least 4 years as pelaksana, or higher):
 * whole service months from tmt_cpns (SPEC §2) against 12·N. A missing tmt_cpns fails.
 */
export function serviceAtLeast(tmtCpns: string | null, date: string, years: number): Failure | null {
  const months = serviceMonths(tmtCpns, date);
  if (months !== null && months >= 12 * years) return null;
  return { rule: 'experience', level: null, months: months === null ? null : Math.max(0, months), atLevel: true, requiredYears: years };
}

/**
 * One entry of the post timeline (SPEC §9): the level held from a date. `heldSince` is the TMT
 * jabatan a snapshot version gave for the post when the entry itself is dated by the snapshot
 * (`as_of`): the post was held since then, which is when a run of levels can have started.
 */
export interface PostEntry {
  from: string | null;
  level: number | null;
  heldSince?: string | null;
}

/**
 * Whole months at level ≥ `level` at D (SPEC §11): the time since the start of the unbroken run
 * of post-timeline entries at level ≥ `level` that reaches D, counted as service months (§2).
 * Entries are given in timeline order (by date, then the SPEC §9 priority: the last of a date
 * wins); entries dated after D are not looked at, undated ones (a post without tmt_jabatan) can
 * only be the one in force and go last. The run starts at its first entry's date, or earlier at
 * that entry's `heldSince` when that lies after the entry before the run (or there is none) and
 * not after D. With no entry dated ≤ D the earliest entry is assumed to be in force (SPEC §9
 * "assumed"): its run starts at its `heldSince` when that is ≤ D, else it is unknown.
 * Returns 'not-at-level' when the entry in force at D is below `level` (or of unknown level, or
 * there is none); null when the run's start is not known.
 */
export function monthsAtLevel(timeline: readonly PostEntry[], level: number, date: string): number | 'not-at-level' | null {
  const known = timeline.filter((e) => e.from === null || e.from <= date);
  // Undated entries can only be the one in force: keep them last (the sort is stable).
  const sorted = known.length > 0
    ? [...known].sort((a, b) => (a.from === null ? (b.from === null ? 0 : 1) : b.from === null ? -1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    : earliestOf(timeline);
  let k = sorted.length - 1;
  while (k >= 0 && sorted[k]!.level !== null && sorted[k]!.level! >= level) k--;
  const start = sorted[k + 1];
  if (start === undefined) return 'not-at-level';
  const before = k >= 0 ? sorted[k]!.from : null;
  const held = start.heldSince ?? null;
  const heldOk = held !== null && held <= date && (start.from === null || held <= start.from) && (before === null || held > before);
  const from = heldOk ? held : start.from !== null && start.from <= date ? start.from : null;
  if (from === null) return null;
  return Math.max(0, serviceMonths(from, date) ?? 0);
}

/** The earliest dated entry (the first of them on a tie), as a one-entry timeline; [] when none. */
function earliestOf(timeline: readonly PostEntry[]): PostEntry[] {
  let first: PostEntry | null = null;
  for (const e of timeline) if (e.from !== null && (first === null || e.from < first.from!)) first = e;
  return first === null ? [] : [first];
}

/**
 * Experience at level (PP 11/2017 art. 53 d: administrator after at least 3 years as pengawas or
 * an equivalent functional post, i.e. level ≥ 5; art. 107 c: JPT pratama after at least 2 years
 * as administrator or Ahli Madya, level ≥ 6): months at level ≥ `level` against 12·N.
 */
export function experienceAtLevel(timeline: readonly PostEntry[], level: number, date: string, years: number): Failure | null {
  const months = monthsAtLevel(timeline, level, date);
  if (typeof months === 'number' && months >= 12 * years) return null;
  if (months === 'not-at-level') return { rule: 'experience', level, months: null, atLevel: false, requiredYears: years };
  return { rule: 'experience', level, months, atLevel: true, requiredYears: years };
}

/**
 * Performance (PP 11/2017 art. 53 e, 54 e, 107: "penilaian kinerja paling sedikit bernilai baik
 * dalam 2 tahun terakhir"): predikat at least `required` in each counted year. A year without a
 * predikat fails; one failure per failing year.
 */
export function performanceAtLeast(predikatByYear: Readonly<Record<number, PredikatCode | null>>, years: readonly number[], required: PredikatCode): Failure[] {
  const limit = PREDIKAT_ORDER.indexOf(required);
  const failures: Failure[] = [];
  for (const year of years) {
    const actual = predikatByYear[year] ?? null;
    if (actual === null || PREDIKAT_ORDER.indexOf(actual) > limit) failures.push({ rule: 'performance', year, actual, required });
  }
  return failures;
}

/**
 * Discipline (PP 94/2021 on disiplin PNS; the integrity requirement of PP 11/2017 art. 53 c,
 * 54 c, 107): no hukuman disiplin heavier than `maxAllowed` (default ringan: sedang and berat
 * exclude) in the counted years. A year without a record counts as none.
 */
export function disciplineAtMost(hukdisByYear: Readonly<Record<number, Hukdis | null>>, years: readonly number[], maxAllowed: Hukdis): Failure[] {
  const limit = HUKDIS_ORDER.indexOf(maxAllowed);
  const failures: Failure[] = [];
  for (const year of years) {
    const actual = hukdisByYear[year] ?? 'none';
    if (HUKDIS_ORDER.indexOf(actual) > limit) failures.push({ rule: 'discipline', year, actual });
  }
  return failures;
}

/**
 * Golongan at D at least `required` (the eselon–golongan table of PP 100/2000 as amended by
 * PP 13/2002, kept by many agencies: III/a for pengawas, III/c administrator, IV/b JPT pratama).
 * `code` is the SIASN GOL_ID of a PNS golongan; a missing golongan fails.
 */
export function golonganAtLeast(code: number | null, required: string): Failure | null {
  const parsed = parseGolongan(required, 'PNS');
  const min = parsed.ok ? parsed.value.code : Number.POSITIVE_INFINITY;
  if (code !== null && code >= min) return null;
  return { rule: 'golongan', actual: golonganLabel(code, 'PNS'), required: parsed.ok ? parsed.value.label : required };
}

/** Age in whole years at D from the birth date; null when the birth date is unknown. */
export function ageAt(tglLahir: string | null, date: string): number | null {
  const months = serviceMonths(tglLahir, date);
  return months === null ? null : Math.floor(months / 12);
}

/**
 * Age at D at most `maxAge` whole years (PP 11/2017 art. 239: BUP 58 for administrative posts,
 * so below 58; art. 107 c as amended by PP 17/2020: JPT pratama at most 56). Unknown age fails.
 */
export function ageAtMost(tglLahir: string | null, date: string, maxAge: number): Failure | null {
  const age = ageAt(tglLahir, date);
  if (age !== null && age <= maxAge) return null;
  return { rule: 'age', age, maxAge };
}

/** Whole years from D until the BUP age is reached (never below 0); null when age or BUP is unknown. */
export function yearsToBup(tglLahir: string | null, date: string, bup: number | null): number | null {
  const months = serviceMonths(tglLahir, date);
  if (months === null || bup === null) return null;
  return Math.max(0, Math.floor((bup * 12 - months) / 12));
}

/** A person as the eligibility rules read them at D (the state at D, SPEC §9). */
export interface EligibilityInput {
  pendidikan: EducationCode | null;
  tmtCpns: string | null;
  golonganCode: number | null;
  tglLahir: string | null;
  /** The post timeline (SPEC §9): riwayat and snapshot entries, or the current post from its tmt_jabatan. */
  posts: readonly PostEntry[];
  predikatByYear: Readonly<Record<number, PredikatCode | null>>;
  hukdisByYear: Readonly<Record<number, Hukdis | null>>;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Every failed rule, in ELIGIBILITY_RULES order (a rule may fail for several years). */
  failures: Failure[];
}

/**
 * Every rule of SPEC §11 for a post of the level whose thresholds are `rules`, at D. A null
 * threshold drops its rule. Returns all failures, not the first: the excluded are told every reason.
 */
export function checkEligibility(
  person: EligibilityInput,
  date: string,
  rules: EligibilityLevelRules,
  model: { eligibility: EligibilityModel; education: Record<EducationCode, EducationEntry> },
): EligibilityResult {
  const failures: Failure[] = [];
  const push = (f: Failure | null) => {
    if (f !== null) failures.push(f);
  };
  if (rules.education !== null) push(educationAtLeast(person.pendidikan, rules.education, model.education));
  if (rules.experienceYears !== null) {
    push(rules.experienceLevel === null
      ? serviceAtLeast(person.tmtCpns, date, rules.experienceYears)
      : experienceAtLevel(person.posts, rules.experienceLevel, date, rules.experienceYears));
  }
  const years = countedYears(date, model.eligibility.years);
  failures.push(...performanceAtLeast(person.predikatByYear, years, model.eligibility.minPredikat));
  failures.push(...disciplineAtMost(person.hukdisByYear, years, model.eligibility.maxHukuman));
  if (rules.golongan !== null) push(golonganAtLeast(person.golonganCode, rules.golongan));
  if (rules.maxAge !== null) push(ageAtMost(person.tglLahir, date, rules.maxAge));
  return { eligible: failures.length === 0, failures };
}
