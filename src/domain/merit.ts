/**
 * Merit score of one employee in evaluation year Y (SPEC §3, model asn-merit-v1).
 * Returns the full breakdown — value, weight, contribution, the rule in words with its numbers,
 * the inputs used and why a component is missing — so `rank --explain` and the employee report
 * can show how every number was made. Nothing is rounded here; rounding is for printing only.
 */
import type { ComponentName, MeritModel } from './model.js';
import { roundHalfAwayFromZero } from './numbers.js';
import type { Appraisal, Employee, Hukdis } from './types.js';

export type MeritStatus = 'complete' | 'incomplete' | 'unrated';

export interface ComponentResult {
  /** 0–100, or null when missing. */
  value: number | null;
  weight: number;
  /** weight · value ÷ Σ present weights, so the contributions add up to merit. */
  contribution: number | null;
  /** The formula in words with its numbers. */
  rule: string;
  inputs: Record<string, string | number | null>;
  /** Why the value is missing; null when present. */
  missing: string | null;
}

export interface MeritResult {
  nip: string;
  year: number;
  status: MeritStatus;
  merit: number | null;
  /** Σ present weights ÷ Σ all weights (equals SPEC's Σ present weights when they sum to 1). */
  coverage: number;
  components: Record<ComponentName, ComponentResult>;
}

/** Component order used for sums and output (SPEC §3 table order). */
export const COMPONENT_NAMES: readonly ComponentName[] = [
  'kinerja', 'kompetensi', 'pengembangan', 'kualifikasi', 'disiplin',
];

/** Coverage within this distance of 1 counts as complete (weights like 0.3 + … are inexact). */
const COVERAGE_TOLERANCE = 1e-9;

/** Regulatory severity order of hukuman disiplin (PP 94/2021), least severe first. */
const HUKDIS_SEVERITY: readonly Hukdis[] = ['none', 'ringan', 'sedang', 'berat'];

/** Shared empty inputs and reason of the numbers-only path (no allocation per employee). */
const NO_INPUTS: Record<string, string | number | null> = Object.freeze({}) as Record<string, string | number | null>;
const MISSING = 'missing';

/** A component before weighting. */
type Part = Pick<ComponentResult, 'value' | 'rule' | 'inputs' | 'missing'>;

/** Formats a number for the rule text only (2 decimals, trailing zeros dropped). */
function num(value: number): string {
  return String(roundHalfAwayFromZero(value, 2));
}

/** The appraisal window {Y−1, Y} of SPEC §3, oldest first. */
export function meritWindow(year: number): [number, number] {
  return [year - 1, year];
}

/** The appraisal of one year; the database keys appraisals by nip + tahun, so there is at most one. */
function appraisalOf(appraisals: readonly Appraisal[], year: number): Appraisal | undefined {
  return appraisals.find((a) => a.tahun === year);
}

/**
 * Rated (SPEC §3 "at least one appraisal in the window"): some appraisal of Y−1 or Y has a
 * predikat. A row without a predikat (only JPM or JP) does not make an employee rated, so a
 * rated employee always has a kinerja value.
 */
export function isRated(appraisals: readonly Appraisal[], year: number): boolean {
  return appraisalOf(appraisals, year - 1)?.predikat != null || appraisalOf(appraisals, year)?.predikat != null;
}

/**
 * kinerja (SPEC §3): mean over the window years having a predikat of
 * (value % ÷ maxValue × 100); value % from PermenPANRB 1/2023 (SPEC §1.4).
 */
