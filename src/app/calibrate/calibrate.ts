/**
 * `asn calibrate` use case (SPEC §10): the distribution pattern of PermenPANRB 6/2022 per unit
 * and per instansi, and appraiser leniency by `nip_penilai`, for the predikat of year Y. Counts
 * come from SQL GROUP BY (src/db/queries/calibration.ts), so memory grows with the number of
 * units and appraisers, never with the number of appraisals. Returns both tables; never prints.
 */
import { openDatabase, type Db } from '../../db/open.js';
import {
  appraiserNames, countPredikatGroups, groupedAppraiserTuples, groupedDistributionTuples, knownScopeNames, predikatYears,
} from '../../db/queries/calibration.js';
import { latestAppraisalYear } from '../../db/queries/merit-inputs.js';
import {
  checkDistribution, emptyCounts, majorityOf, nameKey, testAppraisers, totalOf,
  type AppraiserFlag, type DistributionVerdict, type OrgPredikat, type PredikatCounts,
} from '../../domain/calibration.js';
import type { PredikatCode } from '../../domain/types.js';
import { UsageError } from '../../shared/errors.js';
import { resolveOrgPredikats, type OrgPredikats } from './org-predikat.js';
import { calibrationPopulation, type PopulationDifferences } from './population.js';
import { ScopeTally } from './scope-tally.js';

export interface CalibrateRequest {
  db: string;
  year?: number;
  orgPredikat?: string;
  orgPredikatFile?: string;
  /** SPEC §10 default 5. */
  minN: number;
}

export interface DistributionRow {
  year: number;
  scope: 'instansi' | 'unit';
  /** Shown under its most frequent spelling; null for the people without one. */
  name: string | null;
  n: number;
  counts: PredikatCounts;
  orgPredikat: OrgPredikat;
  verdict: DistributionVerdict;
  broken: string[];
}

export interface AppraiserRow {
  year: number;
  nipPenilai: string;
  /** False when the NIP is not 18 digits (kept as given: the appraiser may be outside the database). */
  standardNip: boolean;
  namaPenilai: string | null;
  unit: string | null;
  instansi: string | null;
  n: number;
  counts: PredikatCounts;
  shareSb: number;
  shareSbRest: number | null;
  p: number | null;
  q: number | null;
  flag: AppraiserFlag;
}

export interface CalibrationResult {
  year: number;
  referenceDate: string;
  minN: number;
  org: { source: OrgPredikats['source']; fallback: OrgPredikat };
  /** Instansi first, then units, each in code-point order of the name (no name last). */
  distribution: DistributionRow[];
  /** By q ascending (untested last), then nip_penilai. */
  appraisers: AppraiserRow[];
  totals: { population: number; withAppraiser: number; tidakSesuai: number; lenient: number; strict: number; flat: number };
}

/**
 * `differences`: the people whose state at T differs from their current row (`differencesAt`),
 * when the caller has read them already (the summary report shares one read with its figures).
 */
export function calibrate(request: CalibrateRequest, differences?: PopulationDifferences): CalibrationResult {
  if (!Number.isInteger(request.minN) || request.minN < 1) throw new UsageError(`--min-n must be at least 1, got ${request.minN}`);
  const db = openDatabase(request.db, 'read');
  try {
    const year = settleYear(db, request.year);
    const referenceDate = `${year}-12-31`;
    // The stored names are read only to check a predikat file.
    const known = request.orgPredikatFile === undefined ? { units: [], instansi: [] } : knownScopeNames(db);
    const org = resolveOrgPredikats(request.orgPredikat, request.orgPredikatFile, known);
    const population = differences === undefined ? calibrationPopulation(db, referenceDate) : calibrationPopulation(db, referenceDate, differences);
    const scopes = new ScopeTally();
    // One scan of the appraisals of Y for both tables (SPEC §10): counted by appraiser, unit, instansi, predikat.
    countPredikatGroups(db, year, population);
    for (const [unit, instansi, predikat, count] of groupedDistributionTuples(db)) {
      scopes.add(unit, instansi, predikat as PredikatCode, count);
    }
    const distribution = distributionRows(scopes, year, org, request.minN);
    const appraisers = appraiserRows(db, year, scopes, request.minN);
    const totals = {
      population: totalOf(scopes.all),
      withAppraiser: appraisers.reduce((s, a) => s + a.n, 0),
      tidakSesuai: distribution.filter((d) => d.verdict === 'tidak sesuai').length,
      lenient: appraisers.filter((a) => a.flag === 'lenient').length,
      strict: appraisers.filter((a) => a.flag === 'strict').length,
      flat: appraisers.filter((a) => a.flag === 'flat').length,
    };
    return { year, referenceDate, minN: request.minN, org: { source: org.source, fallback: org.fallback }, distribution, appraisers, totals };
  } finally {
    db.close();
  }
}

/** Y as in SPEC §2; a year without any predikat is a usage error listing the years there are. */
function settleYear(db: Db, requested: number | undefined): number {
  const years = predikatYears(db);
  const year = requested ?? latestAppraisalYear(db);
  if (year !== null && years.includes(year)) return year;
  const hint = years.length === 0
    ? 'import appraisals with a predikat (or ratings, or nilai SKP) first'
    : `years with predikat: ${years.join(', ')}; e.g. asn calibrate --year ${years[years.length - 1]}`;
  throw new UsageError(`no predikat for year ${String(year ?? '(none)')}`, hint);
}

