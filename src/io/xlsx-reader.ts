/**
 * XLSX reading with exceljs's streaming reader (SPEC §1.1): the first sheet that has a header
 * row, or `--sheet NAME`. Date cells come out as dates; numeric cells stay numbers, so a NIP
 * stored as a number is caught by the NIP rule instead of being silently rounded.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { InputError } from '../shared/errors.js';
import { BATCH_ROWS, type RawRow } from './csv-reader.js';
import type { Source } from './source.js';
import type { WorkbookIndex } from './xlsx-workbook.js';
import { excelSerialToIso } from '../domain/dates.js';

/** How many rows the caller needs to decide whether a sheet holds the data. */
export const HEADER_SCAN_ROWS = 20;

export interface XlsxSelection {
  /** Name of the sheet that was read, set once chosen. */
  sheetName: string | null;
  /** Names of every sheet, in tab order, for the error when `--sheet` matches none. */
  seen: string[];
  /** Hidden sheets passed over (SPEC §1.7: skipped unless named with --sheet). */
  hiddenSkipped: string[];
}

/** A cell whose value the workbook does not hold as the sheet shows it (SPEC §1.7). */
class Unreadable {
  constructor(readonly value: string, readonly reason: string) {}
}

const MS_PER_DAY = 86_400_000;
/** exceljs turns serial s into 1970-01-01 + (s − 25569) days: right from serial 61 on only. */
const FIRST_TRUE_DAY = Date.UTC(1900, 2, 1);

/**
 * SPEC §1.7: Excel's 1900 leap-year bug. exceljs counts days naively, so its dates before
 * 1 March 1900 are one day early, and serial 60 (the 29 February 1900 Excel invented) comes out
 * as 28 February. Serial 60 is refused; serials below are moved one day on.
 */
function honourLeapYearBug(date: Date, date1904: boolean): Date | Unreadable {
  if (date1904 || date.getTime() >= FIRST_TRUE_DAY) return date;
  const serial = Math.floor(date.getTime() / MS_PER_DAY + 25_569 + 1e-9);
  const iso = excelSerialToIso(serial);
  if (iso === null) {
    const why = serial === 60
      ? 'date serial 60 is 29 February 1900, a day that never existed (Excel\'s 1900 leap-year bug)'
      : `date serial ${serial} is before 1 January 1900`;
    return new Unreadable(String(serial), `${why}; enter the real date`);
  }
  return new Date(`${iso}T00:00:00Z`);
}

/** Column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetters(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

/**
 * Turns an exceljs cell value into a plain string, number, boolean or Date, null when empty, or
 * an Unreadable (SPEC §1.7): a formula without a saved result, an error value.
 */
export function plainCellValue(value: unknown, address = '', date1904 = false): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return honourLeapYearBug(value, date1904);
  if (typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = `=${String(v.formula ?? v.sharedFormula ?? '')}`;
    const result = v.result;
    if (result === undefined || result === null) {
      return new Unreadable(formula, `cell ${address}: formula without a saved value: open and save the file in Excel (the program that wrote it did not compute its formulas)`);
    }
    if ((typeof result === 'number' && Number.isNaN(result)) || (typeof result === 'object' && 'error' in result)) {
      return new Unreadable(formula, `cell ${address}: the formula's saved result is an error; correct the formula, or enter the value`);
    }
    return plainCellValue(result, address, date1904);
  }
  if (typeof v.text === 'string') return v.text;
  if ('error' in v) return new Unreadable(String(v.error), `cell ${address} shows the error ${String(v.error)}; correct the cell`);
  return null;
}

