/**
 * `asn report --type public` (SPEC §12): the agency's results for publication, per unit and
 * overall — employees, predikat of Y, merit mean and median, 9-box counts, training compliance,
 * the calibration verdict (when year Y has predikat), the promotion-audit summary and fairness —
 * with no NIP, name, birth date or per-person row. Small cells are suppressed with k from the
 * model (`publication.suppressionK`, default 5) by the pure rules of src/domain/suppression.ts;
 * units with fewer than k employees are pooled into one row.
 */
import { summarizeAudit, type AuditSummary } from '../../domain/audit.js';
import type { FairnessRow } from '../../domain/fairness.js';
import { FAIRNESS_REPORT_COLUMNS, fairnessRowCells } from './fairness-section.js';
import { meritDistribution } from '../../domain/report-figures.js';
import {
  poolSmallUnits, publishedCount, publishedDerived, suppressTable, type CellMark,
} from '../../domain/suppression.js';
import { PREDIKAT_CODES } from '../../domain/types.js';
import type { AuditResult, AuditRow } from '../audit/audit.js';
import type { FairnessResult } from '../fairness/fairness.js';
import type { Figures, UnitFigures } from './figures.js';
import { int, noteBlock, num, pct, section, tableBlock, text } from './table-helpers.js';
import type { ReportCell, ReportColumn, ReportSection, ReportTable } from './types.js';

type Row = Record<string, ReportCell>;

/**
 * The name of the pooled row, as SPEC §12 writes it ("unit lain (< 5 pegawai)"), in every
 * `--lang`: it is a value of the `unit` column, and csv/json values do not change with the language.
 */
export function pooledUnitName(k: number): string {
  return `unit lain (< ${k} pegawai)`;
}

/** One published row before suppression: the unit (or pooled, or all) and its figures. */
interface Scope {
  unit: string | null;
  kind: 'unit' | 'pooled' | 'all';
  figures: UnitFigures;
  audit: AuditSummary | null;
}

/**
 * Which figures of a table are counts (suppressed by SPEC §12's rules) and which are computed
 * from counts (hidden when one of their counts is): `derived` maps a column to its counts.
 */
interface Suppression {
  counts: readonly string[];
  derived: Readonly<Record<string, readonly string[]>>;
}

/**
 * The published rows of one table: every count marked by suppressTable over all rows at once
 * (rows and columns: the rows are parts of the last, overall, row), then the figures derived
 * from a hidden count hidden too.
 */
export function publishRows(rows: readonly Row[], spec: Suppression, k: number, columns: boolean): Row[] {
  const matrix = rows.map((r) => spec.counts.map((c) => (typeof r[c] === 'number' ? (r[c] as number) : null)));
  const marks = suppressTable(matrix, k, { columns });
  return rows.map((r, i) => {
    const out: Row = { ...r };
    const markOf = new Map<string, CellMark>(spec.counts.map((c, j) => [c, marks[i]![j]!]));
    for (const c of spec.counts) out[c] = publishedCount(r[c] as number | null, markOf.get(c)!, k);
    for (const [key, sources] of Object.entries(spec.derived)) {
      out[key] = publishedDerived(r[key] ?? null, sources.map((s) => markOf.get(s) ?? 'shown'));
    }
    return out;
  });
}

