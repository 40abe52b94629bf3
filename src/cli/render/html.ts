/**
 * HTML tables for the self-contained report (SPEC §6 `--format html`). Every piece of data is
 * escaped: names, units and jabatan come from spreadsheets anyone could have typed into.
 */
import { type DataTable, columnHeader, formatCell, isNumericColumn } from './table-data.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes & < > " ' — safe in element text and in quoted attributes, in HTML and in SVG/XML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

export interface HtmlTableOptions {
  /** Visible caption; defaults to the table's title, none when neither is given. */
  caption?: string;
}

/**
 * A `<table>` with `<caption>`, `<thead>` (`<th scope="col">` for screen readers) and `<tbody>`.
 * Number columns carry class "num" so the report's CSS can right-align them.
 */
export function htmlTable(table: DataTable, opts: HtmlTableOptions = {}): string {
  const numClass = table.columns.map((column) => (isNumericColumn(column) ? ' class="num"' : ''));
  const caption = opts.caption ?? table.title;
  const lines: string[] = [`<table data-table="${escapeHtml(table.name)}">`];
  if (caption !== undefined && caption !== '') lines.push(`<caption>${escapeHtml(caption)}</caption>`);
  const heads = table.columns.map((column, i) => `<th scope="col"${numClass[i] ?? ''}>${escapeHtml(columnHeader(column))}</th>`);
  lines.push(`<thead><tr>${heads.join('')}</tr></thead>`, '<tbody>');
  for (const row of table.rows) {
    const cells = table.columns.map(
      (column, i) => `<td${numClass[i] ?? ''}>${escapeHtml(formatCell(row[column.key], column))}</td>`,
    );
    lines.push(`<tr>${cells.join('')}</tr>`);
  }
  lines.push('</tbody>', '</table>');
  return lines.join('\n') + '\n';
}
