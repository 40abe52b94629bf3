/**
 * `asn audit --event NIP@DATE` output: the event, how its result was reached (SPEC §5.1–5.6) in
 * words with the printed numbers, and the whole listing — as text (table format) or one JSON object.
 */
import type { EventDetail, EventPerson } from '../../../app/audit/event.js';
import { format2 } from '../../../domain/numbers.js';
import { reasonText } from '../../../domain/audit-reason.js';
import { auditComment, auditRecord, AUDIT_COLUMNS } from './rows.js';
import { renderJsonObject, jsonRecord } from '../json.js';
import type { Cell, Column, DataTable } from '../table-data.js';
import { renderTextTable } from '../text-table.js';

const PEOPLE_COLUMNS: readonly Column[] = [
  { key: 'duk_position', header: 'duk', type: 'integer' },
  { key: 'role', type: 'text' },
  { key: 'nip', type: 'text' },
  { key: 'nama', type: 'text' },
  { key: 'golongan', type: 'text' },
  { key: 'tmt_golongan', type: 'date' },
  { key: 'level_at_d', header: 'level', type: 'integer' },
  { key: 'service_months', header: 'months', type: 'integer' },
  { key: 'merit', type: 'number', decimals: 2 },
  { key: 'merit_rank', type: 'integer' },
  { key: 'seniority_rank', type: 'integer' },
  { key: 'passed_over', type: 'boolean' },
  { key: 'excluded_because', type: 'text' },
  // history (SPEC §9): the unit at D and where unit and level at D came from
  { key: 'unit_at_d', type: 'text' },
  { key: 'unit_level_from', type: 'text' },
];

function personRecord(p: EventPerson): Record<string, Cell> {
  return {
    duk_position: p.dukPosition, role: p.role, nip: p.nip, nama: p.nama, golongan: p.golongan, tmt_golongan: p.tmtGolongan,
    level_at_d: p.levelAtD, service_months: p.serviceMonths, merit: p.merit, merit_rank: p.meritRank,
    seniority_rank: p.seniorityRank, passed_over: p.passedOver, excluded_because: p.reason,
    unit_at_d: p.unitAtD, unit_level_from: p.source,
  };
}

function peopleTable(detail: EventDetail): DataTable {
  return { name: 'people', columns: [...PEOPLE_COLUMNS], rows: detail.people.map(personRecord) };
}

const SOURCE_TEXT = {
  asal: 'from JABATAN ASAL / ESELON ASAL of the promotion row',
  'previous-promotion': "the new level of P's previous promotion",
  personnel: "P's current personnel level, lower than the new level",
} as const;

/** How the result was reached, in words (SPEC §5.3–5.6). */
function verdictLines(detail: EventDetail): string[] {
  const r = detail.row;
  const margin = detail.settings.margin;
  const n = r.poolSize + 1;
  switch (r.status) {
    case 'skipped':
      return [`status         skipped: ${r.skipReason ?? ''}`,
        r.skipReason === 'previous level unknown' ? '               give JABATAN ASAL / ESELON ASAL in the promotion file so the pool can be built' : ''];
    case 'insufficient-data':
      return [`status         insufficient-data: ${r.statusReason === null ? '' : reasonText(r.statusReason)}; pool ${r.poolSize}`];
    case 'no-pool':
      return [`status         no-pool: ${r.statusReason === null ? '' : reasonText(r.statusReason)}; P's merit ${format2(r.merit)}`];
    default:
      break;
  }
  const lines = [`status         audited: pool ${r.poolSize}, merit ${format2(r.merit)}, merit rank ${r.meritRank} of ${n}, seniority rank ${r.seniorityRank} of ${n}`];
  const threshold = `${format2(r.merit)} + ${margin}`;
  if (!r.flagged || r.bestCandidate === null) {
    lines.push(`flag           not flagged: nobody in the pool has merit ≥ ${threshold} and stands after P in DUK order`);
    return lines;
  }
  const half = Math.ceil(n / 2);
  const why = r.severity === 'high'
    ? `P is first in DUK order and merit rank ${r.meritRank} > ⌈${n}/2⌉ = ${half}`
    : r.severity === 'medium'
      ? `largest gap ${format2(r.meritGap)} ≥ 2 × margin = ${2 * margin}`
      : `largest gap ${format2(r.meritGap)} < 2 × margin = ${2 * margin}${r.seniorityRank === 1 ? `, merit rank ${r.meritRank} ≤ ⌈${n}/2⌉ = ${half}` : ', P not first in DUK order'}`;
  const best = detail.people.find((p) => p.nip === r.bestCandidate?.nip);
  lines.push(`flag           FLAGGED, severity ${r.severity ?? ''}: ${why}`);
  lines.push(`               passed over ${r.passedOver.length} (merit ≥ ${threshold}, after P in DUK order); best ${r.bestCandidate.nip} ${best?.nama ?? ''} ${format2(r.bestCandidate.merit)}, gap ${format2(r.meritGap)}`);
  return lines;
}

