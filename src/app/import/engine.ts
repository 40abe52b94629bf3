/**
 * The import rules of SPEC §1.6 for one file: one transaction; footer rows skipped; each row
 * parsed, checked for a duplicate key, compared with the stored row and upserted; rejects
 * collected with line, column, value and reason; `--strict` refuses the file on one reject.
 */
import type { Db } from '../../db/open.js';
import { finishImport, startImport, unchangedKeys, type ImportCounts } from '../../db/queries/imports.js';
import {
  employeeExistsStatement, tableStatements, type AppraisalRow, type EmployeeRow, type PromotionRow, type Provenance,
  type Value,
} from '../../db/queries/rows.js';
import type { LevelTable } from '../../domain/jabatan-level.js';
import type { FileKind } from '../../io/headers.js';
import type { OpenTable } from '../../io/table.js';
import { cleanNip, cleanText, isNipLike } from '../../io/values.js';
import { AsnError } from '../../shared/errors.js';
import { prepareAppraisalRow } from './appraisals.js';
import { preparePersonnelRow } from './personnel.js';
import { preparePromotionRow } from './promotions.js';
import { riwayatKind } from './riwayat.js';
import { SnapshotWriter, type SnapshotOptions, type SnapshotReport } from './snapshot.js';
import { displayValue, RowFields, type RowIssue } from './row-fields.js';
import type { PreparedRow, RejectedRow, RowWarning } from './row-types.js';

export type { PreparedRow, RejectedRow, RowWarning };

export type FileStatus = 'imported' | 'checked' | 'refused' | 'refused-strict';

export interface FileReport {
  name: string;
  displayName: string;
  kind: FileKind | null;
  sha256: string | null;
  status: FileStatus;
  counts: ImportCounts;
  rejects: RejectedRow[];
  /** Rejects beyond the ones kept in memory for the summary (counted, not listed). */
  rejectsNotKept: number;
  warnings: RowWarning[];
  warningCount: number;
  unknownColumns: string[];
  headerCells: string[];
  /** XLSX: the sheet that was read, and the hidden ones passed over (SPEC §1.7: the summary says). */
  sheet: string | null;
  hiddenSheets: string[];
  importId: number | null;
  error: AsnError | null;
  /** Personnel files: the snapshot this file made or updated (SPEC §9). */
  snapshot: SnapshotReport | null;
}

export interface EngineOptions {
  strict: boolean;
  /** Validation only: the caller rolls the outer transaction back. */
  dryRun: boolean;
  importedAt: string;
  levels: LevelTable;
  /** Personnel files: the snapshot date and how leavers are read (SPEC §9). */
  snapshot: Omit<SnapshotOptions, 'asOf' | 'asOfSource'> & { asOf?: string; today: string };
  onRow?: (rowsRead: number) => void;
  /** Every rejected row, as it happens (the `--rejects` file). */
  onReject?: (line: number, cells: readonly string[], issues: readonly RowIssue[]) => void;
}

/** Rejects and warnings kept in memory for the summary; the rejects file gets every one. */
const KEEP_REJECTS = 1_000;
const KEEP_WARNINGS = 1_000;

export function emptyCounts(): ImportCounts {
  return { rows_read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, duplicates: 0 };
}

type Prepare = (fields: RowFields, nip: string) => PreparedRow<Record<string, Value>> | null;

/** How one kind's rows are prepared and written; personnel through its snapshot (SPEC §9). */
interface KindHandler {
  prepare: Prepare;
  write: (row: Record<string, Value>, importId: number, line: number) => void;
  unchanged?: (row: Record<string, Value>, importId: number, line: number) => void;
  seen?: (nip: string) => void;
  finish?: (rowsPresent: number, importId: number, line: number, keyConflicts: number) => void;
  snapshot?: SnapshotReport;
}

