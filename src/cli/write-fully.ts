/**
 * The one short-write check of every stream the CLI writes — stdout, `--out` files, `--rejects`
 * (SPEC §1.7 "Short writes"). A write(2) may take fewer bytes than asked (a disk that fills up
 * mid-write) and Node's own stdout drops the rest silently: `asn rank > file` on a full disk
 * ended with exit 0 and a file cut at 4096 bytes. Here every byte is written or the command
 * fails with exit 4 ("could not write the whole output: disk full"). A reader that went away
 * (`asn rank | head`) is not an error: the command stops quietly with exit 0.
 */
import { writeSync } from 'node:fs';
import { OutputError } from '../shared/errors.js';

/** Why an output could not be written, in the words of SPEC §1.7. */
function failure(error: NodeJS.ErrnoException, where: string): OutputError {
  const code = error.code ?? '';
  const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'disk full'
    : code === 'EIO' ? 'input/output error'
    : code === 'EFBIG' ? 'file too large'
    : code === 'EROFS' ? 'read-only file system'
    : (error.message || code);
  const hint = code === 'ENOSPC' || code === 'EDQUOT'
    ? `free some space and run again; ${where}`
    : `check the disk or device; ${where}`;
  return new OutputError(`could not write the whole output: ${why}`, hint);
}

/** Thrown when the reader of stdout has gone (EPIPE): main exits 0 without a message. */
export class ClosedPipe extends Error {
  constructor() {
    super('the reader of the output has gone');
    this.name = 'ClosedPipe';
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to `fd`: partial writes are continued, a non-blocking pipe that is full
 * (EAGAIN) is waited for, anything else is an OutputError (exit 4) or ClosedPipe.
 * `where` says what was being written ("nothing more was written to stdout").
 */
export function writeFully(fd: number, data: Buffer, where: string): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      const n = writeSync(fd, data, offset, data.length - offset);
      // write(2) returning 0 for a non-empty buffer means no progress is possible.
      if (n === 0) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      offset += n;
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (e.code === 'EPIPE') throw new ClosedPipe();
      throw failure(e, where);
    }
  }
}

/** The same error mapping for a failing fsync/close/rename of an output file. */
export function outputFailure(error: unknown, where: string): OutputError | null {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'EROFS'].includes(code)) return failure(error as NodeJS.ErrnoException, where);
  return null;
}