/** The text for people: header lines, then the listing in DUK order at D. */
export function renderEventText(detail: EventDetail, color: boolean): string {
  const r = detail.row;
  const eligibility = detail.settings.eligibility === 'strict'
    ? `strict: predikat SB or B and no sedang/berat hukuman disiplin in ${r.meritYear} and ${r.meritYear - 1}`
    : 'basic: predikat and hukuman disiplin not checked';
  const before = r.levelBefore.level === null
    ? `unknown (${r.levelBefore.reason ?? 'previous level unknown'})`
    : `${r.levelBefore.level} (${r.levelBefore.source === null ? '' : SOURCE_TEXT[r.levelBefore.source]})`;
  const lines = [
    auditComment(detail.model, detail.settings, detail.levelsRederived),
    `Promotion of ${r.nip} ${r.nama ?? ''} on ${r.tmt} — unit ${r.unit ?? '(unknown)'}`,
    `new post       ${r.jabatanBaru} — level ${r.levelBaru ?? 'unknown'}`,
    `level before   ${before}`,
    `merit year     ${r.meritYear} (appraisals of ${r.meritYear - 1}–${r.meritYear}); eligibility ${eligibility}`,
    ...verdictLines(detail).filter((l) => l !== ''),
  ];
  const promoted = detail.people.find((p) => p.role === 'promoted');
  if (promoted !== undefined && promoted.serviceMonths === null && promoted.tmtCpns !== null) {
    lines.push(`warning        P's TMT CPNS ${promoted.tmtCpns} is after the promotion date: P was not yet appointed; check TMT CPNS`);
  }
  const table = peopleTable(detail);
  table.rows = table.rows.map((row) => ({ ...row, passed_over: row.passed_over === true ? 'yes' : '' }));
  const listing = detail.people.length === 0 ? '' : `\n${renderTextTable({ ...table, columns: table.columns.map((c) => (c.key === 'passed_over' ? { ...c, type: 'text' } : c)) }, { color })}`;
  return `${lines.join('\n')}\n${listing}`;
}

/** One JSON object: model, settings, the event (audit columns plus how it was reached) and the people. */
export function renderEventJson(detail: EventDetail): string {
  const r = detail.row;
  return renderJsonObject({
    model: { name: detail.model.name, hash: detail.model.hash, file: detail.model.file },
    scope: detail.settings.scope,
    margin: detail.settings.margin,
    eligibility: detail.settings.eligibility,
    event: {
      ...jsonRecord(AUDIT_COLUMNS, auditRecord(r)),
      skip_reason: r.skipReason ?? null,
      level_baru: r.levelBaru,
      level_before: r.levelBefore.level,
      level_before_source: r.levelBefore.source,
      merit_year: r.meritYear,
    },
    people: peopleTable(detail),
  });
}
