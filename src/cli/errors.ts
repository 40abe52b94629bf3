/**
 * Turning a thrown error into a message and an exit code (SPEC §7). Expected errors print
 * their message and hint; SQLite's own errors are translated into what to do; anything else
 * is a bug: exit 70, with the stack only under --verbose.
 */
import { CommanderError } from 'commander';
import { ModelError } from '../model/load.js';
import { AsnError, DatabaseError, EXIT, UsageError } from '../shared/errors.js';
import type { Io } from './context.js';
import { ClosedPipe } from './write-fully.js';

/** Where users report bugs (README, "Reporting bugs"). */
export const REPORT_BUGS_AT = 'the asn issue tracker (see README, "Reporting bugs")';

function fromSqlite(error: Error & { code?: string }): AsnError | null {
  const code = error.code ?? '';
  if (!code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseError('database is busy, try again', 'another asn process is writing to it; wait for it to finish');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DatabaseError(`the database file is damaged (${error.message})`, 'restore it from a backup, or import again into a new --db file');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DatabaseError(`the database cannot be written (${error.message})`, 'check the file and directory permissions');
  }
  if (code.startsWith('SQLITE_FULL')) return new DatabaseError('the disk is full', 'free some space and run again');
  return new DatabaseError(`database error: ${error.message}`, 'check the --db file');
}

export function toExpected(error: unknown): AsnError | null {
  if (error instanceof AsnError) return error;
  if (error instanceof ModelError) return new UsageError(error.message, 'fix the model file; see README "The merit model"');
  if (error instanceof Error) return fromSqlite(error);
  return null;
}

/** Prints the error and returns the exit code. */
export function reportError(error: unknown, io: Io, verbose: boolean): number {
  // `asn rank | head`: the reader has gone; stop quietly as other Unix tools do (SPEC §1.7).
  if (error instanceof ClosedPipe) return EXIT.ok;
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are not errors.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  const expected = toExpected(error);
  if (expected) {
    io.err(`asn: error: ${expected.message}\n`);
    if (expected.hint) io.err(`  hint: ${expected.hint}\n`);
    if (verbose && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return expected.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`asn: internal error: ${message}\n`);
  io.err(`  this is a bug in asn; please report it at ${REPORT_BUGS_AT} with the command you ran\n`);
  if (verbose && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('  run again with --verbose to see where it happened\n');
  return EXIT.internal;
}
