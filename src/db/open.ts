/**
 * Opening the one SQLite file (SPEC §8): WAL, a busy timeout so a second `asn` waits instead
 * of failing, mode 0600 on creation, and a refusal to touch files asn did not make.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseError, InputError } from '../shared/errors.js';
import { migrate, assertSchemaNotNewer, schemaVersion, SCHEMA_VERSION } from './migrate.js';

export type Db = Database.Database;

/** "ASN1": marks a file as ours, so a foreign SQLite file is never altered. */
export const APPLICATION_ID = 0x41534e31;
/**
 * How long a second process waits for the write lock before giving up (exit 4): 10 s, or
 * ASN_BUSY_TIMEOUT_MS (for scripts that would rather fail fast, and for tests).
 */
export function busyTimeoutMs(): number {
  const raw = process.env.ASN_BUSY_TIMEOUT_MS;
  const fromEnv = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : 10_000;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export type OpenMode =
  /** import: create when missing, migrate. */
  | 'write'
  /** rank, audit, report, status: the file must exist. */
  | 'read'
  /** validate / --dry-run: an existing file is opened for a transaction that is rolled back; a missing one is replaced by an in-memory database. */
  | 'dry-run';

export function openDatabase(file: string, mode: OpenMode): Db {
  const exists = existsSync(file);
  if (!exists) {
    if (mode === 'read') {
      throw new InputError(`no database at ${file}`, 'import data first: asn import personnel.csv appraisals.csv');
    }
    if (mode === 'dry-run') return prepare(new Database(':memory:'), ':memory:', true);
    if (!existsSync(dirname(file) || '.')) {
      throw new DatabaseError(`cannot create ${file}: the directory ${dirname(file)} does not exist`, 'create the directory first or choose another --db path');
    }
    createEmptyFile(file);
  } else {
    assertLooksLikeSqlite(file);
  }
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new DatabaseError(`cannot open ${file}: ${(error as Error).message}`, 'check the path and its permissions');
  }
  return prepare(db, file, mode !== 'dry-run');
}

function createEmptyFile(file: string): void {
  try {
    // 'wx' fails if another process created it in between; the mode keeps personal data private.
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      throw new DatabaseError(`cannot create ${file}: ${(error as Error).message}`, 'check the directory exists and is writable');
    }
  }
}

function assertLooksLikeSqlite(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new DatabaseError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (size === 0) return; // an empty file holds nothing to lose; SQLite treats it as new
  const header = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new DatabaseError(`cannot read ${file}: ${(error as Error).message}`, 'check the file permissions');
  }
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new DatabaseError(
      `${file} is not an SQLite database (or it is damaged); asn will not overwrite it`,
      'choose another --db path, or restore the file from a backup',
    );
  }
}

function prepare(db: Db, file: string, writable: boolean): Db {
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && tableCount > 0) {
      throw new DatabaseError(
        `${file} is an SQLite database that was not made by asn; asn will not change it`,
        'choose another --db path',
      );
    }
    assertSchemaNotNewer(db, file);
    if (!writable) {
      // Dry run: a file without our schema yet is checked against an empty in-memory copy,
      // so that validating never writes to it.
      if (tableCount === 0 || schemaVersion(db) < SCHEMA_VERSION) {
        db.close();
        return prepare(new Database(':memory:'), ':memory:', true);
      }
      return db;
    }
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') switchToWal(db);
    if (tableCount === 0 || schemaVersion(db) < SCHEMA_VERSION) {
      // Two imports may start on a new file at once: the migration takes the write lock and
      // re-reads the version inside it, so the second one finds the schema made (issue 7).
      migrate(db, file, () => db.pragma(`application_id = ${APPLICATION_ID}`));
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * SQLite answers SQLITE_BUSY at once, without calling the busy handler, when another
 * connection holds a lock while this one changes the journal mode: two `asn import` started
 * together on a new file. So the switch is retried for as long as the busy timeout allows.
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + busyTimeoutMs();
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw error;
      sleepSync(20);
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
