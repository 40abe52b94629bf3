/** Small builders for report tables and sections, shared by the report types. */
import { compareText } from '../population/scoring.js';
import type { Block, ChartSpec, Note, ReportCell, ReportColumn, ReportSection, ReportTable, SectionId, Vocab } from './types.js';

export const text = (key: string, vocab?: Vocab): ReportColumn => (vocab === undefined ? { key, type: 'text' } : { key, type: 'text', vocab });
export const int = (key: string, vocab?: Vocab): ReportColumn => (vocab === undefined ? { key, type: 'integer' } : { key, type: 'integer', vocab });
export const num = (key: string, decimals = 2): ReportColumn => ({ key, type: 'number', decimals });
export const date = (key: string): ReportColumn => ({ key, type: 'date' });
/** A share 0–1 with 4 decimals (people see a percentage with one decimal). */
export const pct = (key: string): ReportColumn => ({ key, type: 'number', decimals: 4, percent: true });

export const tableBlock = (table: ReportTable): Block => ({ kind: 'table', table });
export const chartBlock = (chart: ChartSpec): Block => ({ kind: 'chart', chart });
export const noteBlock = (note: Note): Block => ({ kind: 'note', note });

export function section(id: SectionId, blocks: Block[]): ReportSection {
  return { id, blocks };
}

/** A total row summing the given integer columns over the rows. */
export function sumRow(rows: ReadonlyArray<Record<string, ReportCell>>, keys: readonly string[]): Record<string, ReportCell> {
  const total: Record<string, ReportCell> = {};
  for (const key of keys) {
    let sum = 0;
    for (const row of rows) {
      const value = row[key];
      if (typeof value === 'number') sum += value;
    }
    total[key] = sum;
  }
  return total;
}

/** Unit names in code-point order (locale-independent, SPEC §7), no unit last. */
export function compareUnits(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}
