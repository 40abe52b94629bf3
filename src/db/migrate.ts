/**
 * Numbered migrations under PRAGMA user_version (SPEC §8), in the manner of Signal-Desktop's
 * ts/sql: all pending steps run in one transaction; a newer schema than this build knows is
 * refused rather than guessed at.
 */
import type Database from 'better-sqlite3';
import { DatabaseError } from '../shared/errors.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-employees-instansi-index.js';
import * as m0003 from './migrations/0003-history.js';
// calibration (SPEC §10): who appraised; numbered 4 to follow the parallel 0003.
import * as m0004 from './migrations/0004-appraisers.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a schema newer than this build (exit 4). */
export function assertSchemaNotNewer(db: Database.Database, file: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new DatabaseError(
      `${file} has schema version ${current}, newer than this asn understands (${SCHEMA_VERSION})`,
      'upgrade asn, or use a database made by this version',
    );
  }
}

/**
 * Brings the schema up to date in one transaction. It takes the write lock first (IMMEDIATE)
 * and reads the version inside it, so that a second process that waited for the lock finds
 * the schema already made instead of creating the tables twice. `stamp` runs in the same
 * transaction (the application id).
 */
export function migrate(db: Database.Database, file: string, stamp: () => void = () => {}): void {
  // SQLite's documented way to rebuild a table (0003 rebuilds imports): foreign keys off
  // outside the transaction, checked with foreign_key_check before it commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    migrateSteps(db, file, stamp);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

function migrateSteps(db: Database.Database, file: string, stamp: () => void): void {
  db.transaction(() => {
    assertSchemaNotNewer(db, file);
    const current = schemaVersion(db);
    const pending = MIGRATIONS.filter((m) => m.version > current);
    if (pending.length === 0) return;
    stamp();
    for (const step of pending) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new DatabaseError(`${file}: the migration left ${broken.length} broken references`, 'restore the file from a backup and report this');
  }).immediate();
}
