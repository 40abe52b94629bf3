/**
 * `asn candidates` output (SPEC §11): exactly the candidate columns, or with `--excluded` the
 * excluded with every reason (csv, ndjson and table print that list instead; json both under
 * `candidates` and `excluded`). The header lines say D, L, the scope, the model and its hash,
 * and where the state at D came from.
 */
import type { CandidateRow, CandidatesResult, ExcludedRow } from '../../../app/candidates/candidates.js';
import { columnsOf, type Cell, type Column, type DataTable } from '../table-data.js';

export const CANDIDATE_COLUMNS: readonly Column[] = columnsOf(
  'rank:integer', 'nip:text', 'nama:text', 'unit:text', 'golongan:text', 'level:integer', 'merit:2', 'box:integer',
  'predikat_1:text', 'predikat_2:text', 'service_years:integer', 'years_at_level:integer', 'age:integer', 'years_to_bup:integer',
  'succession_pool:boolean',
);

export const EXCLUDED_COLUMNS: readonly Column[] = columnsOf('nip:text', 'nama:text', 'unit:text', 'reasons:text');

/** The posts of each level (SPEC §1.5), for the header line. */
export const LEVEL_NAMES: Record<number, string> = {
  5: 'pengawas', 6: 'administrator', 7: 'JPT pratama', 8: 'JPT madya', 9: 'JPT utama',
};

export function candidateRecord(row: CandidateRow): Record<string, Cell> {
  return {
    rank: row.rank, nip: row.nip, nama: row.nama, unit: row.unit, golongan: row.golongan, level: row.level, merit: row.merit,
    box: row.box, predikat_1: row.predikat1, predikat_2: row.predikat2, service_years: row.serviceYears,
    years_at_level: row.yearsAtLevel, age: row.age, years_to_bup: row.yearsToBup, succession_pool: row.successionPool,
  };
}

export function excludedRecord(row: ExcludedRow): Record<string, Cell> {
  return { nip: row.nip, nama: row.nama, unit: row.unit, reasons: row.reasons };
}

export function candidatesTable(result: CandidatesResult, limit: number | null): DataTable {
  const rows = limit === null ? result.candidates : result.candidates.slice(0, limit);
  return { name: 'candidates', columns: [...CANDIDATE_COLUMNS], rows: rows.map(candidateRecord) };
}

export function excludedTable(result: CandidatesResult): DataTable {
  return { name: 'excluded', columns: [...EXCLUDED_COLUMNS], rows: result.excluded.map(excludedRecord) };
}

/** What the vacancy was given as: "level 6", "eselon III.a", "post \"Analis … Ahli Madya\"". */
export function vacancyText(result: Pick<CandidatesResult, 'vacancy'>): string {
  const v = result.vacancy;
  const name = LEVEL_NAMES[v.level] ?? '';
  if (v.input.kind === 'level') return `level ${v.level} (${name})`;
  const given = v.input.kind === 'eselon' ? `eselon ${v.input.value}` : `post "${v.input.value}"`;
  return `${given} → level ${v.level} (${name})`;
}

export function scopeText(result: Pick<CandidatesResult, 'scope'>): string {
  const s = result.scope;
  if (s.kind === 'all') return 'all';
  return `${s.kind} ${s.names.join(' | ')}`;
}

/**
 * The two header lines (SPEC §11 "states D, L, the scope, the model and its hash"), e.g.
 * `# candidates for level 6 (administrator) · date 2026-01-15 · scope all · merit year 2025 · model asn-merit-v1 sha256:…`
 * `# state at D: dated history up to D — snapshot 2026-01-15; no riwayat`.
 */
export function candidatesComment(result: CandidatesResult): string {
  const date = `date ${result.date}${result.dateDefaulted ? ' (newest snapshot)' : ''}`;
  const levels = result.levelsRederived ? ' · levels from the model' : '';
  return `# candidates for ${vacancyText(result)} · ${date} · scope ${scopeText(result)} · merit year ${result.year} · ` +
    `model ${result.model.name} sha256:${result.model.hash}${levels}\n# ${result.state.text}\n`;
}

/** The counts on stderr: who the pool left out and why, how many are eligible. */
export function candidatesSummary(result: CandidatesResult, excludedShown: boolean): string {
  const p = result.pool;
  const out = [
    p.notPns > 0 ? `${p.notPns} not PNS (CPNS, PPPK or unknown)` : '',
    p.notActive > 0 ? `${p.notActive} not active at D (left or inactive)` : '',
    p.levelUnknown > 0 ? `${p.levelUnknown} with no level` : '',
    p.levelNotBelow > 0 ? `${p.levelNotBelow} at level ${result.vacancy.level} or higher` : '',
  ].filter((s) => s !== '');
  const left = out.length === 0 ? '' : ` (left out: ${out.join(', ')})`;
  const hint = result.excluded.length > 0 && !excludedShown ? '; --excluded lists them with every reason' : '';
  return `pool ${p.pool} of ${p.scope} in the scope${left}; ${result.candidates.length} eligible, ${result.excluded.length} excluded${hint}\n`;
}
