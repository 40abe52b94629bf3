/**
 * `--rejects FILE` (SPEC §1.6, §1.7), written while the import runs so memory stays flat however
 * many rows are rejected: the original cells under their headers (the union of the input files'
 * headers, first seen first), then file, line, column, value and reason — in the delimiter of the
 * input (a `;` file gives a `;` rejects file, which Indonesian Excel opens in columns), UTF-8
 * with a BOM (so Excel reads the names right), one row per rejected row (several problems of a
 * row joined in `reason`). Cells are guarded against spreadsheet formula injection. Where the
 * bytes go is the caller's: the CLI hands a sink that writes the file whole or not at all.
 */
import { stringify } from 'csv-stringify/sync';
import { guardFormula } from '../../shared/formula-guard.js';
import type { RowIssue } from './row-fields.js';

/** Where the rejects go: every write completes or throws; `commit` makes the file appear. */
export interface RejectsSink {
  write(text: string): void;
  commit(): void;
  abandon(): void;
}

const BOM = '\uFEFF';

export class RejectsFile {
  private readonly headers: string[] = [];
  private readonly position = new Map<string, number>();
  /** The first write that failed: the import goes on, `finish` throws it (SPEC §1.7). */
  private failed: unknown = null;

  constructor(
    private readonly sink: RejectsSink,
    headerRows: ReadonlyArray<readonly string[]>,
    private readonly delimiter: string,
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
    this.put(BOM);
    this.write([...this.headers, 'file', 'line', 'column', 'value', 'reason']);
  }

  private put(text: string): void {
    if (this.failed !== null) return;
    try {
      this.sink.write(text);
    } catch (error) {
      this.failed = error;
    }
  }

  private write(record: string[]): void {
    this.put(stringify([record.map(guardFormula)], { delimiter: this.delimiter, record_delimiter: '\n' }));
  }

  add(file: string, headerCells: readonly string[], line: number, cells: readonly string[], issues: readonly RowIssue[]): void {
    const row = new Array<string>(this.headers.length).fill('');
    headerCells.forEach((h, i) => {
      const at = this.position.get(h.trim());
      if (at !== undefined) row[at] = cells[i] ?? '';
    });
    const one = issues.length === 1;
    const column = issues.map((i) => i.column).join('; ');
    const value = issues.map((i) => i.value).join('; ');
    const reason = one ? issues[0]!.reason : issues.map((i) => `${i.column}: ${i.reason}`).join('; ');
    this.write([...row, file, String(line), column, value, reason]);
  }

  /** Puts the complete file under its name; throws when a write failed (nothing is put there). */
  finish(): void {
    if (this.failed !== null) {
      this.sink.abandon();
      throw this.failed;
    }
    this.sink.commit();
  }

  /** Removes the partial file after a failure. */
  abandon(): void {
    this.sink.abandon();
  }
}