function makeHandler(db: Db, table: OpenTable, importId: number, options: EngineOptions): KindHandler {
  const { kind } = table;
  const levels = options.levels;
  const exists = employeeExistsStatement(db);
  if (kind === 'personnel') {
    const { asOf, asOfSource } = snapshotDate(table, options.snapshot);
    const writer = new SnapshotWriter(db, importId, table.source.displayName, { ...options.snapshot, asOf, asOfSource }, table.header.columns.has('instansi'));
    return {
      prepare: (fields, nip) => preparePersonnelRow(fields, nip, writer.stored, levels),
      write: (row, id, line) => writer.write(row as EmployeeRow, id, line),
      unchanged: (row, id, line) => writer.unchanged(row as EmployeeRow, id, line),
      seen: (nip) => writer.seen(nip),
      finish: (rows, id, line, conflicts) => writer.finish(rows, id, line, conflicts > 0),
      snapshot: writer.report,
    };
  }
  if (kind === 'riwayat-golongan' || kind === 'riwayat-jabatan') {
    const riwayat = riwayatKind(db, kind, levels, options.snapshot.today);
    return { prepare: riwayat.prepare, write: riwayat.write, finish: () => riwayat.finish() };
  }
  if (kind === 'appraisals') {
    const stored = tableStatements<AppraisalRow>(db, 'appraisals');
    return { prepare: (fields, nip) => prepareAppraisalRow(fields, nip, stored, exists), write: stored.upsert as KindHandler['write'] };
  }
  const stored = tableStatements<PromotionRow>(db, 'promotions');
  return { prepare: (fields, nip) => preparePromotionRow(fields, nip, stored, exists, levels), write: stored.upsert as KindHandler['write'] };
}

/**
 * The snapshot date (SPEC §9): `--as-of`, else the date in the title rows, else the day of the
 * import (the summary warns and names --as-of). A date after today is refused.
 */
function snapshotDate(table: OpenTable, options: EngineOptions['snapshot']): { asOf: string; asOfSource: SnapshotOptions['asOfSource'] } {
  if (options.asOf !== undefined) return { asOf: options.asOf, asOfSource: 'option' };
  if (table.titleDate !== null) {
    if (table.titleDate > options.today) {
      throw new AsnError(`${table.source.displayName}: the title says the data is as of ${table.titleDate}, which is in the future`, 2, 'give the real date with --as-of DATE');
    }
    return { asOf: table.titleDate, asOfSource: 'title' };
  }
  return { asOf: options.today, asOfSource: 'import-day' };
}

/**
 * SPEC §1.1: empty rows, and rows with no NIP-like value and fewer than 3 non-empty cells
 * (footers, signatures), are skipped.
 */
function isSkippable(cells: readonly unknown[], nipCell: unknown): boolean {
  if (isNipLike(nipCell)) return false; // the common case: a data row
  let nonEmpty = 0;
  for (const cell of cells) if (cleanText(cell) !== null) nonEmpty++;
  return nonEmpty < 3;
}

function sameRow(a: Record<string, Value>, b: Record<string, Value>): boolean {
  for (const key of Object.keys(b)) if ((a[key] ?? null) !== (b[key] ?? null)) return false;
  return true;
}

