/**
 * From the language-neutral report (src/app/report/types.ts) to the tables each writer takes
 * (table-data.ts DataTable). Two views of the same table:
 * - for people (md, html, xlsx): headers and codes in `--lang`, shares as percentages (md, html),
 *   the total row labelled "Jumlah" / "Semua unit", one sub-table per group (md, html);
 * - for machines (csv, json): stable keys, codes as stored, shares as fractions, the total row
 *   labelled `(total)` or `(all)` in its first column.
 */
import type { Report, ReportCell, ReportColumn, ReportMeta, ReportTable } from '../../../app/report/types.js';
import { roundHalfAwayFromZero } from '../../../domain/numbers.js';
import { columnLabel, fill, labelsFor, vocabWord, type ReportLabels } from './labels.js';
import type { Cell, Column, DataTable } from '../table-data.js';

/** The label of a machine total row (SPEC §7 output is an API: the same in every --lang). */
export const MACHINE_TOTAL = { sum: '(total)', all: '(all)' } as const;

/** Columns holding unit names: a missing unit reads "(tanpa unit)" to people. */
const UNIT_COLUMNS = new Set(['unit']);

/** `{y}` and `{prev}` for titles and headers. */
export function yearParams(meta: ReportMeta): Record<string, string | number> {
  return meta.year === null ? { y: '', prev: '' } : { y: meta.year, prev: meta.year - 1 };
}

/** A share 0–1 as a percentage with one decimal, "62.5 %" (SPEC §3 rounding, half away from zero). */
export function percentText(value: number): string {
  return `${roundHalfAwayFromZero(value * 100, 1).toFixed(1)} %`;
}

function toColumn(c: ReportColumn): Column {
  return c.decimals === undefined ? { key: c.key, type: c.type } : { key: c.key, type: c.type, decimals: c.decimals };
}

function withTotal(table: ReportTable, label: string): Array<Record<string, ReportCell>> {
  if (table.total === undefined) return table.rows;
  const first = table.columns[0]?.key;
  const row = { ...table.total.row };
  if (first !== undefined) row[first] = label;
  return [...table.rows, row];
}

/** The table for csv and json: keys, codes and fractions as stored, the total row last. */
export function machineTable(table: ReportTable): DataTable {
  const label = table.total === undefined ? '' : MACHINE_TOTAL[table.total.kind];
  return { name: table.name, columns: table.columns.map(toColumn), rows: withTotal(table, label) };
}

export interface PeopleOptions {
  /** Shares as "62.5 %" text (md, html); xlsx keeps numbers. */
  percent: boolean;
}

export interface PeopleTable {
  /** Sub-table heading (the group value), null for an ungrouped table. */
  heading: string | null;
  table: DataTable;
}

function peopleCell(labels: ReportLabels, column: ReportColumn, value: ReportCell, opts: PeopleOptions): Cell {
  if (column.vocab !== undefined) return vocabWord(labels, column.vocab, value);
  if (UNIT_COLUMNS.has(column.key) && value === null) return labels.noUnit;
  // A suppressed share (`*`, SPEC §12) stays as written.
  if (column.percent === true && opts.percent) return typeof value === 'number' ? percentText(value) : typeof value === 'string' ? value : null;
  return value;
}

/**
 * Columns already worked out, per dictionary: the cards of `report --type employee --all` ask
 * for the same few dozen columns ten thousand times (SPEC §12). The cached Column is shared:
 * the writers only read columns.
 */
const PEOPLE_COLUMNS = new WeakMap<ReportLabels, Map<string, { from: ReportColumn; y: unknown; prev: unknown; percentText: boolean; column: Column }>>();

function peopleColumn(labels: ReportLabels, table: string, column: ReportColumn, params: Record<string, string | number>, opts: PeopleOptions): Column {
  let known = PEOPLE_COLUMNS.get(labels);
  if (known === undefined) {
    known = new Map();
    PEOPLE_COLUMNS.set(labels, known);
  }
  // Only {y} and {prev} reach headers (yearParams); other params bypass the cache.
  let cacheable = true;
  for (const p in params) if (p !== 'y' && p !== 'prev') cacheable = false;
  const id = `${table}\u0000${column.key}`;
  const hit = cacheable ? known.get(id) : undefined;
  if (hit !== undefined && hit.y === params.y && hit.prev === params.prev && hit.from.type === column.type
    && hit.from.decimals === column.decimals && hit.from.vocab === column.vocab && hit.from.percent === column.percent
    && hit.percentText === opts.percent) return hit.column;
  const header = columnLabel(labels, table, column.key, params);
  // A percentage stays a number column (right-aligned) holding its text "62.5 %"; kept as a
  // number (xlsx), it is marked so the writer gives it a percent format.
  const percent = column.percent === true && !opts.percent ? { percent: true } : {};
  const made: Column = { ...toColumn(column), header, type: column.vocab !== undefined ? 'text' : column.type, ...percent };
  if (cacheable) known.set(id, { from: column, y: params.y, prev: params.prev, percentText: opts.percent, column: made });
  return made;
}

