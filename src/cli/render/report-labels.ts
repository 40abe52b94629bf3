/**
 * The words of the evaluation reports (SPEC §6 "Labels follow --lang", default `id`): titles,
 * column headers, the words for codes, notes and chart texts, in Indonesian and English. The
 * report data stays language-neutral (src/app/report/types.ts); only these lists are translated.
 * Templates hold `{name}` placeholders filled by `fill`.
 */
import type { Note, ReportLang, ReportType, SectionId, Vocab } from '../../app/report/types.js';
import { LABELS_EN } from './report-labels-en.js';
import { LABELS_ID } from './report-labels-id.js';

export interface ChartText {
  title: string;
  /** Text alternative; `{data}` is replaced by the chart's figures in words. */
  desc: string;
}

export interface ReportLabels {
  /** BCP 47 tag for `<html lang>`. */
  htmlLang: string;
  reportTitle: Record<ReportType, string>;
  meta: { year: string; referenceDate: string; model: string; database: string; generatedAt: string; employee: string; modelFile: string };
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
    auditUnits: ChartText & { audited: string; flagged: string };
    auditPercentiles: ChartText & { merit: string; seniority: string };
    components: ChartText;
  };
  total: { sum: string; all: string };
  noUnit: string;
  /** Table of contents heading. */
  contents: string;
  noRows: string;
  /** Footer line: what made the report. */
  madeBy: string;
}

const LABELS: Record<ReportLang, ReportLabels> = { id: LABELS_ID, en: LABELS_EN };

export function labelsFor(lang: ReportLang): ReportLabels {
  return LABELS[lang];
}

/** Replaces each `{name}` with its value; an unknown placeholder is left as written. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A column's header for people: the table-specific label, else the shared one, else the key. */
export function columnLabel(labels: ReportLabels, table: string, key: string, params: Record<string, string | number>): string {
  return fill(labels.columns[`${table}.${key}`] ?? labels.columns[key] ?? key, params);
}

/** The word for a code in a vocabulary, or the value itself when the list has none. */
export function vocabWord(labels: ReportLabels, vocab: Vocab, value: string | number | boolean | null): string | null {
  const words = labels.vocab[vocab];
  const key = value === null ? 'null' : String(value);
  return words[key] ?? (value === null ? null : String(value));
}