export async function importTable(db: Db, table: OpenTable, options: EngineOptions): Promise<FileReport> {
  const report = newReport(table);
  const nested = db.inTransaction;
  const unchanged = unchangedKeys(db);
  db.exec(nested ? 'SAVEPOINT import_file' : 'BEGIN IMMEDIATE');
  try {
    const importId = startImport(db, {
      file_name: table.source.displayName,
      sha256: table.source.sha256,
      kind: table.kind,
      imported_at: options.importedAt,
    });
    unchanged.reset();
    const handler = makeHandler(db, table, importId, options);
    const prepare = handler.prepare;
    const upsert = handler.write;
    report.snapshot = handler.snapshot ?? null;
    let keyConflicts = 0;
    const nipIndex = table.header.columns.get('nip')!.index;
    const counts = report.counts;
    for await (const batch of table.rows) {
      for (const { cells, line, problems, repeatedHeader } of batch) {
        counts.rows_read++;
        // SPEC §1.7: a copy of the header row (sheets pasted together) is skipped, not rejected.
        if (repeatedHeader === true || isSkippable(cells, cells[nipIndex])) {
          counts.skipped++;
          continue;
        }
        // SPEC §1.7: a row the reader could not take as the file holds it (wrong number of
        // fields, a byte that is not UTF-8, a formula without a saved value) is rejected whole.
        if (problems !== undefined) {
          reject(report, options, line, cells, problems);
          continue;
        }
        const fields = new RowFields(table.header.columns, cells, table.header.secondary);
        const nip = cleanNip(cells[nipIndex]);
        if (nip.ok) handler.seen?.(nip.value);
        const prepared = nip.ok ? prepare(fields, nip.value) : null;
        if (!nip.ok) fields.issue('nip', nip.reason);
        for (const w of fields.warnings) addWarning(report, { ...w, line });
        if (prepared === null) {
          reject(report, options, line, cells, fields.issues);
          continue;
        }
        const { existing, row, key } = prepared;
        // SPEC §1.6: the same key earlier in this file. An earlier row that was written carries
        // this import's id; one that changed nothing was noted in `unchanged`.
        const earlierLine = existing === undefined ? undefined
          : existing.import_id === importId ? existing.source_line : unchanged.lineOf(key);
        if (earlierLine !== undefined) {
          // Identical rows count once; a different row is rejected, naming the first line.
          if (sameRow(existing!, row)) counts.duplicates++;
          else {
            // SPEC §1: a riwayat export detected as personnel repeats NIPs with different values.
            keyConflicts++;
            const hint = table.kind === 'personnel' ? '; if this is a riwayat export, import it with --kind riwayat-jabatan (or riwayat-golongan)' : '';
            reject(report, options, line, cells, [{
              column: fields.header('nip'),
              value: displayValue(cells[nipIndex]),
              reason: `same key as line ${earlierLine} with different values; the row of line ${earlierLine} is kept${hint}`,
            }]);
          }
          continue;
        }
        if (existing === undefined) counts.inserted++;
        else if (sameRow(existing, row)) {
          counts.unchanged++;
          unchanged.add(key, line);
          handler.unchanged?.(row, importId, line);
          continue;
        } else counts.updated++;
        upsert(row, importId, line);
      }
      options.onRow?.(counts.rows_read);
    }
    if (options.strict && counts.rejected > 0) {
      rollback(db, nested);
      report.status = 'refused-strict';
      return report;
    }
    // Leavers are entries of the file as a whole: line 0 (no row of the file says so).
    handler.finish?.(counts.rows_read - counts.skipped, importId, 0, keyConflicts);
    finishImport(db, importId, counts);
    report.importId = importId;
    db.exec(nested ? 'RELEASE import_file' : 'COMMIT');
    report.status = options.dryRun ? 'checked' : 'imported';
    return report;
  } catch (error) {
    rollback(db, nested);
    if (error instanceof AsnError) {
      report.status = 'refused';
      report.error = error;
      return report;
    }
    throw error;
  }
}

function rollback(db: Db, nested: boolean): void {
  if (!db.inTransaction) return;
  if (nested) db.exec('ROLLBACK TO import_file; RELEASE import_file');
  else db.exec('ROLLBACK');
}

function newReport(table: OpenTable): FileReport {
  return {
    name: table.source.name,
    displayName: table.source.displayName,
    kind: table.kind,
    sha256: table.source.sha256,
    status: 'imported',
    counts: emptyCounts(),
    rejects: [],
    rejectsNotKept: 0,
    warnings: [],
    warningCount: 0,
    unknownColumns: table.header.unknown,
    headerCells: table.header.headerCells,
    sheet: table.sheetName,
    hiddenSheets: table.hiddenSheets,
    importId: null,
    error: null,
    snapshot: null,
  };
}

function reject(report: FileReport, options: EngineOptions, line: number, cells: readonly unknown[], issues: RowIssue[]): void {
  report.counts.rejected++;
  const shown = cells.map(displayValue);
  options.onReject?.(line, shown, issues);
  if (report.rejects.length >= KEEP_REJECTS) {
    report.rejectsNotKept++;
    return;
  }
  report.rejects.push({ line, cells: shown, issues });
}

function addWarning(report: FileReport, warning: RowWarning): void {
  report.warningCount++;
  if (report.warnings.length < KEEP_WARNINGS) report.warnings.push(warning);
}

/** The report of a file refused before any row was read (unreadable, no header, …). */
export function refusedReport(name: string, error: AsnError): FileReport {
  return {
    name,
    displayName: name === '-' ? '(stdin)' : name,
    kind: null,
    sha256: null,
    status: 'refused',
    counts: emptyCounts(),
    rejects: [],
    rejectsNotKept: 0,
    warnings: [],
    warningCount: 0,
    unknownColumns: [],
    headerCells: [],
    sheet: null,
    hiddenSheets: [],
    importId: null,
    error,
    snapshot: null,
  };
}
