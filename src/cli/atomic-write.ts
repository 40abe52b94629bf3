/**
 * Writing an output file so that no half-written file is ever left under its final name: the
 * content goes to a temporary file in the same directory (same file system, so the rename is
 * atomic), which then replaces the target. On failure the temporary file is removed. The file
 * gets mode 0600, as the database does: it holds personal data.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../shared/errors.js';

/** `.NAME.PID-RANDOM.tmp` next to `target`: hidden, and unique per process and call. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Runs `write(tempPath)`, then renames the temporary file onto `target`; exit 3 when it cannot be written. */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void> | void): Promise<void> {
  const temp = tempPathFor(target);
  try {
    // Created private before any byte is written, so the content is never readable by others.
    closeSync(openSync(temp, 'wx', 0o600));
    await write(temp);
    // Reports name employees (NIP, name, scores): private to the user, like the database (SPEC §8).
    chmodSync(temp, 0o600);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot write ${target}: ${reason}`, 'check that the directory exists and is writable');
  }
}

/** Text (UTF-8) written atomically. */
export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, (temp) => writeFileSync(temp, text, 'utf8'));
}
