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

/** How many rows the caller needs to decide whether a sheet holds the data. */
export const HEADER_SCAN_ROWS = 20;

export interface XlsxSelection {
  /** Name of the sheet that was read, set once chosen. */
  sheetName: string | null;
  /** Names of every sheet seen, for the error when `--sheet` matches none. */
  seen: string[];
}

/** Turns an exceljs cell value into a plain string, number, boolean, Date or null. */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
  if ('result' in v) return plainCellValue(v.result);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if (typeof v.text === 'string') return v.text;
  if ('error' in v) return null;
  return null;
}

function rowCells(values: unknown): unknown[] {
  const list = Array.isArray(values) ? values : [];
  const cells: unknown[] = [];
  for (let i = 1; i < list.length; i++) cells.push(plainCellValue(list[i]));
  return cells;
}

/**
 * Streams the rows of the chosen sheet. `accept` sees the first rows of each sheet and says
 * whether it is the data sheet (it has a header row); with `sheet` only that sheet is read.
 */
export async function* readXlsxRows(
  source: Source,
  options: { sheet?: string; accept: (firstRows: unknown[][]) => boolean; selection: XlsxSelection },
): AsyncGenerator<RawRow[]> {
  const input = source.buffer ? Readable.from([source.buffer]) : createReadStream(source.path!);
  // Loaded on demand: exceljs takes ~200 ms to load, which CSV imports need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const { selection } = options;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      selection.seen.push(name);
      const wanted = options.sheet === undefined || options.sheet === name;
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
        const raw: RawRow = { line: row.number, cells: rowCells(row.values) };
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
      `its sheets are: ${selection.seen.map((s) => `"${s}"`).join(', ')}`,
    );
  }
}

function decide(rows: RawRow[], accept: (firstRows: unknown[][]) => boolean): boolean {
  return accept(rows.map((r) => r.cells));
}
