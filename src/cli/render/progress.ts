/** A one-line progress bar on stderr, for TTYs only (SPEC §7). */
import type { Io } from '../context.js';
import { CONTROL } from '../terminal.js';

/** Files below this size finish too fast for a bar to help (a few thousand rows). */
const MIN_BYTES = 512 * 1024;
const WIDTH = 30;

export function progressPrinter(io: Io): {
  update: (p: { file: string; bytesRead: number; totalBytes: number; rows: number }) => void;
  done: () => void;
} {
  let shown = false;
  let last = 0;
  return {
    update(p) {
      if (p.totalBytes < MIN_BYTES) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = Math.min(1, p.bytesRead / p.totalBytes);
      const filled = Math.round(share * WIDTH);
      const bar = '#'.repeat(filled) + '.'.repeat(WIDTH - filled);
      io.err(`${CONTROL.carriageReturn}[${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${p.file}: ${p.rows.toLocaleString('en-US')} rows`);
      shown = true;
    },
    done() {
      if (shown) io.err(`${CONTROL.carriageReturn}${CONTROL.clearLine}`);
    },
  };
}

/**
 * A bar counting items done of a total (the cards of `report --type employee --all`, SPEC §12),
 * on stderr, at most ten updates a second. The caller shows it only on a TTY.
 */
export function countProgress(io: Io, what: string): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${what}`);
      shown = true;
    },
    done() {
      if (shown) io.err('\r\x1b[2K');
    },
  };
}
