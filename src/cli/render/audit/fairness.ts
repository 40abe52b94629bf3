/**
 * `asn audit --fairness` output (SPEC §12): the fairness table with exactly the SPEC columns,
 * and with `--candidates` every candidate-event it was counted from, so the figures can be
 * recounted by hand (README "Fairness").
 */
import type { CandidateEvent, FairnessResult } from '../../../app/fairness/fairness.js';
import type { FairnessRow } from '../../../domain/fairness.js';
import { columnsOf, type Cell, type Column, type DataTable } from '../table-data.js';

/** SPEC §12 columns, in order. */
export const FAIRNESS_COLUMNS: readonly Column[] = columnsOf(
  'measure:text', 'grouping:text', 'group:text', 'candidates:integer', 'selected:integer', 'rate:4', 'impact_ratio:4', 'flag:text', 'p:6',
);

export function fairnessRecord(r: FairnessRow): Record<string, Cell> {
  return {
    measure: r.measure, grouping: r.grouping, group: r.group, candidates: r.candidates, selected: r.selected,
    rate: r.rate, impact_ratio: r.impactRatio, flag: r.flag, p: r.p,
  };
}

export function fairnessTable(result: FairnessResult): DataTable {
  return { name: 'fairness', columns: [...FAIRNESS_COLUMNS], rows: result.rows.map(fairnessRecord) };
}

export const CANDIDATE_COLUMNS: readonly Column[] = columnsOf(
  'measure:text', 'event_nip:text', 'date:date', 'nip:text', 'jenis_kelamin:text', 'tgl_lahir:date', 'age:integer', 'age_band:text', 'selected:boolean',
);

function candidateRecord(c: CandidateEvent): Record<string, Cell> {
  return {
    measure: c.measure, event_nip: c.eventNip, date: c.date, nip: c.nip, jenis_kelamin: c.jenisKelamin, tgl_lahir: c.tglLahir,
    age: c.age, age_band: c.ageBand, selected: c.selected,
  };
}

export function candidatesTable(result: FairnessResult): DataTable {
  return { name: 'fairness-candidates', columns: [...CANDIDATE_COLUMNS], rows: (result.candidates ?? []).map(candidateRecord) };
}

/** The stderr line: what was counted, and how many groups were flagged. */
export function fairnessMessage(result: FairnessResult): string {
  const flagged = result.rows.filter((r) => r.flag !== null).length;
  const sb = result.year === null ? 'no appraisals, so no sb measure' : `sb of ${result.year}`;
  return `fairness: ${result.promotionEvents} audited promotion events, ${sb}; ${flagged} group${flagged === 1 ? '' : 's'} flagged four-fifths (a question to look into, not proof of bias)\n`;
}