function toRawRow(rowNumber: number, values: unknown, date1904: boolean): RawRow {
  const list = Array.isArray(values) ? values : [];
  const cells: unknown[] = [];
  let unreadable: RawRow['unreadable'];
  for (let i = 1; i < list.length; i++) {
    const raw = list[i];
    const value = raw === null || raw === undefined || (typeof raw !== 'object') ? (raw ?? null)
      : plainCellValue(raw, `${columnLetters(i)}${rowNumber}`, date1904);
    if (value instanceof Unreadable) {
      (unreadable ??= []).push({ index: i - 1, value: value.value, reason: value.reason });
      cells.push(null);
    } else cells.push(value);
  }
  return unreadable === undefined ? { line: rowNumber, cells } : { line: rowNumber, cells, unreadable };
}

/**
 * Streams the rows of the chosen sheet. `accept` sees the first rows of each sheet and says
 * whether it is the data sheet (it has a header row); with `sheet` only that sheet is read.
 */
export async function* readXlsxRows(
  source: Source,
  options: { sheet?: string; accept: (firstRows: unknown[][]) => boolean; selection: XlsxSelection; book: WorkbookIndex },
): AsyncGenerator<RawRow[]> {
  const input = source.buffer ? Readable.from([source.buffer]) : createReadStream(source.path!);
  // Loaded on demand: exceljs takes ~200 ms to load, which CSV imports need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'emit', // tells which part each worksheet comes from
  });
  const { selection, book } = options;
  // The part of the worksheet about to be emitted: exceljs announces it just before.
  let part: string | null = null;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') part = `xl/worksheets/sheet${entry.id ?? ''}.xml`;
  });
  selection.seen.push(...book.sheets.map((s) => s.name));
  const read = new Set<string>();
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name: string; state?: string };
      const entry = book.sheets.find((s) => s.part === part);
      // SPEC §1.7: the name in workbook.xml, whatever wrote the file.
      const name = entry?.name ?? ws.name;
      const hidden = entry?.hidden ?? (ws.state === 'hidden' || ws.state === 'veryHidden');
      if (entry === undefined) selection.seen.push(name);
      read.add(name);
      const wanted = options.sheet === undefined ? !hidden : options.sheet === name;
      if (hidden && options.sheet === undefined) selection.hiddenSkipped.push(name);
      if (selection.sheetName !== null || !wanted) {
        for await (const _row of worksheet) {
          // drain: the zip stream must be read through to reach the next sheet
        }
        continue;
      }
      const buffered: RawRow[] = [];
      let batch: RawRow[] = [];
      let decided: boolean | null = null;
      for await (const row of worksheet) {
        const raw = toRawRow(row.number, row.values, book.date1904);
        if (decided === false) continue;
        if (decided === true) {
          batch.push(raw);
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
          continue;
        }
        buffered.push(raw);
        if (buffered.length >= HEADER_SCAN_ROWS) {
          decided = decide(buffered, options.accept);
          if (decided) {
            selection.sheetName = name;
            yield buffered;
          }
        }
      }
      if (decided === null && decide(buffered, options.accept)) {
        selection.sheetName = name;
        yield buffered;
      }
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${source.displayName} is not a readable XLSX workbook: ${(error as Error).message}`,
      'open it in a spreadsheet and save it again as .xlsx, or export CSV',
    );
  }
  if (options.sheet !== undefined && !selection.seen.includes(options.sheet)) {
    throw new InputError(
      `${source.displayName} has no sheet named "${options.sheet}"`,
      `its sheets are: ${selection.seen.map((s) => `"${s}"${selection.hiddenSkipped.includes(s) || book.sheets.find((b) => b.name === s)?.hidden ? ' (hidden)' : ''}`).join(', ')}`,
    );
  }
  if (options.sheet !== undefined && !read.has(options.sheet)) {
    // Listed in workbook.xml, but its part is not one the streaming reader can read.
    throw new InputError(
      `${source.displayName}: sheet "${options.sheet}" is listed in the workbook but its data could not be read`,
      'open the file in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV',
    );
  }
}

function decide(rows: RawRow[], accept: (firstRows: unknown[][]) => boolean): boolean {
  return accept(rows.map((r) => r.cells));
}
