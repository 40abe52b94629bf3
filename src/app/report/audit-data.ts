/**
 * The promotion audit as the reports use it (SPEC §5, §6): `asn audit` with its defaults —
 * scope unit, margin 10, eligibility strict, every event in the database — so the report's
 * figures are those of `asn audit` on the same database. Tables of the summary, per unit, per
 * event and per pool member.
 */
import { summarizeAudit, summarizeByUnit, type AuditSummary } from '../../domain/audit.js';
import { reasonText } from '../../domain/audit-reason.js';
import { openDatabase } from '../../db/open.js';
import { auditEvents, auditResultOf, loadAuditContext, type AuditResult, type AuditVisitor } from '../audit/audit.js';
import type { Block, ReportCell, ReportColumn, ReportLang, ReportTable } from './types.js';

/** `asn audit` defaults (SPEC §5, §7). */
export const AUDIT_DEFAULTS = { scope: 'unit', margin: 10, eligibility: 'strict' } as const;

/**
 * Every event audited as `asn audit` does with its defaults and no --from/--to/--unit; with
 * `keepPools`, also each event's pool ∪ {P} (`ranked`) that `auditPromotions` drops to save
 * memory: the audit report lists the pools, and the employee card looks for the employee in them.
 */
export function runAudit(dbPath: string, modelFile: string | undefined, keepPools = true, visit?: AuditVisitor): AuditResult {
  const db = openDatabase(dbPath, 'read');
  try {
    const ctx = loadAuditContext(db, dbPath, modelFile);
    // Group by group, as `asn audit` does. The summary and unit reports need the figures, not
    // every pool: at national scale the pools of all events hold 2.9 million entries.
    const events = auditEvents(ctx, ctx.events, AUDIT_DEFAULTS, keepPools, visit);
    return auditResultOf(ctx, events, { ...AUDIT_DEFAULTS, from: null, to: null, units: [] });
  } finally {
    db.close();
  }
}

const int = (key: string): ReportColumn => ({ key, type: 'integer' });
const num = (key: string, decimals = 2): ReportColumn => ({ key, type: 'number', decimals });

/** SPEC §5 summary, overall and per unit; `full` adds the statuses and s, m of the sign test. */
export function auditSummaryTable(result: AuditResult, name: string, full: boolean): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'unit', type: 'text' },
    int('events'),
    int('audited'),
    ...(full ? [int('skipped'), int('insufficient_data'), int('no_pool')] : []),
    int('flagged'),
    { key: 'flag_rate', type: 'number', decimals: 4, percent: true },
    num('mean_merit_percentile', 4),
    num('mean_seniority_percentile', 4),
    ...(full ? [int('s'), int('m')] : []),
    num('p_value', 6),
    { key: 'seniority_biased', type: 'boolean', vocab: 'yesno' },
  ];
  const row = (unit: string | null, s: AuditSummary): Record<string, ReportCell> => ({
    unit,
    events: s.events,
    audited: s.audited,
    skipped: s.skipped,
    insufficient_data: s.insufficientData,
    no_pool: s.noPool,
    flagged: s.flagged,
    flag_rate: s.flagRate,
    mean_merit_percentile: s.meanMeritPercentile,
    mean_seniority_percentile: s.meanSeniorityPercentile,
    s: s.s,
    m: s.m,
    p_value: s.p,
    seniority_biased: s.seniorityBiased,
  });
  return {
    name,
    columns,
    rows: result.byUnit.map((u) => row(u.unit, u.summary)),
    total: { kind: 'all', row: row(null, result.overall) },
  };
}

/** SPEC §7 `status_reason` in the report's language; null for an audited event. */
export function statusReasonIn(e: AuditResult['events'][number], lang: ReportLang): string | null {
  return e.statusReason === null ? null : reasonText(e.statusReason, lang);
}

/**
 * Every event with the SPEC §7 audit columns (the last, status_reason, in `lang`), with the
 * values of `asn audit`: flagged and passed_over are verdicts, empty for events not audited;
 * pool_size is empty for skipped events, whose pool was never built.
 */