export function kinerjaComponent(appraisals: readonly Appraisal[], year: number, model: MeritModel, detail = true): Part {
  const max = model.kinerja.maxValue;
  const inputs: Record<string, string | number | null> = {};
  const scores: number[] = [];
  const labels: string[] = [];
  for (const y of meritWindow(year)) {
    const appraisal = appraisalOf(appraisals, y);
    const predikat = appraisal?.predikat ?? null;
    if (detail) inputs[`predikat_${y}`] = predikat;
    if (appraisal === undefined || predikat === null) continue;
    const percent = model.predikatValue[predikat];
    scores.push((percent / max) * 100);
    if (!detail) continue;
    inputs[`source_${y}`] = appraisal.predikatSource;
    inputs[`value_${y}`] = percent;
    labels.push(`${y} (${predikat} ${num(percent)}%)`);
  }
  const [first, second] = meritWindow(year);
  if (scores.length === 0) {
    return { value: null, rule: '', inputs, missing: detail ? `no predikat in ${first} or ${second}` : MISSING };
  }
  const value = scores.reduce((s, x) => s + x, 0) / scores.length;
  if (!detail) return { value, rule: '', inputs: NO_INPUTS, missing: null };
  const rule =
    `mean of (value% ÷ ${num(max)} × 100) over ${labels.join(' and ')} = ` +
    `(${scores.map(num).join(' + ')}) / ${scores.length} = ${num(value)}`;
  return { value, rule, inputs, missing: null };
}

/** kompetensi (SPEC §3): the latest JPM in years ≤ Y (a later year is ignored), capped. */
export function kompetensiComponent(appraisals: readonly Appraisal[], year: number, model: MeritModel, detail = true): Part {
  const cap = model.kompetensi.cap;
  let latest: Appraisal | undefined;
  for (const a of appraisals) {
    if (a.tahun <= year && a.jpm !== null && (latest === undefined || a.tahun > latest.tahun)) latest = a;
  }
  if (latest === undefined || latest.jpm === null) {
    return { value: null, rule: '', inputs: { cap }, missing: `no JPM in any year ≤ ${year}` };
  }
  const value = Math.min(latest.jpm, cap);
  if (!detail) return { value, rule: '', inputs: NO_INPUTS, missing: null };
  return {
    value,
    rule: `latest JPM in years ≤ ${year}: ${num(latest.jpm)} (${latest.tahun}), capped at ${num(cap)} = ${num(value)}`,
    inputs: { jpm: latest.jpm, jpm_year: latest.tahun, cap },
    missing: null,
  };
}

/**
 * pengembangan (SPEC §3): min(JP of Y ÷ target, 1) × 100; target per jenis pegawai from the
 * model (PP 11/2017 art. 203(4)), the PNS target when jenis pegawai is unknown.
 */
export function pengembanganComponent(
  employee: Employee,
  appraisals: readonly Appraisal[],
  year: number,
  model: MeritModel,
  detail = true,
): Part {
  const jenis = employee.jenisPegawai ?? 'PNS';
  const target = model.pengembangan.jpTarget[jenis];
  const jp = appraisalOf(appraisals, year)?.jp ?? null;
  const inputs = { jp, jp_year: year, target, jenis_pegawai: employee.jenisPegawai };
  if (jp === null) return { value: null, rule: '', inputs, missing: `no JP recorded for ${year}` };
  const value = Math.min(jp / target, 1) * 100;
  if (!detail) return { value, rule: '', inputs: NO_INPUTS, missing: null };
  const targetLabel = employee.jenisPegawai === null ? 'PNS, jenis pegawai unknown' : jenis;
  return {
    value,
    rule: `min(JP ${year} ÷ target ${num(target)} (${targetLabel}), 1) × 100 = min(${num(jp)} ÷ ${num(target)}, 1) × 100 = ${num(value)}`,
    inputs,
    missing: null,
  };
}

/** kualifikasi (SPEC §3, §1.5): education points of the tingkat pendidikan. */
export function kualifikasiComponent(employee: Employee, model: MeritModel, detail = true): Part {
  const pendidikan = employee.pendidikan;
  if (pendidikan === null) {
    return { value: null, rule: '', inputs: { pendidikan }, missing: 'pendidikan unknown' };
  }
  const value = model.education[pendidikan].points;
  if (!detail) return { value, rule: '', inputs: NO_INPUTS, missing: null };
  return {
    value,
    rule: `education points of ${pendidikan} = ${num(value)}`,
    inputs: { pendidikan, points: value },
    missing: null,
  };
}

