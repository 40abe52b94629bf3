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
 * Duplicate keys within one file (SPEC §1.6) are tracked in a temporary table, so memory
 * does not grow with the file.
 */
export function seenKeys(db: Db): {
  reset(): void;
  find(key: string): { line: number; hash: string } | undefined;
  add(key: string, line: number, hash: string): void;
} {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS seen_keys (key TEXT PRIMARY KEY, line INTEGER NOT NULL, hash TEXT NOT NULL)');
  const find = db.prepare('SELECT line, hash FROM seen_keys WHERE key = ?');
  const add = db.prepare('INSERT INTO seen_keys (key, line, hash) VALUES (?, ?, ?)');
  const reset = db.prepare('DELETE FROM seen_keys');
  return {
    reset: () => void reset.run(),
    find: (key) => find.get(key) as { line: number; hash: string } | undefined,
    add: (key, line, hash) => void add.run(key, line, hash),
  };
}
