/**
 * What every command needs from the terminal: where data and messages go, whether colour is
 * wanted, and the global options of SPEC §7 (--db, --format, --quiet, --no-color, --verbose).
 */
import type { Command } from 'commander';
import { isatty } from 'node:tty';
import { UsageError } from '../shared/errors.js';
import { forTerminal } from './terminal.js';
import { writeFully } from './write-fully.js';

export interface Io {
  /** Data: stdout. */
  out(text: string): void;
  /** Messages, warnings, progress: stderr. */
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

export interface GlobalOptions {
  db: string;
  format: string | undefined;
  quiet: boolean;
  color: boolean;
  verbose: boolean;
}

// isatty, not process.stdout.isTTY: creating process.stdout would switch a piped fd 1 to
// non-blocking mode, and it is not used — every byte goes through writeFully (SPEC §1.7).
const stdoutIsTTY = isatty(1);

/**
 * The process's streams. stdout: every byte written or exit 4 (write-fully.ts), sanitised for a
 * terminal (terminal.ts). stderr: messages only, so always sanitised; a stderr that cannot be
 * written is given up quietly (there is nowhere left to say so).
 */
export const processIo: Io = {
  out: (text) => writeFully(1, Buffer.from(forTerminal(text, stdoutIsTTY), 'utf8'), 'the output on stdout is incomplete'),
  err: (text) => {
    try {
      writeFully(2, Buffer.from(forTerminal(text, true), 'utf8'), 'stderr');
    } catch {
      // stderr gone or full: nothing more can be said.
    }
  },
  stdoutIsTTY,
  stderrIsTTY: isatty(2),
};

/** NO_COLOR (https://no-color.org) set to anything non-empty turns colour off, as does --no-color. */
export function colorWanted(flag: boolean, stream: 'stdout' | 'stderr', io: Io): boolean {
  if (!flag) return false;
  if ((process.env.NO_COLOR ?? '') !== '') return false;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}

export function globalOptions(command: Command): GlobalOptions {
  const o = command.optsWithGlobals() as Record<string, unknown>;
  return {
    db: (o.db as string | undefined) ?? process.env.ASN_DB ?? './asn.db',
    format: o.format as string | undefined,
    quiet: Boolean(o.quiet),
    color: o.color !== false,
    verbose: Boolean(o.verbose),
  };
}

/**
 * SPEC §7: `--format` defaults to `table` on a TTY and `csv` when stdout is piped.
 * `allowed` lists what this command can write.
 */
export function resolveFormat(requested: string | undefined, allowed: readonly string[], io: Io, fallback?: string): string {
  const format = requested ?? fallback ?? (io.stdoutIsTTY ? 'table' : 'csv');
  if (!allowed.includes(format)) {
    throw new UsageError(`--format ${format} is not available here`, `use one of: ${allowed.join(', ')}`);
  }
  return format;
}

/** Parses a whole-number option value, refusing anything else (exit 2). */
export function intOption(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    }
    return n;
  };
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
