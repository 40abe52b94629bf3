/**
 * `asn report --type employee --nip NIP` (SPEC §6): one employee's evaluation card — the record,
 * each merit component with how it was computed, rank and percentile in the unit and overall,
 * the 9-box and its recommendation, the appraisal history, the promotions and what the
 * promotion audit found (as the one promoted, and as a member of someone else's pool).
 * The ranking reuses `rank --explain` (explain.ts), once over everyone and once per unit.
 */
import { serviceMonths } from '../../domain/duk.js';
import { COMPONENT_NAMES } from '../../domain/merit.js';
import type { EmployeeRecordRow, PromotionRow } from '../../db/queries/report.js';
import type { AuditResult } from '../audit/audit.js';
import { statusReasonIn } from './audit-data.js';
import type { MeritResult } from '../../domain/merit.js';
import type { AppraisalDetail } from '../../db/queries/merit-inputs.js';
import { explainEmployee, type ExplainResult } from '../population/explain.js';
import { chartBlock, date, int, noteBlock, num, section, tableBlock, text } from './table-helpers.js';
import type { ReportCell, ReportColumn, ReportLang, ReportSection, ReportTable } from './types.js';
import { golonganLabel, pangkatName } from '../../domain/golongan.js';

type Row = Record<string, ReportCell>;

// The columns of the card's tables, made once: the cards of `--all` render them thousands of
// times from a template compiled per column list (src/cli/render/report/card-render.ts).
const RECORD_COLUMNS: ReportColumn[] = [text('field', 'field'), text('value')];
const COMPONENT_COLUMNS: ReportColumn[] = [text('component', 'component'), num('value'), num('weight'), num('contribution'), text('how')];
const RANKING_COLUMNS: ReportColumn[] = [
  text('scope', 'rankScope'), text('scope_unit'), num('merit'), num('coverage'), text('status', 'status'), int('rank'), int('rated'),
  num('percentile'), int('duk_position'), int('duk_of'),
];
const TALENT_COLUMNS: ReportColumn[] = [int('box'), text('kinerja', 'kinerja'), text('potensial', 'potensial'), text('recommendation'), text('reason')];
const APPRAISAL_COLUMNS: ReportColumn[] = [
  int('tahun'), text('predikat', 'predikat'), text('source', 'source'), text('rating_hasil', 'rating'), text('rating_perilaku', 'rating'),
  num('nilai_skp'), num('jpm'), text('potensi'), num('jp', 0), text('hukuman_disiplin', 'hukuman'),
];
const PROMOTION_COLUMNS: ReportColumn[] = [
  date('tmt'), text('jabatan_asal'), text('eselon_asal'), int('level_asal'), text('jabatan_baru'), text('eselon_baru'),
  int('level_baru'), text('unit'),
];

/** Masa kerja at T in words of `lang` (e.g. "25 tahun 9 bulan"), from SPEC §2 service months. */
function serviceText(tmtCpns: string | null, at: string | null, lang: ReportLang): string | null {
  if (at === null) return null;
  const months = serviceMonths(tmtCpns, at);
  if (months === null || months < 0) return null;
  const [y, m] = [Math.floor(months / 12), months % 12];
  return lang === 'id' ? `${y} tahun ${m} bulan (${at})` : `${y} years ${m} months (${at})`;
}

function fullName(r: EmployeeRecordRow): string {
  return [r.gelar_depan, [r.nama, r.gelar_belakang].filter((x) => x !== null).join(', ')].filter((x) => x !== null && x !== '').join(' ');
}

export function recordTable(r: EmployeeRecordRow, referenceDate: string | null, lang: ReportLang): ReportTable {
  const jenis = r.jenis_pegawai === 'PNS' || r.jenis_pegawai === 'CPNS' || r.jenis_pegawai === 'PPPK' ? r.jenis_pegawai : null;
  const label = golonganLabel(r.golongan_code, jenis);
  const pangkat = jenis !== 'PPPK' && r.golongan_code !== null ? pangkatName(r.golongan_code) : null;
  // Every value as text (a level or a year too); rows made directly, as the cards of `--all` make ten thousand.
  const f = (field: string, value: string | number | null): Row => ({ field, value: value === null ? null : String(value) });
  return {
    name: 'employee',
    columns: RECORD_COLUMNS,
    rows: [
      f('nip', r.nip), f('nip_lama', r.nip_lama), f('nama', fullName(r)), f('tgl_lahir', r.tgl_lahir), f('jenis_kelamin', r.jenis_kelamin),
      f('jenis_pegawai', r.jenis_pegawai), f('golongan', label === null ? null : pangkat === null ? label : `${pangkat} (${label})`),
      f('tmt_golongan', r.tmt_golongan), f('tmt_cpns', r.tmt_cpns), f('masa_kerja', serviceText(r.tmt_cpns, referenceDate, lang)),
      f('jenis_jabatan', r.jenis_jabatan), f('jabatan', r.jabatan), f('eselon', r.eselon), f('level', r.level), f('tmt_jabatan', r.tmt_jabatan),
      f('pendidikan', r.pendidikan), f('tahun_lulus', r.tahun_lulus), f('unit', r.unit), f('instansi', r.instansi),
    ],
  };
}

/** Each merit component with how it was computed (also the cards of `--all`). */
export function componentsTable(merit: MeritResult): ReportTable {
  const rows: Row[] = COMPONENT_NAMES.map((name) => {
    const c = merit.components[name];
    return { component: name, value: c.value, weight: c.weight, contribution: c.contribution, how: c.missing ?? c.rule };
  });
  return {
    name: 'components',
    columns: COMPONENT_COLUMNS,
    rows,
    total: { kind: 'sum', row: { value: merit.merit, weight: null, contribution: merit.merit, how: null } },
  };
}

