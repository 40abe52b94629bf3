/**
 * The words of the evaluation reports (SPEC §6 "Labels follow --lang", default `id`): titles,
 * column headers, the words for codes, notes and chart texts, in Indonesian and English. The
 * report data stays language-neutral (src/app/report/types.ts); only these lists are translated.
 * Templates hold `{name}` placeholders filled by `fill`.
 */
import type { Note, ReportLang, ReportType, SectionId, Vocab } from '../../../app/report/types.js';
import type { ChartText, ReportLabels } from './label-types.js';
import { LABELS_EN } from './labels-en.js';
import { LABELS_ID } from './labels-id.js';

export type { ChartText, ReportLabels };

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
