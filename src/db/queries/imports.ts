/** The import log (SPEC §1.6): one row per imported file. */
import type { Db } from '../open.js';

export interface ImportCounts {
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  duplicates: number;
}

export interface ImportLogRow extends ImportCounts {
  id: number;
  file_name: string;
  sha256: string;
  kind: string;
  imported_at: string;
}

export function startImport(db: Db, entry: { file_name: string; sha256: string; kind: string; imported_at: string }): number {
  const info = db
    .prepare(
      `INSERT INTO imports (file_name, sha256, kind, imported_at, rows_read, inserted, updated, unchanged, rejected, skipped, duplicates)
       VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`,
    )
    .run(entry.file_name, entry.sha256, entry.kind, entry.imported_at);
  return Number(info.lastInsertRowid);
}

export function finishImport(db: Db, id: number, counts: ImportCounts): void {
  db.prepare(
    `UPDATE imports SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?, duplicates = ?
     WHERE id = ?`,
  ).run(counts.rows_read, counts.inserted, counts.updated, counts.unchanged, counts.rejected, counts.skipped, counts.duplicates, id);
}

export function lastImports(db: Db, limit: number): ImportLogRow[] {
  return db.prepare('SELECT * FROM imports ORDER BY id DESC LIMIT ?').all(limit) as ImportLogRow[];
}

/**
 * Keys met in this file whose row was left unchanged (SPEC §1.6 duplicates). Rows that were
 * inserted or updated carry this import's id already, so only unchanged ones need a note; a
 * temporary table keeps memory flat however large the file.
 */
export function unchangedKeys(db: Db): {
  reset(): void;
  lineOf(key: string): number | undefined;
  add(key: string, line: number): void;
} {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS unchanged_keys (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID');
  const find = db.prepare('SELECT line FROM unchanged_keys WHERE key = ?').pluck();
  const add = db.prepare('INSERT OR IGNORE INTO unchanged_keys (key, line) VALUES (?, ?)');
  const reset = db.prepare('DELETE FROM unchanged_keys');
  return {
    reset: () => void reset.run(),
    lineOf: (key) => find.get(key) as number | undefined,
    add: (key, line) => void add.run(key, line),
  };
}
