/**
 * Reading the fields of one data row: each present column is parsed with its rule; a cell
 * that breaks a rule becomes an issue with its column and value (SPEC §1.6). A column absent
 * from the file yields `undefined` ("leave the stored value alone"); an empty cell yields
 * `null` ("no value", SPEC §1.3).
 */
import type { Parsed } from '../../domain/types.js';
import type { ColumnMapping, Field } from '../../io/headers.js';
import { cleanText } from '../../io/values.js';

export interface RowIssue {
  column: string;
  value: string;
  reason: string;
}

/** A cell's text as the analyst saw it, for messages and the rejects file. */
export function displayValue(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  return String(raw);
}

/** Longest text accepted in one cell: the longest real post names are about 200 characters. */
export const MAX_CELL_CHARS = 1_000;

export class RowFields {
  readonly issues: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];

  constructor(
    private readonly columns: ReadonlyMap<Field, ColumnMapping>,
    private readonly cells: readonly unknown[],
    private readonly secondary: readonly ColumnMapping[] = [],
  ) {}

  /** Columns that also map to `field` but lost to another (SPEC §1.2: cross-checks). */
  secondaryOf(field: Field): Array<{ header: string; text: string }> {
    const out: Array<{ header: string; text: string }> = [];
    for (const column of this.secondary) {
      if (column.field !== field) continue;
      const text = cleanText(this.cells[column.index]);
      if (text !== null) out.push({ header: column.header, text });
    }
    return out;
  }

  has(field: Field): boolean {
    return this.columns.has(field);
  }

  header(field: Field): string {
    return this.columns.get(field)?.header ?? field.toUpperCase();
  }

  raw(field: Field): unknown {
    const column = this.columns.get(field);
    return column === undefined ? undefined : this.cells[column.index];
  }

  /**
   * Cleaned text: undefined when the column is absent (or the cell is refused), null when the
   * cell is empty.
   */
  text(field: Field): string | null | undefined {
    const column = this.columns.get(field);
    return column === undefined ? undefined : this.cellText(field, this.cells[column.index]);
  }

  /** The cleaned text of a present column's cell `raw` (one map look-up per field, not three). */
  private cellText(field: Field, raw: unknown): string | null | undefined {
    const text = cleanText(raw);
    if (text !== null && text.length > MAX_CELL_CHARS) {
      this.issue(field, `longer than ${MAX_CELL_CHARS} characters (${text.length}); no HR field is that long`, `${text.slice(0, 40)}…`);
      return undefined;
    }
    return text;
  }

  /**
   * Parses a present, non-empty cell with `parse`; records an issue (and returns undefined)
   * when it fails, so the row is rejected but every bad cell is still reported.
   */
  parse<T>(field: Field, parse: (raw: unknown, text: string) => Parsed<T>): T | null | undefined {
    const column = this.columns.get(field);
    if (column === undefined) return undefined;
    const raw = this.cells[column.index];
    const text = this.cellText(field, raw);
    if (text === undefined) return undefined;
    if (text === null) return null;
    const result = parse(raw, text);
    if (!result.ok) {
      this.issue(field, result.reason, raw);
      return undefined;
    }
    if (result.warning !== undefined) this.warn(field, result.warning, raw);
    return result.value;
  }

  issue(field: Field, reason: string, raw: unknown = this.raw(field)): void {
    this.issues.push({ column: this.header(field), value: displayValue(raw), reason });
  }

  warn(field: Field, reason: string, raw: unknown = this.raw(field)): void {
    this.warnings.push({ column: this.header(field), value: displayValue(raw), reason });
  }
}

/** Wraps a number parser with a range check, e.g. JPM 0–100 (SPEC §1.4). */
export function inRange(
  parse: (raw: unknown) => Parsed<number>,
  min: number,
  max: number,
  what: string,
): (raw: unknown) => Parsed<number> {
  return (raw) => {
    const result = parse(raw);
    if (!result.ok) return result;
    if (result.value < min || result.value > max) {
      return { ok: false, reason: `${what} must be between ${min} and ${max}, found ${result.value}` };
    }
    return result;
  };
}
