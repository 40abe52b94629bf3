/**
 * The shape of a report's words (SPEC §6 "Labels follow --lang"): one dictionary per language
 * (labels-id.ts, labels-en.ts) fills it; labels.ts picks one. Kept apart so the dictionaries
 * and the picker do not import each other.
 */
import type { Note, ReportType, SectionId, Vocab } from '../../../app/report/types.js';

export interface ChartText {
  title: string;
  /** Text alternative; `{data}` is replaced by the chart's figures in words. */
  desc: string;
}

export interface ReportLabels {
  /** BCP 47 tag for `<html lang>`. */
  htmlLang: string;
  reportTitle: Record<ReportType, string>;
  meta: {
    year: string; referenceDate: string; model: string; database: string; generatedAt: string; employee: string; modelFile: string;
    /** openness (SPEC §12, issue 16): the line saying a public report holds no personal data. */
    privacy: string;
    privacyNone: string;
  };
  sections: Record<SectionId, string>;
  /** Table titles by table name; `{y}`, `{prev}` are the years. */
  tables: Record<string, string>;
  /** Column headers: `table.key` first, then `key`; `{y}`, `{prev}` are the years. */
  columns: Record<string, string>;
  /** Words for codes; the key `null` names a missing value. */
  vocab: Record<Vocab, Record<string, string>>;
  notes: Record<Note['id'], string>;
  charts: {
    predikat: ChartText;
    talentGrid: ChartText & { rowAxis: string; columnAxis: string; cell: string };
    histogram: ChartText;
    /** `top`: the title's note when only the units with the most audited promotions are drawn ({shown}, {units}). */
    auditUnits: ChartText & { audited: string; flagged: string; top: string };
    auditPercentiles: ChartText & { merit: string; seniority: string };
    components: ChartText;
    // calibration (SPEC §10)
    calibrationUnits: ChartText & { limit: string; others: string };
  };
  total: { sum: string; all: string };
  noUnit: string;
  /** Table of contents heading. */
  contents: string;
  noRows: string;
  /** Footer line: what made the report. */
  madeBy: string;
}
