/**
 * `asn report --type summary` (SPEC §6): headcount by jenis pegawai, golongan, level and unit;
 * predikat of Y and Y−1; the 9-box with recommendations; JPM categories; training compliance;
 * hukuman disiplin; merit distribution per unit; the top 10; the promotion-audit summary; data
 * quality. Each section is built from the figures gathered once (figures.ts).
 */
import { jenisGroup } from '../../domain/duk.js';
import { golonganLabel } from '../../domain/golongan.js';
import { JPM_CATEGORIES } from '../../domain/report-figures.js';
import { BOX_RECOMMENDATION } from '../../domain/talent-box.js';
import { PREDIKAT_CODES, type JenisGroup } from '../../domain/types.js';
import type { KinerjaAxis, MeritModel, PotensialLevel } from '../../domain/model.js';
import type { AuditResult } from '../audit/audit.js';
import { auditCharts, auditNotAuditedTable, auditSummaryTable } from './audit-data.js';
import { HUKUMAN_LEVELS, type Figures, type UnitFigures } from './figures.js';
import type { RankedEntry } from './ranking-pass.js';
import { chartBlock, compareUnits, int, noteBlock, num, pct, section, sumRow, tableBlock, text } from './table-helpers.js';
import { meritDistribution, meritBins, shareOf } from '../../domain/report-figures.js';
import type { Block, ReportCell, ReportLang, ReportSection, ReportTable } from './types.js';
import type { LastImportRow } from '../../db/queries/report.js';

const JENIS_ORDER = ['PNS', 'CPNS', 'PPPK', 'unknown'] as const;
/** The 9-box as printed (SPEC §4): potensial rows top to bottom, kinerja columns left to right. */
export const POTENSIAL_ROWS: readonly PotensialLevel[] = ['tinggi', 'menengah', 'rendah'];
export const KINERJA_COLUMNS: readonly KinerjaAxis[] = ['below', 'meets', 'above'];

export function headcountSection(f: Figures): ReportSection {
  const jenisRows = JENIS_ORDER.filter((j) => f.all.jenis[j] > 0).map((j) => ({
    jenis_pegawai: j === 'unknown' ? null : j,
    employees: f.all.jenis[j],
    share: shareOf(f.all.jenis[j], f.all.employees),
  }));
  const jenis: ReportTable = {
    name: 'headcount_jenis',
    columns: [text('jenis_pegawai', 'jenis'), int('employees'), pct('share')],
    rows: jenisRows,
    total: { kind: 'sum', row: { ...sumRow(jenisRows, ['employees']), share: jenisRows.length > 0 ? 1 : null } },
  };
  return section('headcount', [
    noteBlock({ id: 'headcount-at-t' }),
    tableBlock(jenis),
    tableBlock(golonganTable(f)),
    tableBlock(levelTable(f)),
    tableBlock(unitHeadcountTable(f.units, 'headcount_unit')),
  ]);
}

function golonganTable(f: Figures): ReportTable {
  const counts = new Map<string, { group: JenisGroup | null; code: number | null; label: string | null; employees: number }>();
  for (const row of f.headcount) {
    const jenis = row.jenis_pegawai === 'PNS' || row.jenis_pegawai === 'CPNS' || row.jenis_pegawai === 'PPPK' ? row.jenis_pegawai : null;
    const group = jenisGroup(jenis);
    const label = golonganLabel(row.golongan_code, jenis);
    const key = `${group ?? '-'}|${label === null ? '-' : row.golongan_code}`;
    const entry = counts.get(key) ?? { group, code: label === null ? null : row.golongan_code, label, employees: 0 };
    entry.employees += row.employees;
    counts.set(key, entry);
  }
  const order = (g: JenisGroup | null) => (g === 'PNS' ? 0 : g === 'PPPK' ? 1 : 2);
  const rows = [...counts.values()]
    .sort((a, b) => order(a.group) - order(b.group) || (a.code ?? Infinity) - (b.code ?? Infinity))
    .map((e) => ({ group: e.group, golongan: e.label, employees: e.employees }));
  return {
    name: 'headcount_golongan',
    columns: [text('group', 'group'), text('golongan'), int('employees')],
    rows,
    total: { kind: 'sum', row: sumRow(rows, ['employees']) },
  };
}

function levelTable(f: Figures): ReportTable {
  const counts = new Map<number | null, number>();
  for (const row of f.headcount) counts.set(row.level, (counts.get(row.level) ?? 0) + row.employees);
  const rows = [...counts.entries()]
    .sort(([a], [b]) => (b ?? -1) - (a ?? -1))
    .map(([level, employees]) => ({ level, employees }));
  return {
    name: 'headcount_level',
    columns: [int('level', 'level'), int('employees')],
    rows,
    total: { kind: 'sum', row: sumRow(rows, ['employees']) },
  };
}

