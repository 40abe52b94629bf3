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
