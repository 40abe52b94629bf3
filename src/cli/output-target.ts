/**
 * Where `--out` and `--rejects` may write (SPEC §1.7 "Output targets"), and the one way they
 * write:
 * - a path that is the database, its `-wal`/`-shm`/`-journal` files or one of the input files is
 *   refused (exit 2), compared by device and inode (so also through symlinks, hard links and
 *   relative paths) and, for files not there yet, by their real directory and name;
 * - a target that is not a regular file is never replaced: a character device or a FIFO
 *   (`/dev/null`, `/dev/stdout`, a named pipe) is written in place, a directory, block device or
 *   socket is refused;
 * - a regular file is written to a private temporary file beside it (through a symlink, beside
 *   the file it points to) and renamed onto it when complete, so a cut file never appears under
 *   the name; the temporary file is removed on failure and on SIGINT, SIGTERM and SIGHUP;
 * - every byte goes through {@link writeFully}: a full disk is exit 4, never a cut file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../shared/errors.js';
import { outputFailure, writeFully } from './write-fully.js';

/** `.NAME.PID-RANDOM.tmp` next to `target`: hidden, and unique per process and call. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export interface ProtectedFiles {
  /** The --db file (its -wal, -shm and -journal are protected too). */
  db: string;
  /** The files the command reads (`-` for stdin is ignored). */
  inputs: readonly string[];
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The absolute path a name stands for, also when it does not exist yet: symlinks are followed
 * even when they dangle (a link to a database not created yet), then the directory resolved.
 */
function canonical(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) break;
      link = readlinkSync(current);
    } catch {
      break;
    }
    current = resolve(dirname(current), link);
  }
  try {
    return realpathSync(current);
  } catch {
    try {
      return join(realpathSync(dirname(current)), basename(current));
    } catch {
      return current;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa !== null && sb !== null) return sa.dev === sb.dev && sa.ino === sb.ino;
  return canonical(a) === canonical(b);
}

/**
 * Refuses (exit 2) an output path that would overwrite the database or an input. `flag` names
 * the option in the message (`--out`, `--rejects`).
 */
export function checkOutputTarget(flag: string, path: string, files: ProtectedFiles): void {
  const guarded: Array<[string, string]> = [
    [files.db, 'the database'],
    [`${files.db}-wal`, "the database's write-ahead log"],
    [`${files.db}-shm`, "the database's shared-memory file"],
    [`${files.db}-journal`, "the database's journal"],
    ...files.inputs.filter((f) => f !== '-').map((f): [string, string] => [f, `the input file ${f}`]),
  ];
  for (const [file, what] of guarded) {
    if (sameFile(path, file)) {
      throw new UsageError(`${flag} ${path} is ${what}; writing there would destroy it`, `give ${flag} another file name`);
    }
  }
  const stats = statOrNull(path);
  if (stats === null || stats.isFile() || stats.isCharacterDevice() || stats.isFIFO()) return;
  const kind = stats.isDirectory() ? 'a directory' : stats.isBlockDevice() ? 'a block device' : 'not a regular file';
  throw new UsageError(`${flag} ${path} is ${kind}; asn writes only to a file, a character device or a named pipe`, `give ${flag} a file name`);
}

/** Temporary files being written, removed if the process is interrupted or exits early. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePending();
      // Die of the same signal, so the caller sees the usual status (130, 143, 129).
      process.kill(process.pid, signal);
    });
  }
}

/** An output file being written; `commit()` makes it appear whole under its name. */
export interface OutputFile {
  readonly path: string;
  write(data: string | Buffer): void;
  commit(): void;
  abandon(): void;
}

function cannotOpen(path: string, error: unknown): Error {
  const mapped = outputFailure(error, `${path} was not written`);
  if (mapped) return mapped;
  return new InputError(`cannot write ${path}: ${(error as Error).message}`, 'check that the directory exists and is writable');
}

/** Opens `path` for writing as the module comment says (call {@link checkOutputTarget} first). */
export function openOutputFile(path: string): OutputFile {
  const stats = statOrNull(path);
  if (stats !== null && !stats.isFile()) return inPlace(path);
  // Through a symlink (even one that dangles): replace the file it points to, not the link.
  const target = canonical(path);
  const temp = tempPathFor(target);
  // Handlers first: a signal arriving just after the file is created must find it listed.
  installHandlers();
  pending.add(temp);
  let fd: number;
  try {
    // Created private before any byte is written: reports and rejects hold personal data (SPEC §8).
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    pending.delete(temp);
    throw cannotOpen(path, error);
  }
  const where = `${path} was left as it was`;
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    path,
    write(data) {
      writeFully(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, where);
    },
    commit() {
      try {
        fsyncSync(fd);
        close();
        renameSync(temp, target);
        pending.delete(temp);
      } catch (error) {
        this.abandon();
        throw outputFailure(error, where) ?? cannotOpen(path, error);
      }
    },
    abandon() {
      try {
        close();
      } finally {
        rmSync(temp, { force: true });
        pending.delete(temp);
      }
    },
  };
}

/** A character device or FIFO: written where it is, never replaced by a regular file. */
function inPlace(path: string): OutputFile {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw cannotOpen(path, error);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const where = `the output to ${path} is incomplete`;
  return {
    path,
    write(data) {
      writeFully(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, where);
    },
    commit: close,
    abandon: close,
  };
}
