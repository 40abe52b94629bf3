/**
 * Fairness of selection (SPEC §12 "Fairness"), pure: per group of one grouping (jenis_kelamin,
 * age band), the candidates and the selected, the selection rate, the impact ratio against the
 * group with the highest rate, the four-fifths flag (the US EEOC "80% rule", a screening rule,
 * compared exactly in integers) and the two-sided Fisher exact p of the group against everyone
 * else — the same `fisherExactTwoSided` as calibration (SPEC §10), one implementation.
 *
 * A low impact ratio is a question for the HR office, not proof of bias: the groups may differ
 * in what the merit principle asks (qualification, performance), and small groups swing widely.
 */
import { fisherExactTwoSided } from './contingency.js';

export type FairnessMeasure = 'promotion' | 'sb';
export type FairnessGrouping = 'jenis_kelamin' | 'age_band';
export type AgeBand = '<35' | '35-44' | '45-54' | '>=55';
export const UNKNOWN_GROUP = 'unknown';

/** The groups of each grouping in the order they are listed; `unknown` last (SPEC §12). */
export const GROUP_ORDER: Readonly<Record<FairnessGrouping, readonly string[]>> = {
  jenis_kelamin: ['L', 'P', UNKNOWN_GROUP],
  age_band: ['<35', '35-44', '45-54', '>=55', UNKNOWN_GROUP],
};

/** The flag of SPEC §12: impact ratio < 0.8. */
export const FOUR_FIFTHS = 'four-fifths';

/** The jenis_kelamin group: `L`, `P`, or `unknown` for anything else or nothing (SPEC §1.3 codes). */
export function genderGroup(jenisKelamin: string | null): string {
  return jenisKelamin === 'L' || jenisKelamin === 'P' ? jenisKelamin : UNKNOWN_GROUP;
}

/**
 * Age in whole years at `at` (both `YYYY-MM-DD`): birthdays not yet reached that year do not
 * count; someone born on 29 February turns a year older on 1 March in common years.
 * Null when the birth date is unknown or after `at`.
 */
export function ageInYears(birth: string | null, at: string): number | null {
  if (birth === null) return null;
  const by = Number(birth.slice(0, 4));
  const bm = Number(birth.slice(5, 7));
  const bd = Number(birth.slice(8, 10));
  const ay = Number(at.slice(0, 4));
  const am = Number(at.slice(5, 7));
  const ad = Number(at.slice(8, 10));
  if ([by, bm, bd, ay, am, ad].some((n) => !Number.isInteger(n))) return null;
  const age = ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
  return age < 0 ? null : age;
}

/** The age band of SPEC §12 at `at`: `<35`, `35-44`, `45-54`, `>=55`, or `unknown`. */
export function ageBand(birth: string | null, at: string): string {
  const age = ageInYears(birth, at);
  if (age === null) return UNKNOWN_GROUP;
  if (age < 35) return '<35';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '>=55';
}

/** Candidates and selections of one group. */
export interface GroupTally {
  group: string;
  candidates: number;
  selected: number;
}

/** One row of the fairness table (SPEC §12 columns). */
export interface FairnessRow {
  measure: FairnessMeasure;
  grouping: FairnessGrouping;
  group: string;
  candidates: number;
  selected: number;
  /** selected ÷ candidates. */
  rate: number;
  /** rate ÷ the highest rate of the grouping's known groups; null when that rate is 0. */
  impactRatio: number | null;
  flag: typeof FOUR_FIFTHS | null;
  /** Two-sided Fisher exact p of [[sel, cand − sel], [sel others, cand others − sel others]]. */
  p: number;
  /** The group the impact ratio is taken against (the highest rate). */
  reference: string | null;
}

/**
 * Adds `n` candidate-events (and `selected` of them chosen) to a group's tally, in place.
 * The building block the use cases count with, one event or one SQL group at a time.
 */
export function addToTally(tallies: Map<string, GroupTally>, group: string, n: number, selected: number): void {
  const t = tallies.get(group);
  if (t === undefined) tallies.set(group, { group, candidates: n, selected });
  else {
    t.candidates += n;
    t.selected += selected;
  }
}

/** a/b > c/d for non-negative integers, b and d > 0, compared exactly (no division). */
function rateAbove(a: number, b: number, c: number, d: number): boolean {
  return a * d > c * b;
}

/**
 * The fairness rows of one measure and grouping (SPEC §12). Groups without candidates are left
 * out; the rows follow GROUP_ORDER (other groups, if any, after it in code-point order). The
 * reference group is the known group (not `unknown`) with the highest rate, the first in order
 * on a tie. Flag `four-fifths` when 5·sel_g·cand_ref < 4·sel_ref·cand_g, i.e. ratio < 0.8 exactly;
 * never for `unknown`, never when the reference rate is 0 (nobody of the grouping was selected).
 */
export function fairnessRows(measure: FairnessMeasure, grouping: FairnessGrouping, tallies: Iterable<GroupTally>): FairnessRow[] {
  const order = GROUP_ORDER[grouping];
  const present = [...tallies].filter((t) => t.candidates > 0);
  for (const t of present) {
    if (!Number.isInteger(t.candidates) || !Number.isInteger(t.selected) || t.selected < 0 || t.selected > t.candidates) {
      throw new RangeError(`fairness: group ${t.group} has ${t.selected} selected of ${t.candidates} candidates`);
    }
  }
  const rank = (g: string) => {
    const i = order.indexOf(g);
    return i < 0 ? order.length - 1 : i; // unlisted groups sort just before `unknown`
  };
  present.sort((a, b) => rank(a.group) - rank(b.group) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  let reference: GroupTally | null = null;
  for (const t of present) {
    if (t.group === UNKNOWN_GROUP) continue;
    if (reference === null || rateAbove(t.selected, t.candidates, reference.selected, reference.candidates)) reference = t;
  }
  const totalCandidates = present.reduce((s, t) => s + t.candidates, 0);
  const totalSelected = present.reduce((s, t) => s + t.selected, 0);
  return present.map((t) => {
    const refUsable = reference !== null && reference.selected > 0;
    const impactRatio = refUsable ? (t.selected / t.candidates) / (reference!.selected / reference!.candidates) : null;
    const below = refUsable && 5 * t.selected * reference!.candidates < 4 * reference!.selected * t.candidates;
    const othersSelected = totalSelected - t.selected;
    const othersCandidates = totalCandidates - t.candidates;
    return {
      measure,
      grouping,
      group: t.group,
      candidates: t.candidates,
      selected: t.selected,
      rate: t.selected / t.candidates,
      impactRatio,
      flag: below && t.group !== UNKNOWN_GROUP ? FOUR_FIFTHS : null,
      p: fisherExactTwoSided(t.selected, t.candidates - t.selected, othersSelected, othersCandidates - othersSelected),
      reference: reference?.group ?? null,
    };
  });
}
