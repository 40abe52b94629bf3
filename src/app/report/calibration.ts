/**
 * The calibration section of the summary report (SPEC §10, §6): the distribution pattern per
 * instansi and unit, the chart of each unit's share against the 70% line, and the appraisers
 * flagged (lenient, strict, flat) — the same figures as `asn calibrate` with its defaults. Only
 * in the HR office's summary: never on an employee's card (SPEC §12).
 */
import { PATTERN_RULES } from '../../domain/calibration.js';
import { PREDIKAT_CODES, type PredikatCode } from '../../domain/types.js';
import { AsnError } from '../../shared/errors.js';
import { calibrate, type CalibrationResult, type DistributionRow } from '../calibrate/calibrate.js';
import { chartBlock, compareUnits, int, noteBlock, num, pct, section, tableBlock, text } from './table-helpers.js';
import type { ChartSpec, ReportSection, ReportTable } from './types.js';

/** Default min-n of SPEC §10. */
const MIN_N = 5;
/** Units drawn in the chart at most (the largest shares first); the table lists every unit. */
export const CHART_UNITS = 40;

export function calibrationSection(db: string, year: number, differences?: Parameters<typeof calibrate>[1]): ReportSection {
  let result: CalibrationResult;
  try {
    result = calibrate({ db, year, minN: MIN_N }, differences);
  } catch (error) {
    // A year whose appraisals carry no predikat: nothing to calibrate, said in words.
    if (error instanceof AsnError && error.exitCode === 2) return section('calibration', [noteBlock({ id: 'calibration-unavailable', params: { year } })]);
    throw error;
  }
  const flagged = result.appraisers.filter((a) => a.flag === 'lenient' || a.flag === 'strict' || a.flag === 'flat');
  const blocks = [
    noteBlock({ id: 'calibration-settings', params: { minN: MIN_N, org: result.org.fallback, tidakSesuai: result.totals.tidakSesuai, scopes: result.distribution.length } }),
    tableBlock(distributionTable(result)),
    chartBlock(unitChart(result.distribution.filter((d) => d.scope === 'unit'))),
  ];
  if (result.appraisers.length === 0) blocks.push(noteBlock({ id: 'calibration-no-appraisers' }));
  else blocks.push(tableBlock(appraisersTable(result, flagged)));
  return section('calibration', blocks);
}

function distributionTable(result: CalibrationResult): ReportTable {
  return {
    name: 'calibration_distribution',
    columns: [
      text('scope', 'calScope'), text('name'), int('n'), ...PREDIKAT_CODES.map((c) => int(c.toLowerCase())),
      pct('share_b'), text('org_predikat'), text('verdict', 'calVerdict'), text('broken_rules'),
    ],
    // The B share is the chart's bar in HTML; people read the counts, so the table fits portrait A4.
    peopleHide: ['share_b'],
    rows: result.distribution.map((d) => ({
      scope: d.scope, name: d.name, n: d.n,
      ...Object.fromEntries(PREDIKAT_CODES.map((c) => [c.toLowerCase(), d.counts[c]])),
      share_b: d.n === 0 ? null : d.counts.B / d.n,
      org_predikat: d.orgPredikat, verdict: d.verdict, broken_rules: d.broken.length === 0 ? null : d.broken.join('; '),
    })),
  };
}

function appraisersTable(result: CalibrationResult, flagged: CalibrationResult['appraisers']): ReportTable {
  return {
    name: 'calibration_appraisers',
    columns: [
      text('nip_penilai'), text('nama_penilai'), text('unit'), int('n'), int('sb'), pct('share_sb'), pct('share_sb_rest'),
      num('p', 6), num('q', 6), text('flag', 'calFlag'),
    ],
    rows: flagged.map((a) => ({
      nip_penilai: a.nipPenilai, nama_penilai: a.namaPenilai, unit: a.unit, n: a.n, sb: a.counts.SB,
      share_sb: a.shareSb, share_sb_rest: a.shareSbRest, p: a.p, q: a.q, flag: a.flag,
    })),
  };
}

/** The predikat a unit's 70% rule limits: B under Baik, SB under Istimewa; else its largest share. */
function chartedCode(d: DistributionRow): PredikatCode {
  const seventy = PATTERN_RULES[d.orgPredikat].find((r) => r.limit === 70 && r.codes.length === 1);
  if (seventy !== undefined) return seventy.codes[0]!;
  return PREDIKAT_CODES.reduce((best, c) => (d.counts[c] > d.counts[best] ? c : best), 'SB' as PredikatCode);
}

function unitChart(units: DistributionRow[]): ChartSpec {
  const rows = units.filter((d) => d.verdict !== 'too-small').map((d) => {
    const code = chartedCode(d);
    return { unit: d.name, code, share: d.counts[code] / d.n, over: d.verdict === 'tidak sesuai' };
  });
  rows.sort((a, b) => b.share - a.share || compareUnits(a.unit, b.unit));
  return { type: 'calibration-units', rows: rows.slice(0, CHART_UNITS), total: rows.length };
}