/** The title of a table for people, with the years filled in. */
export function tableTitle(labels: ReportLabels, name: string, params: Record<string, string | number>): string {
  return fill(labels.tables[name] ?? name, params);
}

/**
 * The table for people: localized, the total row labelled, and — when `split` — one sub-table per
 * value of `groupBy` (in row order), without the group column and the `peopleHide` columns.
 */
export function peopleTables(
  table: ReportTable,
  labels: ReportLabels,
  params: Record<string, string | number>,
  opts: PeopleOptions & { split: boolean },
): PeopleTable[] {
  const hidden = new Set(opts.split ? [...(table.peopleHide ?? []), ...(table.groupBy === undefined ? [] : [table.groupBy])] : []);
  const shown = table.columns.filter((c) => !hidden.has(c.key));
  const columns = shown.map((c) => peopleColumn(labels, table.name, c, params, opts));
  const localize = (row: Record<string, ReportCell>): Record<string, Cell> => {
    const out: Record<string, Cell> = {};
    for (const c of shown) out[c.key] = peopleCell(labels, c, row[c.key] ?? null, opts);
    return out;
  };
  const title = tableTitle(labels, table.name, params);
  const totalLabel = table.total === undefined ? '' : labels.total[table.total.kind];
  if (!opts.split || table.groupBy === undefined) {
    const rows = table.rows.map(localize);
    if (table.total !== undefined) {
      // Only the figures the total row has; the other cells stay empty (no "—" for a missing code).
      const given = table.total.row;
      const total: Record<string, Cell> = {};
      for (const c of shown) total[c.key] = c.key in given ? peopleCell(labels, c, given[c.key] ?? null, opts) : null;
      const first = shown[0]?.key;
      if (first !== undefined) total[first] = totalLabel;
      rows.push(total);
    }
    return [{ heading: null, table: { name: table.name, title, columns, rows } }];
  }
  const groupKey = table.groupBy;
  const groups = new Map<string, Array<Record<string, Cell>>>();
  for (const row of table.rows) {
    const value = row[groupKey] ?? null;
    const heading = value === null ? labels.noUnit : String(value);
    const list = groups.get(heading);
    if (list === undefined) groups.set(heading, [localize(row)]);
    else list.push(localize(row));
  }
  return [...groups.entries()].map(([heading, rows]) => ({ heading, table: { name: table.name, title: heading, columns, rows } }));
}

/** "Ringkasan Evaluasi 2025", or the employee card's name and NIP. */
export function reportHeading(meta: ReportMeta, labels: ReportLabels): string {
  const base = labels.reportTitle[meta.type];
  if (meta.type === 'employee' && meta.nip !== null) return `${base}: ${meta.nama ?? ''} (${meta.nip})`.replace(':  (', ': (');
  // candidates (SPEC §11): the post and D are in the first section, not a year in the title
  return meta.year === null || meta.type === 'audit' || meta.type === 'candidates' ? base : `${base} ${meta.year}`;
}

/** The facts every report states (SPEC §6): Y and T, model name and hash, database file, time made. */
export function metaLines(meta: ReportMeta, labels: ReportLabels): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (meta.year !== null) lines.push([labels.meta.year, String(meta.year)]);
  if (meta.referenceDate !== null) lines.push([labels.meta.referenceDate, meta.referenceDate]);
  lines.push([labels.meta.model, `${meta.model.name} (sha256:${meta.model.hash})`]);
  if (meta.model.file !== null) lines.push([labels.meta.modelFile, meta.model.file]);
  lines.push([labels.meta.database, meta.database]);
  lines.push([labels.meta.generatedAt, meta.generatedAt]);
  // openness (SPEC §12, issue 16): every format but csv says a public report holds no personal data.
  if (meta.type === 'public') lines.push([labels.meta.privacy, labels.meta.privacyNone]);
  return lines;
}

/** The report's meta as the `meta` key of `--format json`. */
export function metaObject(report: Report): Record<string, unknown> {
  const { meta } = report;
  const labels = labelsFor(meta.lang);
  const notes = report.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'note' ? [noteText(labels, b.note.id, { ...yearParams(meta), ...b.note.params })] : [])));
  return {
    type: meta.type,
    title: reportHeading(meta, labels),
    lang: meta.lang,
    year: meta.year,
    reference_date: meta.referenceDate,
    model: { name: meta.model.name, hash: meta.model.hash, file: meta.model.file },
    database: meta.database,
    generated_at: meta.generatedAt,
    nip: meta.nip,
    nama: meta.nama,
    empty: meta.empty,
    notes,
    // openness (SPEC §12, issue 16)
    ...(meta.type === 'public' ? { personal_data: false, privacy: labels.meta.privacyNone } : {}),
  };
}

export function noteText(labels: ReportLabels, id: keyof ReportLabels['notes'], params: Record<string, string | number>): string {
  return fill(labels.notes[id], params);
}
