/**
 * Terminal table for `--format table` (SPEC §7: the default on a TTY). Headers are the human
 * labels; number columns are right-aligned so digits line up.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { terminalSafe as safe, trustedEscapes } from '../terminal.js';
import { type DataTable, columnHeader, formatCell, isNumericColumn } from './table-data.js';

export interface TextTableOptions {
  /** Colour the header. false (`--no-color`, NO_COLOR, not a TTY) → no ANSI escape at all. */
  color: boolean;
}

/**
 * Control characters in data (ESC, BEL, backspace, …) would let a cell drive the terminal or
 * smuggle ANSI codes into `--no-color` output, so they are shown as U+FFFD by the one sanitiser
 * (terminal.ts), also when the table goes to a file. TAB becomes a space (it would break the
 * column grid); CRLF/CR become a newline, which is kept: cli-table3 prints multi-line cells.
 */
function terminalSafe(text: string): string {
  return safe(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '));
}

/**
 * Renders the table with cli-table3, ending in '\n'. cli-table3 colours headers red and
 * borders grey by default; both styles are emptied and the header is coloured here with a
 * chalk instance whose level follows `opts.color` only, so the caller's decision is final.
 */
export function renderTextTable(table: DataTable, opts: TextTableOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const cli = new Table({
    head: table.columns.map((column) => chalk.bold(terminalSafe(columnHeader(column)))),
    colAligns: table.columns.map((column) => (isNumericColumn(column) ? 'right' : 'left')),
    // compact: one rule under the header, none between rows — a ranking stays one line per person.
    style: { head: [], border: [], compact: true },
  });
  for (const row of table.rows) {
    cli.push(table.columns.map((column) => terminalSafe(formatCell(row[column.key], column))));
  }
  // Every cell was sanitised above, so the escapes left are the header colour: kept (terminal.ts).
  return `${trustedEscapes(cli.toString())}\n`;
}