/** One employee's standing in one scope: their own figures only (no other person's). */
export interface Standing {
  scope: { all: boolean; unit: string | null };
  merit: Pick<MeritResult, 'merit' | 'coverage' | 'status'>;
  rank: number | null;
  rated: number;
  percentile: number | null;
  duk: { position: number; of: number };
}

/** Rank and percentile overall and in the unit (also the cards of `--all`). */
export function rankingTable(overall: Standing, unit: Standing): ReportTable {
  const row = (scope: string, x: Standing): Row => ({
    scope, scope_unit: x.scope.all ? null : x.scope.unit, merit: x.merit.merit, coverage: x.merit.coverage, status: x.merit.status,
    rank: x.rank, rated: x.rated, percentile: x.percentile, duk_position: x.duk.position, duk_of: x.duk.of,
  });
  return {
    name: 'ranking',
    columns: RANKING_COLUMNS,
    rows: [row('all', overall), row('unit', unit)],
  };
}

export function talentTable(x: { box: ExplainResult['box'] }, lang: ReportLang): ReportTable {
  return {
    name: 'talent',
    columns: TALENT_COLUMNS,
    rows: [{
      box: x.box.box, kinerja: x.box.kinerja, potensial: x.box.potensial,
      recommendation: x.box.recommendation?.[lang] ?? null, reason: x.box.reason,
    }],
  };
}

export function appraisalTable(x: { appraisals: readonly AppraisalDetail[] } | null): ReportTable {
  return {
    name: 'appraisals',
    columns: APPRAISAL_COLUMNS,
    rows: (x?.appraisals ?? []).map((a) => ({
      tahun: a.tahun, predikat: a.predikat, source: a.predikat_source, rating_hasil: a.rating_hasil, rating_perilaku: a.rating_perilaku,
      nilai_skp: a.nilai_skp, jpm: a.jpm, potensi: a.potensi ?? (a.potensi_score === null ? null : String(a.potensi_score)),
      jp: a.jp, hukuman_disiplin: a.hukuman_disiplin,
    })),
  };
}

export function promotionTable(promotions: readonly PromotionRow[]): ReportTable {
  return {
    name: 'promotions',
    columns: PROMOTION_COLUMNS,
    rows: promotions.map((p) => ({ ...p })),
  };
}

/** The audit's view of this employee: events where they were promoted, and pools they were in (SPEC §5). */
function findingsTable(nip: string, audit: AuditResult | null, lang: ReportLang): ReportTable {
  const rows: Row[] = [];
  for (const e of audit?.events ?? []) {
    const me = e.ranked.find((r) => r.nip === nip);
    const promoted = e.nip === nip;
    if (!promoted && me === undefined) continue;
    const gap = promoted ? e.meritGap : (e.passedOver.find((p) => p.nip === nip)?.gap ?? null);
    rows.push({
      role: promoted ? 'promoted' : me?.passedOver === true ? 'passed_over' : 'pool',
      tmt: e.tmt, promoted_nip: e.nip, promoted_nama: e.nama, unit: e.unit, jabatan_baru: e.jabatanBaru,
      status: e.status, pool_size: e.poolSize, merit: promoted ? e.merit : (me?.merit ?? null),
      merit_rank: me?.meritRank ?? null, seniority_rank: me?.seniorityRank ?? null,
      flagged: e.flagged, severity: e.severity, merit_gap: gap, status_reason: statusReasonIn(e, lang),
    });
  }
  return {
    name: 'audit_findings',
    columns: [
      text('role', 'role'), date('tmt'), text('promoted_nip'), text('promoted_nama'), text('unit'), text('jabatan_baru'),
      text('status', 'auditStatus'), int('pool_size'), num('merit'), int('merit_rank'), int('seniority_rank'),
      { key: 'flagged', type: 'boolean', vocab: 'yesno' }, text('severity', 'severity'), num('merit_gap'), text('status_reason'),
    ],
    rows,
  };
}

export interface EmployeeReportInput {
  dbPath: string;
  record: EmployeeRecordRow;
  promotions: PromotionRow[];
  /** Null when the database holds no appraisal: the card shows the record only. */
  year: number | null;
  referenceDate: string | null;
  modelFile: string | undefined;
  lang: ReportLang;
  audit: AuditResult | null;
}

export function employeeSections(input: EmployeeReportInput): ReportSection[] {
  const { record, year, lang } = input;
  const sections: ReportSection[] = [section('record', [tableBlock(recordTable(record, input.referenceDate, lang))])];
  let overall: ExplainResult | null = null;
  if (year !== null) {
    const request = { db: input.dbPath, year, units: [], nip: record.nip, ...(input.modelFile === undefined ? {} : { modelFile: input.modelFile }) };
    overall = explainEmployee({ ...request, byUnit: false });
    const unit = explainEmployee({ ...request, byUnit: true });
    const values = Object.fromEntries(COMPONENT_NAMES.map((n) => [n, overall?.merit.components[n].value ?? null])) as Record<(typeof COMPONENT_NAMES)[number], number | null>;
    sections.push(
      section('scores', [
        ...(overall.merit.status === 'unrated' ? [noteBlock({ id: 'unrated-employee', params: { from: year - 1, to: year } })] : []),
        chartBlock({ type: 'components', values }),
        tableBlock(componentsTable(overall.merit)),
        tableBlock(rankingTable(overall, unit)),
      ]),
      section('talent', [tableBlock(talentTable(overall, lang))]),
    );
  }
  sections.push(section('history', [tableBlock(appraisalTable(overall)), tableBlock(promotionTable(input.promotions))]));
  sections.push(section('findings', input.audit === null ? [noteBlock({ id: 'no-promotions' })] : [tableBlock(findingsTable(record.nip, input.audit, lang))]));
  return sections;
}