export function auditEventsTable(result: AuditResult, lang: ReportLang): ReportTable {
  return {
    name: 'audit_events',
    columns: [
      { key: 'nip', type: 'text' }, { key: 'nama', type: 'text' }, { key: 'tmt', type: 'date' }, { key: 'unit', type: 'text' },
      { key: 'jabatan_baru', type: 'text' }, int('pool_size'), num('merit'), int('merit_rank'), int('seniority_rank'),
      { key: 'flagged', type: 'boolean', vocab: 'yesno' }, { key: 'severity', type: 'text', vocab: 'severity' },
      { key: 'best_candidate_nip', type: 'text' }, num('best_candidate_merit'), num('merit_gap'), int('passed_over'),
      { key: 'status', type: 'text', vocab: 'auditStatus' }, { key: 'status_reason', type: 'text' },
    ],
    rows: result.events.map((e) => ({
      nip: e.nip,
      nama: e.nama,
      tmt: e.tmt,
      unit: e.unit,
      jabatan_baru: e.jabatanBaru,
      pool_size: e.status === 'skipped' ? null : e.poolSize,
      merit: e.merit,
      merit_rank: e.meritRank,
      seniority_rank: e.seniorityRank,
      flagged: e.status === 'audited' ? e.flagged : null,
      severity: e.severity,
      best_candidate_nip: e.bestCandidate?.nip ?? null,
      best_candidate_merit: e.bestCandidate?.merit ?? null,
      merit_gap: e.meritGap,
      passed_over: e.status === 'audited' ? e.passedOver.length : null,
      status: e.status,
      status_reason: statusReasonIn(e, lang),
    })),
  };
}

/** The events that were not audited and why (SPEC §7 status_reason), for the summary's audit section. */
export function auditNotAuditedTable(result: AuditResult, lang: ReportLang): ReportTable {
  return {
    name: 'audit_not_audited',
    columns: [
      { key: 'nip', type: 'text' }, { key: 'nama', type: 'text' }, { key: 'tmt', type: 'date' }, { key: 'unit', type: 'text' },
      { key: 'status', type: 'text', vocab: 'auditStatus' }, { key: 'status_reason', type: 'text' },
    ],
    rows: result.events.filter((e) => e.status !== 'audited').map((e) => ({
      nip: e.nip, nama: e.nama, tmt: e.tmt, unit: e.unit, status: e.status, status_reason: statusReasonIn(e, lang),
    })),
  };
}

/** Each audited event's pool ∪ {P} in merit order (SPEC §5.3–5.5): who stood where. */
export function auditPoolsTable(result: AuditResult, names: ReadonlyMap<string, string>): ReportTable {
  const rows: Array<Record<string, ReportCell>> = [];
  for (const e of result.events) {
    for (const member of e.ranked) {
      rows.push({
        event: `${e.tmt} · ${e.nip} ${e.nama ?? ''}`.trim(),
        event_nip: e.nip,
        event_tmt: e.tmt,
        nip: member.nip,
        nama: names.get(member.nip) ?? null,
        merit: member.merit,
        merit_rank: member.meritRank,
        seniority_rank: member.seniorityRank,
        role: member.isPromoted ? 'promoted' : member.passedOver ? 'passed_over' : 'pool',
      });
    }
  }
  return {
    name: 'audit_pools',
    groupBy: 'event',
    peopleHide: ['event_nip', 'event_tmt'],
    columns: [
      { key: 'event', type: 'text' }, { key: 'event_nip', type: 'text' }, { key: 'event_tmt', type: 'date' },
      { key: 'nip', type: 'text' }, { key: 'nama', type: 'text' }, num('merit'), int('merit_rank'), int('seniority_rank'),
      { key: 'role', type: 'text', vocab: 'role' },
    ],
    rows,
  };
}

/** Every NIP named in the audit's pools (for one name look-up). */
export function auditNips(result: AuditResult): string[] {
  return result.events.flatMap((e) => e.ranked.map((r) => r.nip));
}

/** The promotion-audit figures as charts (SPEC §6): audited and flagged per unit and overall; mean percentiles. */
export function auditCharts(result: AuditResult): Block[] {
  const rows = result.byUnit.map((u) => ({ all: false, unit: u.unit, audited: u.summary.audited, flagged: u.summary.flagged }));
  rows.push({ all: true, unit: null, audited: result.overall.audited, flagged: result.overall.flagged });
  return [
    { kind: 'chart', chart: { type: 'audit-units', rows } },
    { kind: 'chart', chart: { type: 'audit-percentiles', merit: result.overall.meanMeritPercentile, seniority: result.overall.meanSeniorityPercentile } },
  ];
}
