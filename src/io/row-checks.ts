/**
 * Checks every data row makes before it is read as fields (SPEC §1.7 "Nothing silently lost or
 * altered"), in one pass over each batch:
 * - a CSV row with fewer or more fields than the header is rejected, never padded or cut;
 * - a cell holding a byte that is not UTF-8 (in a UTF-8 file) rejects its row, naming the byte;
 * - an XLSX cell of a used column whose value the workbook does not hold (a formula without a
 *   saved value, an error value, the fake 29 February 1900) rejects its row, naming the cell;
 * - a copy of the header row (sheets pasted together) is marked to be skipped, not rejected.
 * The common row costs a length comparison and a few property reads.
 */
import type { CellProblem, RawRow } from './csv-reader.js';
import { fieldOfHeader, findHeader, normaliseHeader, type AliasMap, type HeaderMatch } from './headers.js';
import { escapedByteIn, withoutEscapes } from './utf8.js';

export interface RowCheckContext {
  format: 'csv' | 'xlsx';
  header: HeaderMatch;
  aliases: AliasMap;
  invalidUtf8: boolean;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The name of column `index` as the header shows it ("field 5" beyond the header). */
function columnName(header: HeaderMatch, index: number): string {
  const name = (header.headerCells[index] ?? '').trim();
  return name === '' ? `field ${index + 1}` : name;
}

/** SPEC §1.7 "Record shape": "row has 2 fields, the header has 4". */
function shapeProblem(header: HeaderMatch, cells: readonly unknown[]): CellProblem {
  const expected = header.headerCells.length;
  const shorter = cells.length < expected;
  // Name the first field that is missing, or the first one too many, with its value.
  const at = shorter ? cells.length : expected;
  return {
    column: columnName(header, at),
    value: shorter ? '' : String(cells[at] ?? ''),
    reason: `row has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header has ${expected}` +
      (shorter ? '; a field is missing (a line break or delimiter lost?), so the row is not read'
        : '; there are fields beyond the header (an unquoted delimiter?), so the row is not read'),
  };
}

function byteProblems(header: HeaderMatch, cells: readonly unknown[]): CellProblem[] {
  const problems: CellProblem[] = [];
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const byte = escapedByteIn(cell);
    if (byte === null) return;
    const column = columnName(header, index);
    problems.push({
      column,
      value: withoutEscapes(cell),
      reason: `invalid UTF-8 byte ${hex(byte)} in column ${column}; the file is UTF-8 elsewhere, so this byte was typed or pasted in another encoding: correct the cell and save as UTF-8`,
    });
  });
  return problems;
}

/** True when `cells` is the header row again: its NIP cell is a NIP header and two cells match. */
function isHeaderCopy(ctx: RowCheckContext, cells: readonly unknown[], nipIndex: number): boolean {
  const nip = cells[nipIndex];
  if (typeof nip !== 'string' || nip.length === 0 || nip.length > 40) return false;
  const first = nip.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false; // a digit: a data row
  if (fieldOfHeader(ctx.aliases, normaliseHeader(nip)) !== 'nip') return false;
  return findHeader([cells], ctx.aliases, { maxRows: 1 }) !== null;
}

/** Marks the rows of one batch (in place) and returns it. */
export function checkRows(ctx: RowCheckContext, batch: RawRow[]): RawRow[] {
  const nipIndex = ctx.header.columns.get('nip')!.index;
  const width = ctx.header.headerCells.length;
  for (const row of batch) {
    const { cells } = row;
    if (isHeaderCopy(ctx, cells, nipIndex)) {
      row.repeatedHeader = true;
      continue;
    }
    if (ctx.format === 'csv') {
      const problems: CellProblem[] = [];
      if (cells.length !== width) problems.push(shapeProblem(ctx.header, cells));
      if (ctx.invalidUtf8) problems.push(...byteProblems(ctx.header, cells));
      if (problems.length > 0) row.problems = problems;
    } else if (row.unreadable !== undefined) {
      const used = new Set([...ctx.header.columns.values(), ...ctx.header.secondary].map((c) => c.index));
      const problems = row.unreadable
        .filter((u) => used.has(u.index))
        .map((u) => ({ column: columnName(ctx.header, u.index), value: u.value, reason: u.reason }));
      if (problems.length > 0) row.problems = problems;
    }
  }
  return batch;
}
