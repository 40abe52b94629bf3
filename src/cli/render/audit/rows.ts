/**
 * `asn audit` output (SPEC §5, §7): the event rows with exactly the SPEC §7 audit columns, and the
 * `--summary` rows (overall first, then one per unit), as DataTables every writer can print.
 */
import type { AuditResult, AuditRow, AuditSettings } from '../../../app/audit/audit.js';
import type { ModelInfo } from '../../../app/population/scoring.js';
import type { AuditSummary } from '../../../domain/audit.js';
import { reasonText } from '../../../domain/audit-reason.js';
import { columnsOf, type Cell, type Column, type DataTable } from '../table-data.js';
import { renderTextTable } from '../text-table.js';

/** SPEC §7 audit columns, in order. Merit values have 2 decimals (the printing rule of SPEC §3). */
export const AUDIT_COLUMNS: readonly Column[] = columnsOf(
  'nip:text', 'nama:text', 'tmt:date', 'unit:text', 'jabatan_baru:text', 'pool_size:integer',
  'merit:2', 'merit_rank:integer', 'seniority_rank:integer', 'flagged:boolean', 'severity:text',
  'best_candidate_nip:text', 'best_candidate_merit:2', 'merit_gap:2', 'passed_over:integer',
  'status:text', 'status_reason:text',
);

/**
 * One event as a record keyed by the SPEC column names. `flagged` and `passed_over` are verdicts
 * of an audit, so they are empty (null) for events that were not audited rather than "false, 0";
 * `pool_size` is empty for skipped events, whose pool was never built. `status_reason` says in
 * words why an event was not audited (SPEC §7), empty when it was.
 */
export function auditRecord(row: AuditRow): Record<string, Cell> {
  const audited = row.status === 'audited';
  return {
    nip: row.nip,
    nama: row.nama,
    tmt: row.tmt,
    unit: row.unit,
    jabatan_baru: row.jabatanBaru,
    pool_size: row.status === 'skipped' ? null : row.poolSize,
    merit: row.merit,
    merit_rank: row.meritRank,
    seniority_rank: row.seniorityRank,
    flagged: audited ? row.flagged : null,
    severity: row.severity,
    best_candidate_nip: row.bestCandidate?.nip ?? null,
    best_candidate_merit: row.bestCandidate?.merit ?? null,
    merit_gap: row.meritGap,
    passed_over: audited ? row.passedOver.length : null,
    status: row.status,
    status_reason: row.statusReason === null ? null : reasonText(row.statusReason),
  };
}

export function auditTable(result: Pick<AuditResult, 'events'>): DataTable {
  return { name: 'audit', columns: [...AUDIT_COLUMNS], rows: result.events.map(auditRecord) };
}

/** Summary columns (SPEC §5 summary): counts, flag rate, mean percentiles, and the sign test. */
export const SUMMARY_COLUMNS: readonly Column[] = columnsOf(
  'scope:text', 'unit:text', 'events:integer', 'audited:integer', 'skipped:integer',
  'insufficient_data:integer', 'no_pool:integer', 'flagged:integer', 'flag_rate:4',
  'mean_merit_percentile:4', 'mean_seniority_percentile:4', 's:integer', 'm:integer', 'p_value:6',
  'seniority_biased:boolean',
);

function summaryRecord(scope: 'overall' | 'unit', unit: string | null, s: AuditSummary): Record<string, Cell> {
  return {
    scope, unit,
    events: s.events, audited: s.audited, skipped: s.skipped, insufficient_data: s.insufficientData, no_pool: s.noPool,
    flagged: s.flagged, flag_rate: s.flagRate,
    mean_merit_percentile: s.meanMeritPercentile, mean_seniority_percentile: s.meanSeniorityPercentile,
    s: s.s, m: s.m, p_value: s.p, seniority_biased: s.seniorityBiased,
  };
}

/** Overall first (scope `overall`, unit empty), then one row per unit in code-point order. */
export function summaryTable(result: Pick<AuditResult, 'overall' | 'byUnit'>): DataTable {
  return {
    name: 'audit-summary',
    columns: [...SUMMARY_COLUMNS],
    rows: [summaryRecord('overall', null, result.overall), ...result.byUnit.map((u) => summaryRecord('unit', u.unit, u.summary))],
  };
}

/**
 * The header naming what produced the numbers (SPEC §3 "which model") and the settings, e.g.
 * `# model asn-merit-v1 sha256:5a0f… · scope unit · margin 10 · eligibility strict`.
 * The full hash, as `asn rank` prints it, so the two can be compared.
 */
export function auditComment(model: ModelInfo, settings: AuditSettings, levelsRederived: boolean): string {
  const parts = [`# model ${model.name} sha256:${model.hash}`, `scope ${settings.scope}`, `margin ${settings.margin}`, `eligibility ${settings.eligibility}`];
  if (settings.from !== null) parts.push(`from ${settings.from}`);
  if (settings.to !== null) parts.push(`to ${settings.to}`);
  if (settings.units.length > 0) parts.push(`units ${settings.units.join(' | ')}`);
  if (levelsRederived) parts.push('levels from the model');
  return parts.join(' · ');
}

/** Terminal table: the comment line, then the events (or the summary, whose overall row reads `(all)`). */
export function renderAuditText(result: AuditResult, summary: boolean, color: boolean): string {
  const table = summary ? summaryTable(result) : auditTable(result);
  if (summary) {
    table.rows = table.rows.map((r) => (r.unit === null ? { ...r, unit: r.scope === 'overall' ? '(all)' : '(no unit)' } : r));
  }
  const comment = auditComment(result.model, result.settings, result.levelsRederived);
  const body = table.rows.length === 0 ? 'no promotion events selected\n' : renderTextTable(table, { color });
  return `${comment}\n${body}`;
}

/** The lines for stderr: the settings, then the counts of SPEC §5. */
export function auditMessage(result: AuditResult): string {
  const o = result.overall;
  const selected = o.events === result.totalEvents ? `${o.events} promotion events` : `${o.events} of ${result.totalEvents} promotion events selected`;
  return `${auditComment(result.model, result.settings, result.levelsRederived).slice(2)}\n` +
    `${selected}: ${o.audited} audited (${o.flagged} flagged), ${o.skipped} skipped, ${o.insufficientData} insufficient-data, ${o.noPool} no-pool\n`;
}
