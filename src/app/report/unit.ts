/**
 * `asn report --type unit` (SPEC §6): one row per unit with the figures of the summary, split
 * into tables by theme so each prints on A4: headcount, predikat, 9-box, competence and
 * discipline, merit, promotion audit, data quality. Every table ends with the total over all units.
 */
import { PREDIKAT_CODES } from '../../domain/types.js';
import { meritDistribution, shareOf } from '../../domain/report-figures.js';
import type { MeritModel } from '../../domain/model.js';
import type { AuditResult } from '../audit/audit.js';
import { auditSummaryTable } from './audit-data.js';
import type { Figures, UnitFigures } from './figures.js';
import type { RankedEntry } from './ranking-pass.js';
import { histogramBlocks, unitHeadcountTable } from './summary.js';
import { chartBlock, int, noteBlock, num, pct, section, tableBlock, text } from './table-helpers.js';
import type { ReportCell, ReportColumn, ReportSection, ReportTable } from './types.js';

type Row = Record<string, ReportCell>;

/** A per-unit table with its total row computed by the same function over everyone. */
function perUnit(name: string, columns: ReportColumn[], f: Figures, row: (u: UnitFigures) => Row): ReportTable {
  return { name, columns: [text('unit'), ...columns], rows: f.units.map((u) => ({ unit: u.unit, ...row(u) })), total: { kind: 'all', row: row(f.all) } };
}

function predikatTable(f: Figures, year: number): ReportTable {
  const columns = [...PREDIKAT_CODES.map((c) => int(`predikat_${c.toLowerCase()}`)), int('with_predikat'), pct('share_sb_b')];
  return perUnit('unit_predikat', columns, f, (u) => {
    const counts = u.predikat.get(year) ?? { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
    const total = PREDIKAT_CODES.reduce((s, c) => s + counts[c], 0);
    const row: Row = {};
    for (const c of PREDIKAT_CODES) row[`predikat_${c.toLowerCase()}`] = counts[c];
    return { ...row, with_predikat: total, share_sb_b: shareOf(counts.SB + counts.B, total) };
  });
}

function talentTable(f: Figures): ReportTable {
  const boxes = [9, 8, 7, 6, 5, 4, 3, 2, 1];
  return perUnit('unit_talent', [...boxes.map((b) => int(`box_${b}`)), int('rated_without_box')], f, (u) => {
    const row: Row = {};
    for (const b of boxes) row[`box_${b}`] = u.boxes[b] ?? 0;
    return { ...row, rated_without_box: u.ratedWithoutBox };
  });
}

function competenceTable(f: Figures): ReportTable {
  const columns = [
    int('jpm_optimal'), int('jpm_cukup_optimal'), int('jpm_kurang_optimal'), int('jpm_none'),
    int('pns_cpns'), int('pns_cpns_meeting_jp'), pct('pns_cpns_training_share'), int('ringan'), int('sedang'), int('berat'),
  ];
  return perUnit('unit_competence', columns, f, (u) => ({
    jpm_optimal: u.jpm.optimal,
    jpm_cukup_optimal: u.jpm.cukup_optimal,
    jpm_kurang_optimal: u.jpm.kurang_optimal,
    jpm_none: u.jpm.none,
    pns_cpns: u.training.PNS.employees,
    pns_cpns_meeting_jp: u.training.PNS.meeting,
    pns_cpns_training_share: shareOf(u.training.PNS.meeting, u.training.PNS.employees),
    ringan: u.hukuman.ringan,
    sedang: u.hukuman.sedang,
    berat: u.hukuman.berat,
  }));
}

function meritTable(f: Figures, best: ReadonlyMap<string | null, RankedEntry>, overallBest: RankedEntry | null): ReportTable {
  const columns = [
    int('rated'), int('complete'), int('incomplete'), int('unrated'), num('mean'), num('median'), num('p10'), num('p90'),
    text('top_nip'), text('top_nama'), num('top_merit'),
  ];
  const table = perUnit('unit_merit', columns, f, (u) => {
    const d = meritDistribution(u.merits);
    return {
      rated: d.n, complete: u.status.complete, incomplete: u.status.incomplete, unrated: u.status.unrated,
      mean: d.mean, median: d.median, p10: d.p10, p90: d.p90, top_nip: null, top_nama: null, top_merit: null,
    };
  });
  for (const row of table.rows) {
    const top = best.get(row.unit as string | null);
    if (top !== undefined) Object.assign(row, { top_nip: top.nip, top_nama: top.nama, top_merit: top.merit });
  }
  if (table.total !== undefined && overallBest !== null) {
    Object.assign(table.total.row, { top_nip: overallBest.nip, top_nama: overallBest.nama, top_merit: overallBest.merit });
  }
  return table;
}

function qualityTable(f: Figures): ReportTable {
  const columns = [
    int('employees'), int('unrated'), int('incomplete'), int('rated_without_box'), int('missing_level'),
    int('missing_pendidikan'), int('missing_golongan'), int('missing_tmt_cpns'),
  ];
  return perUnit('unit_quality', columns, f, (u) => ({
    employees: u.employees, unrated: u.status.unrated, incomplete: u.status.incomplete, rated_without_box: u.ratedWithoutBox,
    missing_level: u.missing.level, missing_pendidikan: u.missing.pendidikan, missing_golongan: u.missing.golongan,
    missing_tmt_cpns: u.missing.tmtCpns,
  }));
}

export interface UnitReportInput {
  figures: Figures;
  year: number | null;
  model: MeritModel;
  best: ReadonlyMap<string | null, RankedEntry>;
  overallBest: RankedEntry | null;
  audit: AuditResult | null;
}

export function unitSections(input: UnitReportInput): ReportSection[] {
  const { figures: f, year } = input;
  const sections: ReportSection[] = [section('headcount', [noteBlock({ id: 'headcount-at-t' }), tableBlock(unitHeadcountTable(f.units, 'unit_headcount'))])];
  if (year !== null) {
    const perf = f.all.predikat.get(year) ?? { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
    const prev = f.all.predikat.get(year - 1) ?? { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
    sections.push(
      section('performance', [
        chartBlock({ type: 'predikat', unit: null, years: [year - 1, year], counts: [prev, perf] }),
        tableBlock(predikatTable(f, year)),
        tableBlock(talentTable(f)),
      ]),
      section('competence', [tableBlock(competenceTable(f))]),
      section('merit', [tableBlock(meritTable(f, input.best, input.overallBest)), ...histogramBlocks(f)]),
    );
  }
  if (input.audit === null) sections.push(section('audit', [noteBlock({ id: 'no-promotions' })]));
  else sections.push(section('audit', [tableBlock(auditSummaryTable(input.audit, 'unit_audit', true))]));
  const quality = qualityTable(f);
  if (year === null) {
    for (const row of [...quality.rows, quality.total?.row ?? {}]) Object.assign(row, { unrated: null, incomplete: null, rated_without_box: null });
  }
  sections.push(section('quality', [tableBlock(quality)]));
  return sections;
}
