/**
 * The evaluation report as data (SPEC §6): metadata, then sections made of tables, charts and
 * notes. Language-neutral: tables carry stable keys and codes ('SB', 'tinggi', 'optimal'); the
 * renderers in src/cli/render/report/*.ts put words on them in `--lang`. Only free texts that
 * have no code (the 9-box recommendation, the rule a merit component was computed by) are
 * chosen in the requested language here.
 */
import type { PredikatCode } from '../../domain/types.js';
import type { ComponentName } from '../../domain/model.js';
import type { ModelInfo } from '../population/scoring.js';
import type { VacancyInput } from '../candidates/vacancy.js';

export type ReportType = 'summary' | 'unit' | 'employee' | 'duk' | 'audit'
  // candidates (SPEC §11)
  | 'candidates'
  // openness (SPEC §12, issue 16)
  | 'public';
export const REPORT_TYPES: readonly ReportType[] = ['summary', 'unit', 'employee', 'duk', 'audit',
  // candidates (SPEC §11)
  'candidates',
  // openness (SPEC §12, issue 16)
  'public',
];
export type ReportLang = 'id' | 'en';
export const REPORT_LANGS: readonly ReportLang[] = ['id', 'en'];

/** One value in a report table (dates as 'YYYY-MM-DD' strings in 'date' columns). */
export type ReportCell = string | number | boolean | null;

/** Which word list translates a column's codes for people (src/cli/render/report/labels.ts). */
export type Vocab =
  | 'predikat' | 'jenis' | 'kinerja' | 'potensial' | 'hukuman' | 'jpm' | 'status' | 'auditStatus'
  | 'severity' | 'component' | 'field' | 'group' | 'kind' | 'quality' | 'role' | 'rankScope' | 'yesno' | 'level' | 'source' | 'rating'
  // calibration (SPEC §10)
  | 'calScope' | 'calVerdict' | 'calFlag'
  // candidates (SPEC §11)
  | 'eligibilityRule' | 'candidateField'
  // fairness (SPEC §12, issue 16)
  | 'fairnessMeasure' | 'fairnessGrouping';

/** Structurally a Column of src/cli/render/table-data.ts, plus the vocabulary of its codes. */
export interface ReportColumn {
  key: string;
  type: 'text' | 'number' | 'integer' | 'date' | 'boolean';
  decimals?: number;
  vocab?: Vocab;
  /** A share 0–1: people read it as a percentage; csv/json/xlsx keep the fraction. */
  percent?: boolean;
}

export interface ReportTable {
  /** Stable name: the JSON key, the `--table` value, the XLSX sheet. */
  name: string;
  columns: ReportColumn[];
  rows: Array<Record<string, ReportCell>>;
  /**
   * A total row shown last, its first column labelled by the renderer ("Jumlah", "Semua unit";
   * `(all)` in csv/json). `kind` picks the word: a sum, or a figure over everyone.
   */
  total?: { kind: 'sum' | 'all'; row: Record<string, ReportCell> };
  /** People see one sub-table per value of this column (e.g. the DUK per unit); machines see one table. */
  groupBy?: string;
  /** Columns people do not need to see (they repeat the sub-table heading); machines get them. */
  peopleHide?: string[];
}

/** Chart data; the renderer adds the localized title and text alternative (SPEC §6 html). */
export type ChartSpec =
  | { type: 'predikat'; unit: string | null; years: number[]; counts: Array<Record<PredikatCode, number>> }
  | { type: 'talent-grid'; boxes: number[][]; counts: Record<number, number> }
  | { type: 'merit-histogram'; unit: string | null; bins: Array<{ from: number; to: number; count: number }>; rated: number }
  | { type: 'audit-units'; rows: Array<{ all: boolean; unit: string | null; audited: number; flagged: number }> }
  | { type: 'audit-percentiles'; merit: number | null; seniority: number | null }
  | { type: 'components'; values: Record<ComponentName, number | null> }
  // calibration (SPEC §10): each unit's share of the predikat its 70% rule limits (B under Baik, SB under
  // Istimewa; else the largest share), the first `rows.length` of `total` units by share.
  | { type: 'calibration-units'; rows: Array<{ unit: string | null; code: PredikatCode; share: number; over: boolean }>; total: number };

/** A sentence for the reader, chosen by id and filled with params by the renderer. */
export interface Note {
  id:
    | 'no-employees' | 'no-appraisals' | 'no-promotions' | 'no-audited' | 'unrated-employee'
    | 'audit-settings' | 'duk-date' | 'employee-missing-unit' | 'headcount-at-t' | 'training-target'
    | 'no-rows'
    // calibration (SPEC §10)
    | 'calibration-settings' | 'calibration-no-appraisers' | 'calibration-unavailable'
    // candidates (SPEC §11)
    | 'candidates-state' | 'candidates-none'
    // openness and fairness (SPEC §12, issue 16)
    | 'public-notice' | 'fairness-meaning' | 'card-gain' | 'card-no-gain';
  params?: Record<string, string | number>;
}

export type Block =
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'note'; note: Note };

export type SectionId =
  | 'headcount' | 'performance' | 'competence' | 'merit' | 'audit' | 'quality' | 'empty'
  | 'record' | 'scores' | 'talent' | 'history' | 'findings'
  | 'duk-pns' | 'duk-pppk' | 'audit-events' | 'audit-pools'
  // calibration (SPEC §10)
  | 'calibration'
  // candidates (SPEC §11)
  | 'candidates-post' | 'candidates-rules' | 'candidates-list' | 'candidates-excluded'
  // openness and fairness (SPEC §12, issue 16)
  | 'public' | 'fairness';

export interface ReportSection {
  id: SectionId;
  blocks: Block[];
}

export interface ReportMeta {
  type: ReportType;
  lang: ReportLang;
  /** Evaluation year Y (SPEC §2); null when the database holds no appraisal yet. */
  year: number | null;
  /** T = 31 December of Y. */
  referenceDate: string | null;
  model: ModelInfo;
  /** The database file's name (not its path: reports travel). */
  database: string;
  /** ISO 8601 UTC time the report was made (`--as-of-time`, env ASN_REPORT_TIME, else now). */
  generatedAt: string;
  /** The employee of an `employee` report. */
  nip: string | null;
  nama: string | null;
  /** Set when there is nothing (or not enough) to report on: what to import next. */
  empty: 'no-employees' | 'no-appraisals' | null;
}

export interface Report {
  meta: ReportMeta;
  sections: ReportSection[];
}

export interface ReportRequest {
  db: string;
  type: ReportType;
  lang: ReportLang;
  year?: number;
  nip?: string;
  modelFile?: string;
  generatedAt: string
  // candidates (SPEC §11): the options of `asn candidates`
  candidates?: { vacancy: VacancyInput; units: readonly string[]; instansi?: string; date?: string; limit?: number };
}

/** Every table of a report, in order (csv `--table`, json keys, xlsx sheets). */
export function reportTables(report: Report): ReportTable[] {
  return report.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