/**
 * disiplin (SPEC §3): score of the worst hukuman disiplin in the window, by the regulatory
 * severity order (PP 94/2021), not by the model's scores. An empty hukuman counts as none;
 * a year without an appraisal row contributes nothing. Never missing for a rated employee.
 */
export function disiplinComponent(appraisals: readonly Appraisal[], year: number, model: MeritModel, detail = true): Part {
  const inputs: Record<string, string | number | null> = {};
  let worst: Hukdis = 'none';
  let worstYear: number | null = null;
  for (const y of meritWindow(year)) {
    const appraisal = appraisalOf(appraisals, y);
    if (appraisal === undefined) continue;
    const hukuman = appraisal.hukumanDisiplin ?? 'none';
    if (detail) inputs[`hukuman_${y}`] = hukuman;
    if (HUKDIS_SEVERITY.indexOf(hukuman) > HUKDIS_SEVERITY.indexOf(worst)) {
      worst = hukuman;
      worstYear = y;
    }
  }
  const value = model.disiplin[worst];
  if (!detail) return { value, rule: '', inputs: NO_INPUTS, missing: null };
  inputs['worst'] = worst;
  const [first, second] = meritWindow(year);
  const where = worstYear === null ? '' : ` (${worstYear})`;
  return {
    value,
    rule: `worst hukuman disiplin in ${first}–${second}: ${worst}${where} = ${num(value)}`,
    inputs,
    missing: null,
  };
}

/** Every component of a rated employee, before weighting. */
function parts(employee: Employee, appraisals: readonly Appraisal[], year: number, model: MeritModel, detail: boolean): Record<ComponentName, Part> {
  return {
    kinerja: kinerjaComponent(appraisals, year, model, detail),
    kompetensi: kompetensiComponent(appraisals, year, model, detail),
    pengembangan: pengembanganComponent(employee, appraisals, year, model, detail),
    kualifikasi: kualifikasiComponent(employee, model, detail),
    disiplin: disiplinComponent(appraisals, year, model, detail),
  };
}

/**
 * Merit of one employee in year Y (SPEC §3): merit = Σ wᵢ·sᵢ ÷ Σ wᵢ over the present components,
 * coverage = Σ present wᵢ ÷ Σ all wᵢ (the model's weights need not sum to 1), status complete
 * when coverage is 1 (within 1e-9), incomplete below, unrated without a predikat in {Y−1, Y}.
 * `appraisals` are that employee's, of any years. With `detail` false the rule texts and
 * inputs are left out (the numbers are the same): ranking millions of employees needs only
 * the numbers, `--explain` and the employee report need the words.
 */
export function computeMerit(
  employee: Employee,
  appraisals: readonly Appraisal[],
  year: number,
  model: MeritModel,
  detail = true,
): MeritResult {
  // Usually every appraisal given is the employee's: no copy then (the cards of `--all` ask for every employee).
  const own = appraisals.every((a) => a.nip === employee.nip) ? appraisals : appraisals.filter((a) => a.nip === employee.nip);
  if (!isRated(own, year)) return unratedResult(employee.nip, year, model);
  const byName = parts(employee, own, year, model, detail);
  let totalWeight = 0;
  let presentWeight = 0;
  let weighted = 0;
  for (const name of COMPONENT_NAMES) {
    const weight = model.weights[name];
    const value = byName[name].value;
    totalWeight += weight;
    if (value === null) continue;
    presentWeight += weight;
    weighted += weight * value;
  }
  // Only possible when every present component has weight 0: no basis for a score.
  const merit = presentWeight > 0 ? weighted / presentWeight : null;
  const coverage = totalWeight > 0 ? presentWeight / totalWeight : 0;
  const components = {} as Record<ComponentName, ComponentResult>;
  for (const name of COMPONENT_NAMES) {
    const part = byName[name];
    const weight = model.weights[name];
    const contribution = part.value === null || merit === null ? null : (weight * part.value) / presentWeight;
    // The part's fields then weight and contribution, as a spread would give them (a literal is faster).
    components[name] = { value: part.value, rule: part.rule, inputs: part.inputs, missing: part.missing, weight, contribution };
  }
  const status: MeritStatus = Math.abs(coverage - 1) <= COVERAGE_TOLERANCE ? 'complete' : 'incomplete';
  return { nip: employee.nip, year, status, merit, coverage, components };
}

