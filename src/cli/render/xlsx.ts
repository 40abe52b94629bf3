/**
 * XLSX writer for `--format xlsx` (SPEC §6): one sheet per table, NIP as text, dates as dates,
 * header row bold and frozen. Uses exceljs' streaming writer so rows go to disk as they are
 * committed instead of building the whole workbook in memory.
 */
import type ExcelJS from 'exceljs';
import { type Cell, type Column, type DataTable, columnDecimals, columnHeader, formatCell } from './table-data.js';

/** Excel's limits: sheet names of at most 31 characters, cells of at most 32,767 characters. */
const MAX_SHEET_NAME = 31;
const MAX_CELL_TEXT = 32_767;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Shares as percentages with one decimal, as md and html print them ("62.5 %"). */
const PERCENT_FORMAT = '0.0%';

type XlsxValue = string | number | boolean | Date | null;

/**
 * A valid, unique sheet name: characters Excel forbids ([ ] : * ? / \) become '_', leading and
 * trailing apostrophes are dropped, at most 31 characters; a clash (Excel compares names
 * case-insensitively) gets " (2)", " (3)", … within the 31 characters.
 */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  const base = [...(cleaned === '' ? 'Sheet' : cleaned)].slice(0, MAX_SHEET_NAME).join('');
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    candidate = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
  }
  return candidate;
}

/** 'YYYY-MM-DD' → Date at UTC midnight (exceljs converts Dates to serials in UTC); else null. */
function utcDate(text: string): Date | null {
  const m = DATE_ONLY.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Reject 2024-02-30 and friends instead of letting Date roll them into March.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/**
 * The value stored in a cell. Text columns always get strings — a NIP of 18 digits stays an
 * 18-digit string (SPEC §6 "NIP as text"). A string is never turned into a formula: exceljs
 * writes formulas only from `{ formula }` objects, so '=cmd' is stored as plain text.
 */
function xlsxValue(value: Cell | undefined, column: Column): XlsxValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'date': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
      const date = typeof value === 'string' ? utcDate(value) : null;
      return date ?? textValue(formatCell(value, column));
    }
    case 'number':
    case 'integer':
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return null;
        // Same rounding as csv/json, so every format carries the same figures.
        return column.type === 'number' ? Number(formatCell(value, column)) : value;
      }
      return textValue(formatCell(value, column));
    case 'boolean':
      return typeof value === 'boolean' ? value : textValue(formatCell(value, column));
    case 'text':
      return textValue(formatCell(value, column));
  }
}

function textValue(text: string): string | null {
  return text === '' ? null : text.slice(0, MAX_CELL_TEXT);
}

/**
 * Number format per column: '@' text, '0.00' for two decimals, '0' integers, 'yyyy-mm-dd', and
 * '0.0%' for shares, so Excel shows 0.1897 as 19.0% while the cell keeps the fraction.
 */
function numFmt(column: Column): string | undefined {
  switch (column.type) {
    case 'text':
      return '@';
    case 'number': {
      if (column.percent === true) return PERCENT_FORMAT;
      const decimals = columnDecimals(column);
      return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
    }
    case 'integer':
      return '0';
    case 'date':
      return 'yyyy-mm-dd';
    case 'boolean':
      return undefined;
  }
}

/** Width of the longest line of header and cells, plus padding, clamped to [6, 60]. */
function columnWidths(table: DataTable): number[] {
  const longestLine = (text: string): number => Math.max(...text.split(/\r\n|\r|\n/).map((line) => [...line].length));
  const widths = table.columns.map((column) => longestLine(columnHeader(column)));
  for (const row of table.rows) {
    table.columns.forEach((column, i) => {
      const text = formatCell(row[column.key], column);
      // A line is never longer than the whole text: skip the split for cells that cannot win.
      if (text.length > (widths[i] ?? 0)) widths[i] = Math.max(widths[i] ?? 0, longestLine(text));
    });
  }
  return widths.map((width) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2)));
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: DataTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = columnWidths(table);
  sheet.columns = table.columns.map((column, i) => {
    const fmt = numFmt(column);
    return { key: column.key, width: widths[i] ?? MIN_WIDTH, ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  const header = sheet.addRow(table.columns.map((column) => columnHeader(column)));
  header.font = { bold: true };
  header.commit();
  for (const record of table.rows) {
    sheet.addRow(table.columns.map((column) => xlsxValue(record[column.key], column))).commit();
  }
  sheet.commit();
}

/** Writes one sheet per table to `stream` (a file path is written directly). Resolves when all is written. */
export async function writeXlsx(tables: DataTable[], file: string | NodeJS.WritableStream): Promise<void> {
  // Loaded on demand: exceljs takes ~200 ms to load, which other formats need not pay.
  const { default: Excel } = await import('exceljs');
  const target = typeof file === 'string' ? { filename: file } : { stream: file as unknown as import('node:stream').Stream };
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ ...target, useSharedStrings: true, useStyles: true });
  const taken = new Set<string>();
  for (const table of tables) {
    const name = sheetName(table.name, taken);
    taken.add(name.toLowerCase());
    writeSheet(workbook, table, name);
  }
  // Excel refuses a workbook without sheets: an empty report still opens, as one empty sheet.
  if (tables.length === 0) workbook.addWorksheet('Sheet1').commit();
  await workbook.commit();
}
