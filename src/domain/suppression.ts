/**
 * Small-cell suppression of the public report (SPEC §12 "Openness and fairness"). Pure.
 *
 * - primary: every count from 1 to k − 1 shows as `<k` (`<5` with the default k = 5);
 * - secondary: when a row then has exactly one hidden count, its next smallest non-zero shown
 *   count is hidden too and shows as `*` (else the hidden count is the row's total minus the
 *   rest). The same rule is applied down each column of a table with a total row (the overall
 *   row is the sum of the unit rows, so one hidden cell in a column is recoverable as well), and
 *   both rules are repeated until nothing changes;
 * - derived: every share, percentage, rate or mean computed from a hidden count shows as `*`.
 *
 * Zero is never hidden: "nobody" is not a small group of people. Ties for "next smallest" go to
 * the first cell in column (row) order, so the result is deterministic.
 */

/** What the reader sees of one count. */
export type CellMark = 'shown' | 'primary' | 'secondary';

/** The marker of a secondary-suppressed count, and of a figure computed from a hidden count. */
export const SECONDARY_MARK = '*';

/** The marker of a count 1 … k−1 (`<5`). */
export function primaryMark(k: number): string {
  return `<${k}`;
}

/** k must be an integer ≥ 2: with k = 1 nothing is ever hidden (SPEC §12, checked by the model loader). */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`suppression k must be an integer ≥ 2, got ${k}`);
}

/** The primary rule for one count: 1 … k−1 is hidden. Null (no figure) and 0 are shown. */
export function isSmall(count: number | null, k: number): boolean {
  return count !== null && count >= 1 && count < k;
}

const isHidden = (m: CellMark): boolean => m !== 'shown';

/**
 * Secondary rule on one line of cells (a row, or a column): when exactly one cell is hidden,
 * hide the smallest non-zero shown cell (first on a tie). Returns whether it changed a mark.
 */
function secondaryOnLine(values: ReadonlyArray<number | null>, marks: CellMark[], at: readonly number[]): boolean {
  let hidden = 0;
  for (const i of at) if (isHidden(marks[i]!)) hidden++;
  if (hidden !== 1) return false;
  let best = -1;
  for (const i of at) {
    const v = values[i];
    if (marks[i] !== 'shown' || v === null || v === undefined || v === 0) continue;
    if (best < 0 || v < (values[best] as number)) best = i;
  }
  if (best < 0) return false;
  marks[best] = 'secondary';
  return true;
}

/**
 * The marks of one row of counts (SPEC §12): primary, then the secondary rule once.
 * `counts` are the row's count cells in column order (null = no figure).
 */
export function suppressRow(counts: ReadonlyArray<number | null>, k: number): CellMark[] {
  checkK(k);
  const marks: CellMark[] = counts.map((c) => (isSmall(c, k) ? 'primary' : 'shown'));
  secondaryOnLine(counts, marks, counts.map((_, i) => i));
  return marks;
}

/**
 * The marks of a table of counts, rows × count columns (SPEC §12). With `columns`, the table's
 * rows are parts of one whole (units and the overall row, or units only): the secondary rule is
 * then applied down each column as well, alternating with the rows until no mark changes.
 * Terminates: each pass only hides cells, and there are finitely many.
 */
export function suppressTable(matrix: ReadonlyArray<ReadonlyArray<number | null>>, k: number, opts: { columns: boolean }): CellMark[][] {
  checkK(k);
  const width = matrix[0]?.length ?? 0;
  for (const row of matrix) if (row.length !== width) throw new RangeError('suppressTable: every row must have the same number of counts');
  const flat = matrix.flat();
  const marks: CellMark[] = flat.map((c) => (isSmall(c, k) ? 'primary' : 'shown'));
  const rowCells = matrix.map((_, r) => Array.from({ length: width }, (_, c) => r * width + c));
  const columnCells = Array.from({ length: width }, (_, c) => matrix.map((_, r) => r * width + c));
  let changed = true;
  while (changed) {
    changed = false;
    for (const at of rowCells) if (secondaryOnLine(flat, marks, at)) changed = true;
    if (opts.columns) for (const at of columnCells) if (secondaryOnLine(flat, marks, at)) changed = true;
  }
  return rowCells.map((at) => at.map((i) => marks[i]!));
}

/** What a count shows as: the number, `<k` or `*`. */
export function publishedCount(count: number | null, mark: CellMark, k: number): number | string | null {
  if (mark === 'primary') return primaryMark(k);
  if (mark === 'secondary') return SECONDARY_MARK;
  return count;
}

/** A figure computed from counts: itself when every count it came from is shown, else `*`. */
export function publishedDerived<T>(value: T, sources: readonly CellMark[]): T | string {
  return sources.some(isHidden) ? SECONDARY_MARK : value;
}

/** Whether any mark hides its count. */
export function anyHidden(marks: readonly CellMark[]): boolean {
  return marks.some(isHidden);
}

/**
 * Units too small to publish on their own (SPEC §12): those with fewer than k employees are
 * pooled into one row ("unit lain (< 5 pegawai)"). Returns the keys kept apart and pooled, in
 * the given order.
 */
export function poolSmallUnits<U>(units: ReadonlyArray<{ unit: U; employees: number }>, k: number): { kept: U[]; pooled: U[] } {
  checkK(k);
  const kept: U[] = [];
  const pooled: U[] = [];
  for (const u of units) (u.employees < k ? pooled : kept).push(u.unit);
  return { kept, pooled };
}
