/**
 * JSON and NDJSON writers (SPEC §7 "JSON output"): an array of objects with the same keys as
 * the CSV columns, in column order; missing → null; numbers are JSON numbers rounded to the
 * column's decimals, so `jq` and scripts compute with them directly.
 */
import { type Cell, type Column, type DataTable, normalizeCell } from './table-data.js';

export type JsonRecord = Record<string, string | number | boolean | null>;

/** One row as a JSON-ready object: every column key present, in column order (SPEC §7). */
export function jsonRecord(columns: readonly Column[], record: Record<string, Cell>): JsonRecord {
  const out: JsonRecord = {};
  for (const column of columns) out[column.key] = normalizeCell(record[column.key], column);
  return out;
}

/** Plain rows without column metadata: values kept as they are, Date → ISO text, undefined → null. */
function looseRecord(record: Record<string, Cell>): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (value instanceof Date) out[key] = Number.isNaN(value.getTime()) ? null : value.toISOString();
    else if (typeof value === 'number' && !Number.isFinite(value)) out[key] = null;
    else out[key] = value ?? null;
  }
  return out;
}

/** A DataTable's rows as JSON-ready objects. */
export function tableRecords(table: DataTable): JsonRecord[] {
  return table.rows.map((row) => jsonRecord(table.columns, row));
}

function isDataTable(value: unknown): value is DataTable {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DataTable>;
  return typeof candidate.name === 'string' && Array.isArray(candidate.columns) && Array.isArray(candidate.rows);
}

/**
 * A table (or bare rows) as a pretty-printed JSON array, 2-space indent, trailing newline.
 * Prefer passing the table: only then are keys complete, ordered and rounded per column.
 */
export function renderJson(input: DataTable | ReadonlyArray<Record<string, Cell>>): string {
  const records = isDataTable(input) ? tableRecords(input) : input.map(looseRecord);
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** NDJSON: one compact object per line, each line '\n'-terminated; no rows → ''. */
export function renderNdjson(table: DataTable): string {
  return table.rows.map((row) => `${JSON.stringify(jsonRecord(table.columns, row))}\n`).join('');
}

/**
 * One JSON object for the report (SPEC §6 `--format json`): a key per table, each an array
 * of records; any other value (report metadata: year, model name and hash, database, made at)
 * is written as given. Keys keep the caller's order, so output is deterministic.
 */
export function renderJsonObject(obj: Readonly<Record<string, unknown>>): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    out[key] = isDataTable(value) ? tableRecords(value) : value;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
