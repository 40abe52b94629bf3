/**
 * The one tabular shape every command hands to the writers (SPEC §6 formats, §7 output rules).
 * A command builds a `DataTable` once; csv, json, ndjson, table, markdown, html and xlsx all
 * render the same columns in the same order, so `--format` never changes what the data says.
 */
import { roundHalfAwayFromZero } from '../../domain/numbers.js';

/**
 * One value in a table. Date-only values (tmt, tanggal lahir) are given as 'YYYY-MM-DD'
 * strings with column type 'date'; a `Date` object is accepted and read as UTC.
 */
export type Cell = string | number | boolean | null | Date;

export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'boolean';

export interface Column {
  /** Stable machine name: the CSV header and the JSON key (SPEC §7 "Output is an API"). */
  key: string;
  /** Human label for table/markdown/html/xlsx; defaults to `key`. */
  header?: string;
  type: ColumnType;
  /** Numbers: fixed decimals when printed as text (default 2, SPEC §3 printing rule). */
  decimals?: number;
  /** A share 0–1 (the value stays the fraction): xlsx shows it with a percent number format. */
  percent?: boolean;
}

export interface DataTable {
  name: string;
  title?: string;
  columns: Column[];
  rows: Array<Record<string, Cell>>;
}

/**
 * Columns from a compact list, `key:type` or `key:N` for a number with N decimals, so a command's
 * fixed column list (SPEC §7) reads as one line per column without repeating the object shape:
 * `columnsOf('rank:integer', 'nip:text', 'merit:2')`.
 */
export function columnsOf(...specs: string[]): Column[] {
  return specs.map((spec) => {
    const [key, kind] = spec.split(':') as [string, string | undefined];
    if (kind !== undefined && /^\d+$/.test(kind)) return { key, type: 'number', decimals: Number(kind) };
    if (kind === 'text' || kind === 'integer' || kind === 'date' || kind === 'boolean') return { key, type: kind };
    throw new Error(`column spec "${spec}": expected key:text|integer|date|boolean|<decimals>`);
  });
}

/** Default decimals of a 'number' column: merit values are printed with two (SPEC §3). */
export const DEFAULT_DECIMALS = 2;

/** The header shown to people: `header` when given, else the stable key. */
export function columnHeader(column: Column): string {
  return column.header ?? column.key;
}

/** Number and integer columns are right-aligned and are not formula-guarded. */
export function isNumericColumn(column: Column): boolean {
  return column.type === 'number' || column.type === 'integer';
}

/** Decimals used for a 'number' column; integer columns print without decimals. */
export function columnDecimals(column: Column): number {
  if (column.type === 'integer') return 0;
  const decimals = column.decimals ?? DEFAULT_DECIMALS;
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= 20 ? decimals : DEFAULT_DECIMALS;
}

/** 'YYYY-MM-DD' of a Date read in UTC, so output never depends on the machine's time zone. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * A cell as text, the same everywhere a value is printed (csv, table, markdown, html):
 * numbers with the column's fixed decimals rounded half away from zero (SPEC §3), integers
 * plain, null → '', booleans 'true'/'false', date strings as given.
 * Non-finite numbers (NaN, Infinity) print as '' like a missing value: they are never data.
 */
export function formatCell(value: Cell | undefined, column: Column): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return column.type === 'date' ? isoDate(value) : value.toISOString();
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (column.type === 'number') {
      const decimals = columnDecimals(column);
      return roundHalfAwayFromZero(value, decimals).toFixed(decimals);
    }
    // Integer columns and numbers in text columns print plainly (String keeps every digit
    // a JS number holds; NIPs are always strings and never reach this branch as numbers).
    return String(value);
  }
  return value;
}

/**
 * The value a machine-readable writer (json, xlsx) stores: numbers rounded to the column's
 * decimals as numbers, Date → 'YYYY-MM-DD' in date columns, missing/non-finite → null.
 */
export function normalizeCell(value: Cell | undefined, column: Column): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const text = formatCell(value, column);
    return text === '' ? null : text;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (column.type === 'number') return roundHalfAwayFromZero(value, columnDecimals(column));
    if (column.type === 'text') return String(value);
    return value;
  }
  return value;
}