/** Every figure of the pooled units added up, as one unit. */
function pooledFigures(list: readonly UnitFigures[], years: readonly number[]): UnitFigures {
  const sum = <T extends Record<string, number>>(pick: (u: UnitFigures) => T): T => {
    const out = {} as Record<string, number>;
    for (const u of list) for (const [key, v] of Object.entries(pick(u))) out[key] = (out[key] ?? 0) + v;
    return out as T;
  };
  const predikat = new Map<number, Record<(typeof PREDIKAT_CODES)[number], number>>();
  for (const y of years) {
    const total = { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
    for (const u of list) {
      const p = u.predikat.get(y);
      if (p !== undefined) for (const c of PREDIKAT_CODES) total[c] += p[c];
    }
    predikat.set(y, total);
  }
  const merits = new Float64Array(list.reduce((s, u) => s + u.merits.length, 0));
  let at = 0;
  for (const u of list) {
    merits.set(u.merits, at);
    at += u.merits.length;
  }
  return {
    unit: null,
    employees: list.reduce((s, u) => s + u.employees, 0),
    jenis: sum((u) => u.jenis),
    predikat,
    jpm: sum((u) => u.jpm),
    training: { PNS: sum((u) => ({ ...u.training.PNS })), PPPK: sum((u) => ({ ...u.training.PPPK })) },
    hukuman: sum((u) => u.hukuman),
    merits,
    boxes: sum((u) => u.boxes),
    ratedWithoutBox: list.reduce((s, u) => s + u.ratedWithoutBox, 0),
    status: sum((u) => u.status),
    missing: sum((u) => u.missing),
  };
}

/**
 * The published scopes: units with at least k employees, the pooled units as one row (when
 * any), and everyone. Promotion events count in the row of their unit (pooled when that unit is
 * small or has no employee on record).
 */
function scopesOf(f: Figures, year: number | null, audit: AuditResult | null, k: number): Scope[] {
  const years = year === null ? [] : [year - 1, year];
  const { kept, pooled } = poolSmallUnits(f.units.map((u) => ({ unit: u, employees: u.employees })), k);
  const keptUnits = new Set(kept.map((u) => u.unit));
  const eventsOf = new Map<string | null, AuditRow[]>();
  const pooledEvents: AuditRow[] = [];
  for (const e of audit?.events ?? []) {
    if (!keptUnits.has(e.unit)) pooledEvents.push(e);
    else {
      const list = eventsOf.get(e.unit) ?? [];
      list.push(e);
      eventsOf.set(e.unit, list);
    }
  }
  const summary = (events: readonly AuditRow[]) => (audit === null ? null : summarizeAudit(events));
  const scopes: Scope[] = kept.map((u) => ({ unit: u.unit, kind: 'unit', figures: u, audit: summary(eventsOf.get(u.unit) ?? []) }));
  if (pooled.length > 0 || pooledEvents.length > 0) {
    scopes.push({ unit: null, kind: 'pooled', figures: pooledFigures(pooled, years), audit: summary(pooledEvents) });
  }
  scopes.push({ unit: null, kind: 'all', figures: f.all, audit: audit === null ? null : audit.overall });
  return scopes;
}

export interface PublicInput {
  figures: Figures;
  year: number | null;
  audit: AuditResult | null;
  fairness: FairnessResult | null;
  /** SPEC §12 k (model `publication.suppressionK`). */
  k: number;
  /**
   * The calibration verdict of each unit (SPEC §10 distribution pattern), when calibration
   * finds predikat in Y: see public-calibration.ts. Null leaves the column out.
   */
  calibration: ReadonlyMap<string | null, string> | null;
}

/** The unit cell of a scope: the unit's name, the pooled row's name, or (for the total row) null. */
function unitCell(s: Scope, k: number): string | null {
  return s.kind === 'pooled' ? pooledUnitName(k) : s.unit;
}

/** A table whose last row is everyone: the total row of the report. */
function unitTable(name: string, columns: ReportColumn[], rows: Row[]): ReportTable {
  return { name, columns, rows: rows.slice(0, -1), total: { kind: 'all', row: rows[rows.length - 1]! } };
}

function employeesTable(scopes: readonly Scope[], input: PublicInput): ReportTable {
  const raw = scopes.map((s): Row => {
    const d = meritDistribution(s.figures.merits);
    const rated = s.figures.status.complete + s.figures.status.incomplete;
    const row: Row = {
      unit: unitCell(s, input.k), employees: s.figures.employees, rated, unrated: s.figures.employees - rated,
      merit_mean: d.mean, merit_median: d.median,
    };
    // The unit's calibration verdict (SPEC §10 at its defaults; public-calibration.ts).
    if (input.calibration !== null) row.calibration = s.kind === 'unit' ? (input.calibration.get(s.unit) ?? null) : s.kind === 'all' ? (input.calibration.get(null) ?? null) : null;
    return row;
  });
  const rows = publishRows(raw, { counts: ['employees', 'rated', 'unrated'], derived: { merit_mean: ['rated'], merit_median: ['rated'] } }, input.k, true);
  const columns = [text('unit'), int('employees'), int('rated'), int('unrated'), num('merit_mean'), num('merit_median')];
  if (input.calibration !== null) columns.push(text('calibration', 'calVerdict'));
  return unitTable('public_employees', columns, rows);
}

function predikatTable(scopes: readonly Scope[], year: number, k: number): ReportTable {
  const codes = PREDIKAT_CODES.map((c) => c.toLowerCase());
  const raw = scopes.map((s): Row => {
    const p = s.figures.predikat.get(year) ?? { SB: 0, B: 0, BP: 0, K: 0, SK: 0 };
    const n = PREDIKAT_CODES.reduce((sum, c) => sum + p[c], 0);
    const row: Row = { unit: unitCell(s, k), with_predikat: n };
    PREDIKAT_CODES.forEach((c, i) => {
      row[codes[i]!] = p[c];
      row[`share_${codes[i]!}`] = n > 0 ? p[c] / n : null;
    });
    return row;
  });
  const derived = Object.fromEntries(codes.map((c) => [`share_${c}`, [c, 'with_predikat']]));
  const rows = publishRows(raw, { counts: ['with_predikat', ...codes], derived }, k, true);
  return unitTable('public_predikat', [text('unit'), int('with_predikat'), ...codes.map((c) => int(c)), ...codes.map((c) => pct(`share_${c}`))], rows);
}

const BOXES = [9, 8, 7, 6, 5, 4, 3, 2, 1];

function talentTable(scopes: readonly Scope[], k: number): ReportTable {
  const raw = scopes.map((s): Row => {
    const row: Row = { unit: unitCell(s, k), with_box: BOXES.reduce((sum, b) => sum + (s.figures.boxes[b] ?? 0), 0) };
    for (const b of BOXES) row[`box_${b}`] = s.figures.boxes[b] ?? 0;
    return row;
  });
  const counts = ['with_box', ...BOXES.map((b) => `box_${b}`)];
  return unitTable('public_talent', [text('unit'), ...counts.map((c) => int(c))], publishRows(raw, { counts, derived: {} }, k, true));
}

function trainingTable(scopes: readonly Scope[], k: number): ReportTable {
  const raw = scopes.map((s): Row => {
    const t = s.figures.training.PNS;
    return { unit: unitCell(s, k), pns_cpns: t.employees, meeting: t.meeting, not_meeting: t.employees - t.meeting, share: t.employees > 0 ? t.meeting / t.employees : null };
  });
  const rows = publishRows(raw, { counts: ['pns_cpns', 'meeting', 'not_meeting'], derived: { share: ['meeting', 'pns_cpns'] } }, k, true);
  return unitTable('public_training', [text('unit'), int('pns_cpns'), int('meeting'), int('not_meeting'), pct('share')], rows);
}

function auditTable(scopes: readonly Scope[], k: number): ReportTable {
  const raw = scopes.map((s): Row => {
    const a = s.audit!;
    return {
      unit: unitCell(s, k), events: a.events, audited: a.audited, flagged: a.flagged, flag_rate: a.flagRate,
      mean_merit_percentile: a.meanMeritPercentile, mean_seniority_percentile: a.meanSeniorityPercentile,
      p_value: a.audited > 0 ? a.p : null, seniority_biased: a.audited > 0 ? a.seniorityBiased : null,
    };
  });
  const byAudited = ['audited'];
  const rows = publishRows(raw, {
    counts: ['events', 'audited', 'flagged'],
    derived: { flag_rate: ['flagged', 'audited'], mean_merit_percentile: byAudited, mean_seniority_percentile: byAudited, p_value: byAudited, seniority_biased: byAudited },
  }, k, true);
  return unitTable('public_audit', [
    text('unit'), int('events'), int('audited'), int('flagged'), pct('flag_rate'), num('mean_merit_percentile', 4), num('mean_seniority_percentile', 4),
    num('p_value', 6), { key: 'seniority_biased', type: 'boolean', vocab: 'yesno' },
  ], rows);
}

/**
 * Fairness for publication: candidates and selected of each group suppressed as counts (row by
 * row: the groups are not parts of a published total); rate and p hidden with the group's own
 * counts; impact ratio and flag also with the counts of the group they are taken against.
 */
export function publicFairnessRows(rows: readonly FairnessRow[], k: number): Row[] {
  const spec: Suppression = { counts: ['candidates', 'selected'], derived: { rate: ['candidates', 'selected'], p: ['candidates', 'selected'] } };
  const published = rows.map((r) => publishRows([fairnessRowCells(r)], spec, k, false)[0]!);
  return rows.map((r, i) => {
    const own = published[i]!;
    const ref = rows.findIndex((x) => x.measure === r.measure && x.grouping === r.grouping && x.group === r.reference);
    const hidden = (row: Row | undefined) => row !== undefined && (typeof row.candidates === 'string' || typeof row.selected === 'string');
    if (hidden(own) || (ref >= 0 && hidden(published[ref]))) return { ...own, impact_ratio: '*', flag: '*' };
    return own;
  });
}

export function publicSections(input: PublicInput): ReportSection[] {
  const { figures, year, audit, fairness, k } = input;
  const scopes = scopesOf(figures, year, audit, k);
  const sections: ReportSection[] = [
    section('public', [noteBlock({ id: 'public-notice', params: { k } }), tableBlock(employeesTable(scopes, input))]),
  ];
  if (year !== null) {
    sections.push(section('performance', [tableBlock(predikatTable(scopes, year, k)), tableBlock(talentTable(scopes, k)), tableBlock(trainingTable(scopes, k))]));
  }
  sections.push(section('audit', audit === null ? [noteBlock({ id: 'no-promotions' })] : [tableBlock(auditTable(scopes, k))]));
  if (fairness !== null) {
    sections.push(section('fairness', [
      noteBlock({ id: 'fairness-meaning' }),
      tableBlock({ name: 'public_fairness', columns: FAIRNESS_REPORT_COLUMNS, rows: publicFairnessRows(fairness.rows, k) }),
    ]));
  }
  return sections;
}