/** Unrated (SPEC §3): no merit, every component null with the reason. */
function unratedResult(nip: string, year: number, model: MeritModel): MeritResult {
  const [first, second] = meritWindow(year);
  const missing = `unrated: no appraisal with a predikat in ${first} or ${second}`;
  const components = {} as Record<ComponentName, ComponentResult>;
  for (const name of COMPONENT_NAMES) {
    components[name] = { value: null, weight: model.weights[name], contribution: null, rule: '', inputs: {}, missing };
  }
  return { nip, year, status: 'unrated', merit: null, coverage: 0, components };
}

/** The numbers of a merit result, without words: what ranking millions of employees needs. */
export interface MeritScores {
  status: MeritStatus;
  merit: number | null;
  coverage: number;
  /** Component values in COMPONENT_NAMES order, null when missing. */
  values: [number | null, number | null, number | null, number | null, number | null];
}

/**
 * Merit of one employee in year Y (SPEC §3), numbers only, with no allocation beyond the result:
 * the same rules and results as computeMerit (checked by a property test), for the ranking pass
 * over millions of employees. `appraisals` are that employee's.
 */
export function meritScores(employee: Employee, appraisals: readonly Appraisal[], year: number, model: MeritModel): MeritScores {
  let kinerjaSum = 0;
  let kinerjaYears = 0;
  let jpmYear = -Infinity;
  let jpm: number | null = null;
  let jp: number | null = null;
  let worst = 0; // index in HUKDIS_SEVERITY
  let seenWindow0 = false;
  let seenWindow1 = false;
  for (const a of appraisals) {
    if (a.nip !== employee.nip || a.tahun > year) continue;
    if (a.jpm !== null && a.tahun > jpmYear) {
      jpmYear = a.tahun;
      jpm = a.jpm;
    }
    const inWindow = a.tahun === year || a.tahun === year - 1;
    if (!inWindow) continue;
    // The first appraisal of a year counts, as in computeMerit (the database holds one per year).
    if (a.tahun === year - 1) {
      if (seenWindow0) continue;
      seenWindow0 = true;
    } else {
      if (seenWindow1) continue;
      seenWindow1 = true;
      jp = a.jp;
    }
    if (a.predikat !== null) {
      kinerjaSum += (model.predikatValue[a.predikat] / model.kinerja.maxValue) * 100;
      kinerjaYears++;
    }
    const severity = HUKDIS_SEVERITY.indexOf(a.hukumanDisiplin ?? 'none');
    if (severity > worst) worst = severity;
  }
  if (kinerjaYears === 0) {
    return { status: 'unrated', merit: null, coverage: 0, values: [null, null, null, null, null] };
  }
  const target = model.pengembangan.jpTarget[employee.jenisPegawai ?? 'PNS'];
  const values: MeritScores['values'] = [
    kinerjaSum / kinerjaYears,
    jpm === null ? null : Math.min(jpm, model.kompetensi.cap),
    jp === null ? null : Math.min(jp / target, 1) * 100,
    employee.pendidikan === null ? null : model.education[employee.pendidikan].points,
    model.disiplin[HUKDIS_SEVERITY[worst]!],
  ];
  let totalWeight = 0;
  let presentWeight = 0;
  let weighted = 0;
  for (let c = 0; c < COMPONENT_NAMES.length; c++) {
    const weight = model.weights[COMPONENT_NAMES[c]!];
    totalWeight += weight;
    const value = values[c]!;
    if (value === null) continue;
    presentWeight += weight;
    weighted += weight * value;
  }
  const coverage = totalWeight > 0 ? presentWeight / totalWeight : 0;
  return {
    status: Math.abs(coverage - 1) <= COVERAGE_TOLERANCE ? 'complete' : 'incomplete',
    merit: presentWeight > 0 ? weighted / presentWeight : null,
    coverage,
    values,
  };
}
