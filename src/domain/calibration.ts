/**
 * Calibration (SPEC §10): is the appraisal itself objective? Two checks on the predikat of one
 * year, both pure and exact so that an analyst can redo them by hand:
 *
 * - the distribution pattern of PermenPANRB 6/2022 (pola distribusi predikat kinerja pegawai):
 *   per unit and per instansi, the shares of each predikat against the rules for the
 *   organisation's own predikat, compared as fractions with integers (28 of 40 is exactly 70%);
 * - appraiser leniency: each appraiser's share of Sangat Baik against the rest of their
 *   instansi, by the two-sided Fisher exact test, with Benjamini–Hochberg q over the appraisers
 *   tested (src/domain/contingency.ts).
 */
import { benjaminiHochberg, fisherExactTwoSided } from './contingency.js';
import { PREDIKAT_CODES, type PredikatCode } from './types.js';

/** The organisation's own predikat (predikat kinerja organisasi), PermenPANRB 6/2022. */
export type OrgPredikat = 'Istimewa' | 'Baik' | 'Butuh Perbaikan' | 'Kurang' | 'Sangat Kurang';
export const ORG_PREDIKATS: readonly OrgPredikat[] = ['Istimewa', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'];
/** SPEC §10 default *(config)*: a unit without a stated predikat is taken as `Baik`. */
export const DEFAULT_ORG_PREDIKAT: OrgPredikat = 'Baik';

/** Counts of each predikat in a scope. */
export type PredikatCounts = Record<PredikatCode, number>;

export function emptyCounts(): PredikatCounts {
  return { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
}

export function totalOf(counts: PredikatCounts): number {
  return counts.SB + counts.B + counts.BP + counts.K + counts.SK;
}

/** Spellings accepted for an organisation predikat: case, spaces, `_`/`-` and the usual synonyms. */
const ORG_SPELLINGS: ReadonlyArray<readonly [OrgPredikat, readonly string[]]> = [
  ['Istimewa', ['ISTIMEWA', 'SANGAT BAIK', 'AMAT BAIK']],
  ['Baik', ['BAIK']],
  ['Butuh Perbaikan', ['BUTUH PERBAIKAN', 'PERLU PERBAIKAN', 'CUKUP']],
  ['Kurang', ['KURANG']],
  ['Sangat Kurang', ['SANGAT KURANG', 'BURUK']],
];

/** An organisation predikat from text ("baik", "BUTUH_PERBAIKAN", "Sangat  Kurang"); null when unknown. */
export function parseOrgPredikat(text: string): OrgPredikat | null {
  const key = text.normalize('NFC').replace(/[_\-.\s]+/gu, ' ').trim().toUpperCase();
  for (const [org, spellings] of ORG_SPELLINGS) if (spellings.includes(key)) return org;
  return null;
}

/** One rule of the pattern: the share of some predikat against a limit, or a head count. */
export interface PatternRule {
  codes: readonly PredikatCode[];
  op: '<=' | '>=';
  /** A share in percent (integer), or, with `persons`, a number of people. */
  limit: number;
  persons?: boolean;
}

/** SPEC §10 table (PermenPANRB 6/2022): the rules for each organisation predikat, in its order. */
export const PATTERN_RULES: Readonly<Record<OrgPredikat, readonly PatternRule[]>> = {
  Istimewa: [{ codes: ['SB'], op: '<=', limit: 70 }],
  Baik: [{ codes: ['B'], op: '<=', limit: 70 }, { codes: ['BP', 'K'], op: '>=', limit: 1, persons: true }],
  'Butuh Perbaikan': [{ codes: ['BP'], op: '>=', limit: 60 }, { codes: ['SB'], op: '<=', limit: 10 }],
  Kurang: [{ codes: ['K'], op: '>=', limit: 60 }, { codes: ['BP'], op: '>=', limit: 10 }, { codes: ['SB'], op: '<=', limit: 10 }],
  'Sangat Kurang': [
    { codes: ['SK'], op: '>=', limit: 60 }, { codes: ['BP', 'K'], op: '>=', limit: 10 }, { codes: ['SB'], op: '<=', limit: 0 },
  ],
};

export type DistributionVerdict = 'sesuai' | 'tidak sesuai' | 'too-small';

export interface DistributionCheck {
  n: number;
  verdict: DistributionVerdict;
  /** Each broken rule in words, e.g. "B 91.3% > 70%"; empty unless `tidak sesuai`. */
  broken: string[];
}

/**
 * Whether `count` of `n` keeps the rule. Exact: count/n ≤ limit/100 ⇔ 100·count ≤ limit·n, all
 * integers, so 28 of 40 is exactly 70% and keeps "≤ 70%" (SPEC §10).
 */
export function keepsRule(count: number, n: number, rule: PatternRule): boolean {
  const left = rule.persons ? count : 100 * count;
  const right = rule.persons ? rule.limit : rule.limit * n;
  return rule.op === '<=' ? left <= right : left >= right;
}

/**
 * count/n as a percentage with one decimal (half up, integer arithmetic), with more decimals
 * (up to 4) when one decimal would print the limit itself ("B 70.0% > 70%" would read wrong).
 */
export function percentText(count: number, n: number, limit: number): string {
  for (let decimals = 1; decimals <= 4; decimals++) {
    const scale = 100 * 10 ** decimals;
    const units = Math.floor((2 * count * scale + n) / (2 * n));
    const text = (units / 10 ** decimals).toFixed(decimals);
    if (Number(text) !== limit || 100 * count === limit * n) return text;
  }
  return ((100 * count) / n).toFixed(4);
}

/** A broken rule in words: "B 91.3% > 70%", "BP + K 0 < 1 person", "SB 3.3% > 0%". */
export function brokenRuleText(count: number, n: number, rule: PatternRule): string {
  const label = rule.codes.join(' + ');
  const sign = rule.op === '<=' ? '>' : '<';
  if (rule.persons) return `${label} ${count} ${sign} ${rule.limit} ${rule.limit === 1 ? 'person' : 'persons'}`;
  return `${label} ${percentText(count, n, rule.limit)}% ${sign} ${rule.limit}%`;
}

/**
 * The distribution pattern of one scope (SPEC §10): `too-small` below `minN` people, else
 * `sesuai` when every rule of the organisation predikat holds, else `tidak sesuai` with each
 * broken rule in words, in the order of the table.
 */
export function checkDistribution(counts: PredikatCounts, org: OrgPredikat, minN: number): DistributionCheck {
  const n = totalOf(counts);
  if (n < minN || n === 0) return { n, verdict: 'too-small', broken: [] };
  const broken: string[] = [];
  for (const rule of PATTERN_RULES[org]) {
    const count = rule.codes.reduce((s, c) => s + counts[c], 0);
    if (!keepsRule(count, n, rule)) broken.push(brokenRuleText(count, n, rule));
  }
  return { n, verdict: broken.length === 0 ? 'sesuai' : 'tidak sesuai', broken };
}

export type AppraiserFlag = 'lenient' | 'strict' | 'flat' | 'ok' | 'too-small';

/** SPEC §10: the false-discovery rate below which an appraiser's SB share is flagged. */
export const FLAG_Q = 0.1;

/** What the test needs of one appraiser: their appraisees' counts and those of the rest. */
export interface AppraiserCounts {
  counts: PredikatCounts;
  /** SB and n of "the rest": everyone else in the appraiser's instansi with a predikat in Y. */
  sbRest: number;
  nRest: number;
}

export interface AppraiserTest {
  n: number;
  shareSb: number;
  /** null when the rest is empty. */
  shareSbRest: number | null;
  /** null for too-small appraisers (not tested). */
  p: number | null;
  q: number | null;
  flag: AppraiserFlag;
}

/**
 * Tests every appraiser of one year (SPEC §10): Fisher exact two-sided on
 * [[sb_A, n_A − sb_A], [sb_rest, n_rest − sb_rest]] for each with n_A ≥ minN, BH q over those
 * tested only; then the flag: lenient / strict when q < 0.10 and A's SB share is higher / lower
 * than the rest's (compared by cross-multiplying), else flat when all of A's appraisees have
 * one predikat, else ok; too-small below minN. Results in the order given.
 */
export function testAppraisers(appraisers: readonly AppraiserCounts[], minN: number): AppraiserTest[] {
  const tested: number[] = [];
  const ps: number[] = [];
  const base = appraisers.map((a, i) => {
    const n = totalOf(a.counts);
    const sb = a.counts.SB;
    let p: number | null = null;
    if (n >= minN && n > 0) {
      p = fisherExactTwoSided(sb, n - sb, a.sbRest, a.nRest - a.sbRest);
      tested.push(i);
      ps.push(p);
    }
    return { n, shareSb: n === 0 ? 0 : sb / n, shareSbRest: a.nRest === 0 ? null : a.sbRest / a.nRest, p };
  });
  const qs = benjaminiHochberg(ps);
  const qOf = new Map<number, number>();
  tested.forEach((i, k) => qOf.set(i, qs[k]!));
  return base.map((b, i) => {
    const q = qOf.get(i) ?? null;
    return { ...b, q, flag: appraiserFlag(appraisers[i]!, b.n, q, minN) };
  });
}

function appraiserFlag(a: AppraiserCounts, n: number, q: number | null, minN: number): AppraiserFlag {
  if (n < minN || q === null) return 'too-small';
  const sb = a.counts.SB;
  if (q < FLAG_Q && a.nRest > 0) {
    // sb/n against sbRest/nRest, exactly.
    const left = sb * a.nRest;
    const right = a.sbRest * n;
    if (left > right) return 'lenient';
    if (left < right) return 'strict';
  }
  if (PREDIKAT_CODES.some((c) => a.counts[c] === n)) return 'flat';
  return 'ok';
}

/**
 * The value most of a group share (SPEC §10: the unit and instansi of most appraisees); on a
 * tie the first by name (code-point order; a missing value sorts last). Null when empty.
 */
export function majorityOf<K>(tally: ReadonlyMap<K, { name: string | null; count: number }>): K | null {
  let best: { key: K; name: string | null; count: number } | null = null;
  for (const [key, { name, count }] of tally) {
    if (best === null || count > best.count || (count === best.count && nameBefore(name, best.name))) best = { key, name, count };
  }
  return best === null ? null : best.key;
}

function nameBefore(a: string | null, b: string | null): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return a < b;
}

/** SPEC §1.3 unit identity without `unor_id`: NFC, case folding, runs of spaces collapsed. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
