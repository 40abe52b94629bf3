/**
 * `--rejects FILE` (SPEC §1.6), written while the import runs so memory stays flat however many
 * rows are rejected: the original cells under their headers (the union of the input files'
 * headers, first seen first), then file, line, column, value and reason. A row with several bad
 * cells has one line per bad cell. Cells are guarded against spreadsheet formula injection.
 * The file appears under its name only when complete (written to a temporary name, then renamed).
 */
import { stringify } from 'csv-stringify/sync';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { guardFormula } from '../../shared/formula-guard.js';
import type { RowIssue } from './row-fields.js';


export class RejectsFile {
  private readonly fd: number;
  private readonly temp: string;
  private readonly headers: string[] = [];
  private readonly position = new Map<string, number>();

  constructor(
    private readonly path: string,
    headerRows: ReadonlyArray<readonly string[]>,
  ) {
    for (const cells of headerRows) {
      for (const h of cells) {
        const name = h.trim();
        if (name !== '' && !this.position.has(name)) {
          this.position.set(name, this.headers.length);
          this.headers.push(name);
        }
      }
    }
    this.temp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.temp, 'w', 0o600);
    this.write([...this.headers, 'file', 'line', 'column', 'value', 'reason']);
  }

  private write(record: string[]): void {
    writeSync(this.fd, stringify([record.map(guardFormula)], { record_delimiter: '\n' }));
  }

  add(file: string, headerCells: readonly string[], line: number, cells: readonly string[], issues: readonly RowIssue[]): void {
    const row = new Array<string>(this.headers.length).fill('');
    headerCells.forEach((h, i) => {
      const at = this.position.get(h.trim());
      if (at !== undefined) row[at] = cells[i] ?? '';
    });
    for (const issue of issues) this.write([...row, file, String(line), issue.column, issue.value, issue.reason]);
  }

  /** Puts the complete file under its name. */
  finish(): void {
    closeSync(this.fd);
    renameSync(this.temp, this.path);
  }

  /** Removes the partial file after a failure. */
  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temp, { force: true });
  }
}
