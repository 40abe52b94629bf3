/**
 * The fairness section of the summary report (SPEC §12): the table of `asn audit --fairness`
 * with the report's audit (every event, `asn audit` defaults) and the sb measure of the report's
 * Y, unsuppressed (the summary is for the HR office; the public report suppresses it).
 */
import type { FairnessRow } from '../../domain/fairness.js';
import type { FairnessResult } from '../fairness/fairness.js';
import { int, noteBlock, num, pct, section, tableBlock, text } from './table-helpers.js';
import type { ReportCell, ReportColumn, ReportSection } from './types.js';

type Row = Record<string, ReportCell>;

/** The SPEC §12 fairness columns, shared by the summary (full) and the public (suppressed) tables. */
export const FAIRNESS_REPORT_COLUMNS: ReportColumn[] = [
  text('measure', 'fairnessMeasure'), text('grouping', 'fairnessGrouping'), text('group'), int('candidates'), int('selected'),
  pct('rate'), num('impact_ratio', 4), text('flag'), num('p', 6),
];

export function fairnessRowCells(r: FairnessRow): Row {
  return {
    measure: r.measure, grouping: r.grouping, group: r.group, candidates: r.candidates, selected: r.selected,
    rate: r.rate, impact_ratio: r.impactRatio, flag: r.flag, p: r.p,
  };
}

export function fairnessSection(fairness: FairnessResult): ReportSection {
  return section('fairness', [
    noteBlock({ id: 'fairness-meaning' }),
    tableBlock({ name: 'fairness', columns: FAIRNESS_REPORT_COLUMNS, rows: fairness.rows.map(fairnessRowCells) }),
  ]);
}