/** Employees per unit by jenis pegawai (also the `unit` report's first table). */
export function unitHeadcountTable(units: readonly UnitFigures[], name: string): ReportTable {
  const rows = units.map((u) => ({ unit: u.unit, employees: u.employees, pns: u.jenis.PNS, cpns: u.jenis.CPNS, pppk: u.jenis.PPPK }));
  return {
    name,
    columns: [text('unit'), int('employees'), int('pns'), int('cpns'), int('pppk')],
    rows,
    total: { kind: 'sum', row: sumRow(rows, ['employees', 'pns', 'cpns', 'pppk']) },
  };
}

export function performanceSection(f: Figures, year: number, lang: ReportLang, model: MeritModel): ReportSection {
  const prev = year - 1;
  const y = f.all.predikat.get(year) ?? { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
  const p = f.all.predikat.get(prev) ?? { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
  const totalY = PREDIKAT_CODES.reduce((s, c) => s + y[c], 0);
  const totalP = PREDIKAT_CODES.reduce((s, c) => s + p[c], 0);
  const rows = PREDIKAT_CODES.map((c) => ({
    predikat: c, count_prev: p[c], share_prev: shareOf(p[c], totalP), count_y: y[c], share_y: shareOf(y[c], totalY),
  }));
  const predikat: ReportTable = {
    name: 'predikat',
    columns: [text('predikat', 'predikat'), int('count_prev'), pct('share_prev'), int('count_y'), pct('share_y')],
    rows,
    total: { kind: 'sum', row: { ...sumRow(rows, ['count_prev', 'count_y']), share_prev: totalP > 0 ? 1 : null, share_y: totalY > 0 ? 1 : null } },
  };
  return section('performance', [
    chartBlock({ type: 'predikat', unit: null, years: [prev, year], counts: [p, y] }),
    tableBlock(predikat),
    chartBlock({ type: 'talent-grid', boxes: talentLayout(model), counts: f.all.boxes }),
    tableBlock(talentTable(f.all, lang, model)),
  ]);
}

/** Box numbers as the grid shows them: rows potensial tinggi → rendah, columns kinerja below → above (SPEC §4). */
export function talentLayout(model: MeritModel): number[][] {
  return POTENSIAL_ROWS.map((p) => KINERJA_COLUMNS.map((k) => model.box[p][k]));
}

/** The nine boxes, 9 first, with the PermenPANRB 3/2020 recommendation (SPEC §4); axes from the model's box table. */
function talentTable(all: UnitFigures, lang: ReportLang, model: MeritModel): ReportTable {
  const cells: Array<{ box: number; potensial: PotensialLevel; kinerja: KinerjaAxis }> = [];
  for (const potensial of POTENSIAL_ROWS) {
    for (const kinerja of KINERJA_COLUMNS) cells.push({ box: model.box[potensial][kinerja], potensial, kinerja });
  }
  const rows = cells
    .sort((a, b) => b.box - a.box)
    .map((c) => ({ ...c, employees: all.boxes[c.box] ?? 0, recommendation: BOX_RECOMMENDATION[c.box]?.[lang] ?? null }));
  return {
    name: 'talent_box',
    columns: [int('box'), text('potensial', 'potensial'), text('kinerja', 'kinerja'), int('employees'), text('recommendation')],
    rows,
    total: { kind: 'sum', row: sumRow(rows, ['employees']) },
  };
}

export function competenceSection(f: Figures, year: number, model: MeritModel): ReportSection {
  const withJpm = f.all.jpm.optimal + f.all.jpm.cukup_optimal + f.all.jpm.kurang_optimal;
  const jpmRows: Array<Record<string, ReportCell>> = [
    ...JPM_CATEGORIES.map((c) => ({ category: c, employees: f.all.jpm[c], share: shareOf(f.all.jpm[c], withJpm) })),
    { category: 'none', employees: f.all.jpm.none, share: null },
  ];
  const groups: JenisGroup[] = ['PNS', 'PPPK'];
  const trainingRows = groups.map((g) => {
    const t = f.all.training[g];
    return { group: g, target_jp: g === 'PNS' ? model.pengembangan.jpTarget.PNS : model.pengembangan.jpTarget.PPPK, employees: t.employees, recorded: t.recorded, meeting: t.meeting, share: shareOf(t.meeting, t.employees) };
  });
  const hukumanRows = HUKUMAN_LEVELS.map((h) => ({ hukuman: h, employees: f.all.hukuman[h] }));
  return section('competence', [
    tableBlock({
      name: 'jpm',
      columns: [text('category', 'jpm'), int('employees'), pct('share')],
      rows: jpmRows,
      total: { kind: 'sum', row: sumRow(jpmRows, ['employees']) },
    }),
    noteBlock({ id: 'training-target', params: { target: model.pengembangan.jpTarget.PNS, y: year } }),
    tableBlock({
      name: 'training',
      columns: [text('group', 'group'), num('target_jp', 0), int('employees'), int('recorded'), int('meeting'), pct('share')],
      rows: trainingRows,
    }),
    tableBlock({
      name: 'discipline',
      columns: [text('hukuman', 'hukuman'), int('employees')],
      rows: hukumanRows,
      total: { kind: 'sum', row: sumRow(hukumanRows, ['employees']) },
    }),
  ]);
}

/** Merit distribution per unit and over everyone (SPEC §6: mean, median, p10, p90). */
export function meritDistributionTable(f: Figures, name: string): ReportTable {
  const row = (u: UnitFigures): Record<string, ReportCell> => {
    const d = meritDistribution(u.merits);
    return { unit: u.unit, rated: d.n, mean: d.mean, median: d.median, p10: d.p10, p90: d.p90, min: d.min, max: d.max };
  };
  return {
    name,
    columns: [text('unit'), int('rated'), num('mean'), num('median'), num('p10'), num('p90'), num('min'), num('max')],
    rows: f.units.map(row),
    total: { kind: 'all', row: row(f.all) },
  };
}

/**
 * One merit histogram per unit, in unit order. With `limit`, only the `limit` units with the most
 * rated employees get one: a national summary has over 100,000 units, and a page of 100,000
 * charts helps nobody (the tables still list every unit; `--type unit` draws them all).
 */
export function histogramBlocks(f: Figures, limit = Infinity): Block[] {
  let units = f.units.filter((u) => u.merits.length > 0);
  if (units.length > limit) {
    units = [...units].sort((a, b) => b.merits.length - a.merits.length || compareUnits(a.unit, b.unit)).slice(0, limit);
  }
  return [...units]
    .sort((a, b) => compareUnits(a.unit, b.unit))
    .map((u) => chartBlock({ type: 'merit-histogram', unit: u.unit, bins: meritBins(u.merits), rated: u.merits.length }));
}

/** Histograms in the summary report: the largest units only (see histogramBlocks). */
export const SUMMARY_HISTOGRAMS = 30;

export function meritSection(f: Figures, top: readonly RankedEntry[]): ReportSection {
  const topTable: ReportTable = {
    name: 'top_merit',
    columns: [
      int('rank'), text('nip'), text('nama'), text('unit'), text('golongan'), num('merit'), int('box'), num('percentile'),
    ],
    rows: top.map((t) => ({ rank: t.rank, nip: t.nip, nama: t.nama, unit: t.unit, golongan: t.golongan, merit: t.merit, box: t.box, percentile: t.percentile })),
  };
  return section('merit', [tableBlock(meritDistributionTable(f, 'merit_by_unit')), ...histogramBlocks(f, SUMMARY_HISTOGRAMS), tableBlock(topTable)]);
}

export function auditSection(audit: AuditResult | null, name: string, lang: ReportLang): ReportSection {
  if (audit === null) return section('audit', [noteBlock({ id: 'no-promotions' })]);
  return section('audit', [
    noteBlock({ id: 'audit-settings', params: { events: audit.events.length, margin: audit.settings.margin } }),
    tableBlock(auditSummaryTable(audit, name, false)),
    ...auditCharts(audit),
    ...(audit.overall.audited === 0 ? [noteBlock({ id: 'no-audited' })] : []),
    // SPEC §7 status_reason: the events left out of the figures above, and why.
    ...(audit.overall.audited < audit.overall.events ? [tableBlock(auditNotAuditedTable(audit, lang))] : []),
  ]);
}

export function qualitySection(f: Figures, imports: readonly LastImportRow[], withoutPredikat: number | null, rated: boolean): ReportSection {
  const a = f.all;
  const issues: Array<[string, number | null]> = [
    ['unrated', rated ? a.status.unrated : null],
    ['incomplete', rated ? a.status.incomplete : null],
    ['rated_without_box', rated ? a.ratedWithoutBox : null],
    ['appraisals_without_predikat', withoutPredikat],
    ['missing_level', a.missing.level],
    ['missing_pendidikan', a.missing.pendidikan],
    ['missing_golongan', a.missing.golongan],
    ['missing_tmt_cpns', a.missing.tmtCpns],
    ['missing_jenis_pegawai', a.missing.jenisPegawai],
    ['rejected_rows', imports.reduce((s, i) => s + i.rejected, 0)],
  ];
  const quality: ReportTable = {
    name: 'data_quality',
    columns: [text('issue', 'quality'), int('count')],
    rows: issues.filter(([, n]) => n !== null).map(([issue, count]) => ({ issue, count })),
  };
  const importTable: ReportTable = {
    name: 'imports',
    columns: [
      text('file_name'), text('kind', 'kind'), text('imported_at'), int('rows_read'), int('inserted'), int('updated'),
      int('unchanged'), int('rejected'), int('skipped'),
    ],
    rows: imports.map((i) => ({
      file_name: i.file_name, kind: i.kind, imported_at: i.imported_at, rows_read: i.rows_read, inserted: i.inserted,
      updated: i.updated, unchanged: i.unchanged, rejected: i.rejected, skipped: i.skipped,
    })),
  };
  return section('quality', [tableBlock(quality), tableBlock(importTable)]);
}
