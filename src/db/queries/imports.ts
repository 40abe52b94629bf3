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
 * temporary table keeps memory flat however large the file. A Bloom filter of fixed size (4 MB)
 * in front of it answers "not met" for nearly every key without a query (a second snapshot asks
 * for every row); it never says "not met" for a key that was added, so the answers are the
 * table's.
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
  const filter = new KeyFilter();
  return {
    reset: () => {
      filter.clear();
      reset.run();
    },
    lineOf: (key) => (filter.mayHave(key) ? find.get(key) as number | undefined : undefined),
    add: (key, line) => {
      filter.add(key);
      add.run(key, line);
    },
  };
}

/** Bits of the filter: 2^25 (4 MB); with 4 probes about 4% false "met" at 4.7 million keys. */
const FILTER_BITS_LOG2 = 25;
const FILTER_MASK = (1 << FILTER_BITS_LOG2) - 1;

/**
 * A Bloom filter of strings: two FNV-1a style hashes, four probes (double hashing). `mayHave` is
 * false only for a key never added; true for a few others too.
 */
export class KeyFilter {
  private readonly bits = new Uint32Array(1 << (FILTER_BITS_LOG2 - 5));
  private empty = true;

  clear(): void {
    if (!this.empty) this.bits.fill(0);
    this.empty = true;
  }

  add(key: string): void {
    this.empty = false;
    this.hash(key);
    for (let k = 0; k < 4; k++) {
      const bit = (this.h1 + Math.imul(k, this.h2)) & FILTER_MASK;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mayHave(key: string): boolean {
    if (this.empty) return false;
    this.hash(key);
    for (let k = 0; k < 4; k++) {
      const bit = (this.h1 + Math.imul(k, this.h2)) & FILTER_MASK;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  // The two hashes of the last key, kept in fields: no array or object a row.
  private h1 = 0;
  private h2 = 0;

  private hash(key: string): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2 | 1;
  }
}
