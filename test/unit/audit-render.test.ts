import { describe, it, expect } from 'vitest';
import type { AuditRow, AuditSettings } from '../../src/app/audit/audit.js';
import { unauditedResult, type AuditSummary } from '../../src/domain/audit.js';
import { AUDIT_COLUMNS, auditComment, auditRecord, summaryTable } from '../../src/cli/render/audit/rows.js';
import { renderCsv } from '../../src/cli/render/csv.js';

const model = { name: 'asn-merit-v1', hash: 'ab12', file: null };
const settings: AuditSettings = { scope: 'unit', margin: 10, eligibility: 'strict', from: null, to: null, units: [] };
const event = { nip: '198305152008031027', tmt: '2024-12-02', jabatanBaru: 'Kepala Subbagian Umum dan Kepegawaian', levelBaru: 5, levelAsal: null, unit: null };

function row(status: 'skipped' | 'no-pool' | 'insufficient-data', extra: { poolSize?: number; merit?: number | null } = {}): AuditRow {
  return {
    ...unauditedResult(event, 'Dinas Pendidikan dan Kebudayaan', status, extra),
    nama: 'Hendro Saputro', levelBaru: 5, levelBefore: { level: null, source: null }, meritYear: 2023,
  };
}

describe('auditRecord (SPEC §7 audit columns)', () => {
  it('has exactly the SPEC columns, in order', () => {
    expect(AUDIT_COLUMNS.map((c) => c.key).join(',')).toBe(
      'nip,nama,tmt,unit,jabatan_baru,pool_size,merit,merit_rank,seniority_rank,flagged,severity,best_candidate_nip,best_candidate_merit,merit_gap,passed_over,status,status_reason',
    );
  });

  it.each([
    ['skipped: no pool was built', row('skipped'), { pool_size: null, flagged: null, passed_over: null, merit: null }],
    ['no-pool: an empty pool, no verdict', row('no-pool', { merit: 66 }), { pool_size: 0, flagged: null, passed_over: null, merit: 66 }],
    ['insufficient-data: pool size kept', row('insufficient-data', { poolSize: 2 }), { pool_size: 2, flagged: null, passed_over: null, merit: null }],
  ])('%s', (_label, r, expected) => {
    expect(auditRecord(r)).toMatchObject({ ...expected, status: r.status, unit: 'Dinas Pendidikan dan Kebudayaan' });
  });
});

describe('auditComment', () => {
  it.each([
    [settings, false, '# model asn-merit-v1 sha256:ab12 · scope unit · margin 10 · eligibility strict'],
    [{ ...settings, scope: 'all' as const, margin: 7.5, eligibility: 'basic' as const, from: '2025-01-01', to: '2025-06-30', units: ['Dinas Kesehatan'] }, true,
      '# model asn-merit-v1 sha256:ab12 · scope all · margin 7.5 · eligibility basic · from 2025-01-01 · to 2025-06-30 · units Dinas Kesehatan · levels from the model'],
  ])('%j', (s, rederived, expected) => {
    expect(auditComment(model, s, rederived)).toBe(expected);
  });
});

describe('summaryTable (SPEC §5 summary)', () => {
  const summary = (s: number, m: number, p: number): AuditSummary => ({
    events: s + m, audited: s + m, skipped: 0, insufficientData: 0, noPool: 0, flagged: s, flagRate: s / (s + m),
    meanMeritPercentile: 0.5, meanSeniorityPercentile: 2 / 3, s, m, p, seniorityBiased: s > m && p < 0.05,
  });
  it('overall first with an empty unit, then each unit; rates with 4 decimals, p with 6', () => {
    const table = summaryTable({ overall: summary(6, 2, 0.2890625), byUnit: [{ unit: 'Dinas Kesehatan', summary: summary(6, 0, 0.03125) }, { unit: null, summary: summary(0, 2, 0.5) }] });
    expect(renderCsv(table)).toBe(
      'scope,unit,events,audited,skipped,insufficient_data,no_pool,flagged,flag_rate,mean_merit_percentile,mean_seniority_percentile,s,m,p_value,seniority_biased\n' +
      'overall,,8,8,0,0,0,6,0.7500,0.5000,0.6667,6,2,0.289063,false\n' +
      'unit,Dinas Kesehatan,6,6,0,0,0,6,1.0000,0.5000,0.6667,6,0,0.031250,true\n' +
      'unit,,2,2,0,0,0,0,0.0000,0.5000,0.6667,0,2,0.500000,false\n',
    );
  });
});
