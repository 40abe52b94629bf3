/**
 * `asn import` and `asn validate` as a use case: open every input, order them personnel →
 * appraisals → promotions (SPEC §1.6), import each in its own transaction, and return the
 * report. Never prints; progress goes through a callback.
 */
import { openDatabase, type Db } from '../../db/open.js';
import { buildAliasMap, type Field, type FileKind, FILE_KINDS, aliasKey, normaliseHeader } from '../../io/headers.js';
import { openTable, type OpenTable } from '../../io/table.js';
import { defaultModel } from '../../model/load.js';
import { AsnError } from '../../shared/errors.js';
import { importTable, refusedReport, type FileReport } from './engine.js';
import { RejectsFile, type RejectsSink } from './rejects-file.js';
import { presentNips } from '../../db/queries/history.js';
import type { RowIssue } from './row-fields.js';

export interface ImportOptions {
  db: string;
  kind?: FileKind;
  sheet?: string;
  map: ReadonlyArray<readonly [string, Field]>;
  strict: boolean;
  dryRun: boolean;
  /** `--rejects FILE`: opens where every rejected row is written as the import runs. */
  openRejects?: () => RejectsSink;
  /** ISO timestamp recorded in the import log. */
  now: string;
  /** `--as-of DATE`: the snapshot date of the personnel files (SPEC §9). */
  asOf?: string;
  /** `--partial`: personnel files are partial updates; nobody leaves. */
  partial?: boolean;
  /** `--full`: confirms a snapshot in which more than 10% of the scope is absent. */
  full?: boolean;
  onProgress?: (progress: { file: string; bytesRead: number; totalBytes: number; rows: number }) => void;
}

export interface ImportReport {
  files: FileReport[];
  dryRun: boolean;
  /** `--rejects` could not be written whole (SPEC §1.7: exit 4); the imports themselves stand. */
  rejectsError?: AsnError;
}

export async function runImport(names: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const aliases = buildAliasMap(options.map);
  const extraHeaders = new Set(options.map.map(([h]) => aliasKey(normaliseHeader(h))));
  const opened: OpenTable[] = [];
  const refused: FileReport[] = [];
  const bytes = new Map<string, number>();
  for (const name of names) {
    try {
      opened.push(
        await openTable(name, {
          aliases,
          extraHeaders,
          ...(options.kind === undefined ? {} : { kind: options.kind }),
          ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
          onBytes: (n) => bytes.set(name, n),
        }),
      );
    } catch (error) {
      if (!(error instanceof AsnError)) throw error;
      refused.push(refusedReport(name, error));
    }
  }
  // SPEC §1.6: the rejects file takes the delimiter of the (first) input; XLSX has none: `,`.
  const delimiter = opened.find((t) => t.delimiter !== null)?.delimiter ?? ',';
  // SPEC §1.6: personnel first, then riwayat, appraisals, promotions (stable within a kind).
  opened.sort((a, b) => FILE_KINDS.indexOf(a.kind) - FILE_KINDS.indexOf(b.kind));
  const files: FileReport[] = [...refused];
  if (opened.length === 0) return { files, dryRun: options.dryRun };

  const db = openDatabase(options.db, options.dryRun ? 'dry-run' : 'write');
  const rejects = options.openRejects === undefined ? null : new RejectsFile(options.openRejects(), opened.map((t) => t.header.headerCells), delimiter);
  try {
    if (options.dryRun) db.exec('BEGIN');
    // SPEC §9 leavers: someone in any personnel file of this command is present (files read together).
    presentNips(db).reset();
    const levels = defaultModel().levels;
    for (const [i, table] of opened.entries()) {
      const name = table.source.name;
      files.push(
        await importTable(db, table, {
          strict: options.strict,
          dryRun: options.dryRun,
          importedAt: options.now,
          levels,
          snapshot: {
            ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
            partial: Boolean(options.partial), full: Boolean(options.full), today: options.now.slice(0, 10),
            morePersonnelFiles: opened.slice(i + 1).some((t) => t.kind === 'personnel'),
          },
          ...(rejects ? { onReject: (line: number, cells: readonly string[], issues: readonly RowIssue[]) => rejects.add(table.source.displayName, table.header.headerCells, line, cells, issues) } : {}),
          onRow: (rows) =>
            options.onProgress?.({ file: table.source.displayName, bytesRead: bytes.get(name) ?? 0, totalBytes: table.source.size, rows }),
        }),
      );
    }
    try {
      rejects?.finish();
    } catch (error) {
      if (!(error instanceof AsnError)) throw error;
      return { files, dryRun: options.dryRun, rejectsError: error };
    }
  } catch (error) {
    rejects?.abandon();
    throw error;
  } finally {
    closeQuietly(db, options.dryRun);
  }
  return { files, dryRun: options.dryRun };
}

function closeQuietly(db: Db, dryRun: boolean): void {
  if (dryRun && db.inTransaction) db.exec('ROLLBACK');
  db.close();
}

/** Exit code of an import (SPEC §7): 3 when a file was refused, 1 when rows were rejected. */
export function importExitCode(report: ImportReport): number {
  if (report.rejectsError !== undefined) return report.rejectsError.exitCode;
  if (report.files.some((f) => f.status === 'refused')) return Math.max(...report.files.map((f) => f.error?.exitCode ?? 0));
  if (report.files.some((f) => f.counts.rejected > 0)) return 1;
  return 0;
}
