/**
 * The shapes a row takes through an import (SPEC §1.6): prepared by the kind's row preparer
 * (personnel.ts, appraisals.ts, promotions.ts), rejected with its issues, or warned about.
 * Kept apart from engine.ts so the preparers and the engine do not import each other.
 */
import type { Provenance } from '../../db/queries/rows.js';
import type { RowIssue } from './row-fields.js';

/** A row that passed every check, ready to be compared with the stored one and written. */
export interface PreparedRow<Row> {
  key: string;
  /** The values this file gives (present columns only). */
  given: Partial<Row>;
  /** The full row to store: `given` over the stored values. */
  row: Row;
  existing: (Row & Provenance) | undefined;
}

export interface RejectedRow {
  line: number;
  cells: string[];
  issues: RowIssue[];
}

export interface RowWarning extends RowIssue {
  line: number;
}