function distributionRows(scopes: ScopeTally, year: number, org: OrgPredikats, minN: number): DistributionRow[] {
  const rows: DistributionRow[] = [];
  const push = (scope: DistributionRow['scope'], name: string | null, counts: PredikatCounts, orgPredikat: OrgPredikat): void => {
    const check = checkDistribution(counts, orgPredikat, minN);
    rows.push({ year, scope, name, n: check.n, counts, orgPredikat, verdict: check.verdict, broken: check.broken });
  };
  for (const [key, s] of scopes.sortedInstansi()) push('instansi', s.name, s.counts, (key === null ? undefined : org.instansi.get(key)) ?? org.fallback);
  for (const [key, s] of scopes.sortedUnits()) {
    const own = key === null ? undefined : org.units.get(key);
    const inst = s.instansiKey === null ? undefined : org.instansi.get(s.instansiKey);
    push('unit', s.name, s.counts, own ?? inst ?? org.fallback);
  }
  return rows;
}

interface Folding {
  nip: string;
  counts: PredikatCounts;
  units: Map<string | null, { name: string | null; count: number }>;
  instansi: Map<string | null, { name: string | null; count: number; sb: number }>;
}

/**
 * One streaming pass over the per-appraiser groups (in nip_penilai order): each appraiser is
 * folded to its counts, its majority unit and instansi, and the rest of that instansi, then
 * tested all together (BH needs every p of the year).
 */
function appraiserRows(db: Db, year: number, scopes: ScopeTally, minN: number): AppraiserRow[] {
  const folded: Array<Omit<AppraiserRow, 'p' | 'q' | 'flag' | 'shareSb' | 'shareSbRest'> & { sbRest: number; nRest: number }> = [];
  let current: Folding | null = null;
  const finish = (f: Folding): void => {
    const unitKey = majorityOf(f.units);
    const instKey = majorityOf(f.instansi);
    const n = totalOf(f.counts);
    const inside = f.instansi.get(instKey);
    const base = instKey === null ? scopes.all : scopes.instansiCounts(instKey);
    // "The rest": everyone else in that instansi (SPEC §10); the whole population without one.
    const nRest = totalOf(base) - (instKey === null ? n : inside?.count ?? 0);
    const sbRest = base.SB - (instKey === null ? f.counts.SB : inside?.sb ?? 0);
    folded.push({
      year, nipPenilai: f.nip, standardNip: /^\d{18}$/.test(f.nip), namaPenilai: null,
      unit: scopes.unitName(unitKey), instansi: instKey === null ? null : scopes.instansiName(instKey),
      n, counts: f.counts, sbRest, nRest,
    });
  };
  for (const [nip, unit, instansi, predikat, count] of groupedAppraiserTuples(db)) {
    if (current === null || current.nip !== nip) {
      if (current !== null) finish(current);
      current = { nip, counts: emptyCounts(), units: new Map(), instansi: new Map() };
    }
    const code = predikat as PredikatCode;
    current.counts[code] += count;
    const uKey = unit === null ? null : nameKey(unit);
    const u = current.units.get(uKey) ?? { name: scopes.unitName(uKey), count: 0 };
    u.count += count;
    current.units.set(uKey, u);
    const iKey = instansi === null ? null : nameKey(instansi);
    const i = current.instansi.get(iKey) ?? { name: iKey === null ? null : scopes.instansiName(iKey), count: 0, sb: 0 };
    i.count += count;
    if (code === 'SB') i.sb += count;
    current.instansi.set(iKey, i);
  }
  if (current !== null) finish(current);

  const tests = testAppraisers(folded.map((f) => ({ counts: f.counts, sbRest: f.sbRest, nRest: f.nRest })), minN);
  const names = namesOf(db, year);
  const rows: AppraiserRow[] = folded.map(({ sbRest: _s, nRest: _n, ...f }, i) => {
    const t = tests[i]!;
    return { ...f, namaPenilai: names.get(f.nipPenilai) ?? null, shareSb: t.shareSb, shareSbRest: t.shareSbRest, p: t.p, q: t.q, flag: t.flag };
  });
  return rows.sort((a, b) => {
    if (a.q !== b.q) {
      if (a.q === null) return 1;
      if (b.q === null) return -1;
      return a.q - b.q;
    }
    return a.nipPenilai < b.nipPenilai ? -1 : a.nipPenilai > b.nipPenilai ? 1 : 0;
  });
}

/** Each appraiser's most frequent name in the year (on a tie the first by name). */
function namesOf(db: Db, year: number): Map<string, string> {
  const tallies = new Map<string, Map<string, { name: string; count: number }>>();
  for (const [nip, nama, count] of appraiserNames(db, year)) {
    const t = tallies.get(nip) ?? new Map<string, { name: string; count: number }>();
    t.set(nama, { name: nama, count });
    tallies.set(nip, t);
  }
  const out = new Map<string, string>();
  for (const [nip, t] of tallies) {
    const best = majorityOf(t);
    if (best !== null) out.set(nip, best);
  }
  return out;
}
