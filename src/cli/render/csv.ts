/**
 * CSV writer (SPEC §7 "CSV output"): header row of column keys, '.' decimal point, fixed column
 * order, '\n' line endings, NIP as text, and the spreadsheet formula-injection guard.
 */
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../../shared/formula-guard.js';
import { type Cell, type Column, type DataTable, formatCell, isNumericColumn } from './table-data.js';

/**
 * The formula guard is applied to text cells only: in a number or integer column a JS number such
 * as -3.5 prints as '-3.50', which is data a script must be able to read back as a number, not a
 * formula. A text cell '-foo', '=1+1' or a phone number '+62 812…' is guarded. A string that
 * somehow sits in a number column is not a number, so it is guarded too.
 */
export { guardFormula };

/** One cell as CSV text: formatted like every other writer, then guarded unless it is a number. */
export function csvCell(value: Cell | undefined, column: Column): string {
  const text = formatCell(value, column);
  const isNumber = isNumericColumn(column) && typeof value === 'number';
  return isNumber ? text : guardFormula(text);
}

/**
 * Lines joined by '\n' with a final '\n'; fields quoted only when needed (`,` `"` CR LF).
 * In a one-column table an empty value would make a blank line, which most CSV readers skip,
 * so there empty fields are written as "" and the row survives the round trip.
 */
function stringifyLines(records: string[][], columnCount: number): string {
  return stringify(records, {
    record_delimiter: 'unix',
    // Quote a field holding a lone CR too, so it is not read back as a record break.
    quote_record_delimiter: true,
    quoted_empty: columnCount === 1,
  });
}

/** The header line: column keys, which are the stable API names (not the translated headers). */
function headerRecord(columns: readonly Column[]): string[] {
  return columns.map((column) => guardFormula(column.key));
}

function rowRecord(columns: readonly Column[], record: Record<string, Cell>): string[] {
  return columns.map((column) => csvCell(record[column.key], column));
}

/** The whole table as CSV text ending in '\n'. */
export function renderCsv(table: DataTable): string {
  const records = [headerRecord(table.columns), ...table.rows.map((row) => rowRecord(table.columns, row))];
  return stringifyLines(records, table.columns.length);
}

export interface CsvStream {
  /** The header line, '\n'-terminated. */
  header(): string;
  /** One data line, '\n'-terminated, with the same formatting and guard as `renderCsv`. */
  row(record: Record<string, Cell>): string;
  /** Several data lines at once (cheaper per row than `row`). */
  rows(records: ReadonlyArray<Record<string, Cell>>): string;
}

/**
 * Line-by-line CSV for outputs too large to hold as one string (STYLE "Stream, don't slurp"):
 * `header()` then `row()` per record gives byte-for-byte the output of `renderCsv`.
 */
export function createCsvStream(columns: readonly Column[]): CsvStream {
  const fixed = [...columns];
  return {
    header: () => stringifyLines([headerRecord(fixed)], fixed.length),
    row: (record) => stringifyLines([rowRecord(fixed, record)], fixed.length),
    rows: (records) => (records.length === 0 ? '' : stringifyLines(records.map((r) => rowRecord(fixed, r)), fixed.length)),
  };
}
