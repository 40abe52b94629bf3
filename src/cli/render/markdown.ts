/**
 * GitHub pipe tables for `asn report --format md` (SPEC §6, the default report format).
 * Columns are padded to a common width so the file reads as a plain-text table too.
 */
import { type Column, type DataTable, columnHeader, formatCell, isNumericColumn } from './table-data.js';

/**
 * A cell safe inside a pipe table: `|` would end the cell, so it becomes `\|`; a line break
 * would end the row, so CR/LF become `<br>` (GitHub renders it as a break inside the cell).
 */
export function escapeMarkdownCell(text: string): string {
  // Most cells hold neither: skip both replacements (the cards of `--all` print millions of cells).
  if (!/[|\r\n]/.test(text)) return text;
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');
}

/** Code points, not UTF-16 units, so "Ñ" or an emoji does not shift the padding. */
function displayLength(text: string): number {
  // Without a surrogate pair every UTF-16 unit is one code point.
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayLength(text)));
  return right ? fill + text : text + fill;
}

/** Alignment row cell: `---:` for numbers (right), `---` otherwise; at least 3 dashes. */
function alignmentCell(column: Column, width: number): string {
  return isNumericColumn(column) ? `${'-'.repeat(Math.max(3, width - 1))}:` : '-'.repeat(Math.max(3, width));
}

/** The table as a GitHub pipe table ending in '\n'; no columns → ''. */
export function renderMarkdownTable(table: DataTable): string {
  const { columns } = table;
  if (columns.length === 0) return '';
  const header = columns.map((column) => escapeMarkdownCell(columnHeader(column)));
  const body = table.rows.map((row) => columns.map((column) => escapeMarkdownCell(formatCell(row[column.key], column))));
  // A loop, not Math.max(...rows): spreading 100k rows would overflow the argument stack.
  const widths = header.map((cell) => Math.max(3, displayLength(cell)));
  for (const cells of body) {
    cells.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 3, displayLength(cell));
    });
  }
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, i) => pad(cell, widths[i] ?? 0, isNumericColumn(columns[i] as Column))).join(' | ')} |`;
  const alignment = `| ${columns.map((column, i) => alignmentCell(column, widths[i] ?? 3)).join(' | ')} |`;
  return [line(header), alignment, ...body.map(line)].join('\n') + '\n';
}
