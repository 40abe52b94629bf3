/**
 * `asn rank --explain NIP` output: the same content as text (table format) or one JSON object.
 * Every printed number has 2 decimals (SPEC §3 printing rule) except the weights, which are
 * printed as given; an analyst recomputes merit = Σ wᵢ·sᵢ ÷ Σ wᵢ from the lines shown, to
 * within 0.01 of rounding.
 */
import type { DukStep, ExplainResult } from '../../../app/population/explain.js';
import { COMPONENT_NAMES } from '../../../domain/merit.js';
import { format2, roundHalfAwayFromZero } from '../../../domain/numbers.js';
import type { AppraisalDetail } from '../../../db/queries/merit-inputs.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const round2 = (value: number | null): number | null => (value === null ? null : roundHalfAwayFromZero(value, 2));

/** A weight as given in the model (0.3 → "0.30", 0.125 → "0.125"): never rounded away. */
function weightText(weight: number): string {
  const text = String(weight);
  return /\.\d$/.test(text) ? `${text}0` : /^\d+$/.test(text) ? `${text}.00` : text;
}

/** Where one appraisal's predikat came from (SPEC §1.4: ratings matrix, else predikat, else nilai SKP). */
export function predikatSourceText(a: AppraisalDetail): string {
  if (a.predikat === null) return 'no performance value';
  const also: string[] = [];
  if (a.predikat_source !== 'predikat' && a.predikat_input !== null) also.push(`predikat column said ${a.predikat_input}`);
  if (a.predikat_source !== 'nilai_skp' && a.nilai_skp !== null) also.push(`nilai SKP ${a.nilai_skp}`);
  const ignored = also.length === 0 ? '' : ` (ignored: ${also.join(', ')})`;
  switch (a.predikat_source) {
    case 'ratings':
      return `ratings matrix: hasil ${a.rating_hasil ?? '?'} × perilaku ${a.rating_perilaku ?? '?'} → ${a.predikat}${ignored}`;
    case 'predikat':
      return `predikat column: ${a.predikat}${ignored}`;
    case 'nilai_skp':
      return `nilai SKP ${a.nilai_skp ?? '?'} → ${a.predikat}${ignored}`;
    default:
      return `${a.predikat} (source not recorded)`;
  }
}

function scopeText(r: ExplainResult): string {
  const within = r.scope.units.length === 0 ? '' : ` (units ${r.scope.units.join(' | ')})`;
  if (r.scope.all) return `all${within}`;
  return `unit ${r.scope.unit ?? '(no unit)'}`;
}

/** Σ wᵢ·sᵢ ÷ Σ wᵢ written out with the printed numbers. */
function formulaText(r: ExplainResult): string {
  const present = COMPONENT_NAMES.filter((n) => r.merit.components[n].value !== null);
  if (r.merit.merit === null) return `merit: none (${r.merit.status})`;
  const terms = present.map((n) => `${weightText(r.merit.components[n].weight)} × ${format2(r.merit.components[n].value)}`);
  const weightSum = present.reduce((s, n) => s + r.merit.components[n].weight, 0);
  const weighted = present.reduce((s, n) => s + r.merit.components[n].weight * (r.merit.components[n].value ?? 0), 0);
  return `merit = Σ wᵢ·sᵢ ÷ Σ wᵢ = (${terms.join(' + ')}) ÷ ${format2(weightSum)} = ${format2(weighted)} ÷ ${format2(weightSum)} = ${format2(r.merit.merit)}`;
}

function rankText(r: ExplainResult): string {
  if (r.rank === null || r.percentile === null) return `not ranked: ${r.merit.status} (no predikat in ${r.year - 1} or ${r.year})`;
  const n = r.rated;
  const how = n <= 1 ? '1 when n = 1' : `(${n} − ${r.rank}) ÷ (${n} − 1)`;
  return `rank ${r.rank} of ${n} rated · percentile ${how} = ${format2(r.percentile)}`;
}

/** DUK steps in words (SPEC §2). */
const DUK_STEP_LABEL: Record<DukStep['step'], string> = {
  group: 'jenis group', golonganCode: 'golongan code', tmtGolongan: 'TMT golongan', level: 'jabatan level',
  serviceMonths: 'service months', educationRank: 'education rank', tahunLulus: 'tahun lulus', tglLahir: 'tanggal lahir', nip: 'NIP',
};

function tiesText(r: ExplainResult): string | null {
  if (r.tiedWith.length === 0) return null;
  const others = r.tiedWith.map((t) => {
    const by = t.decidedBy === null ? '' : `; DUK ${DUK_STEP_LABEL[t.decidedBy.step]} ${t.decidedBy.mine ?? '?'} vs ${t.decidedBy.theirs ?? '?'}`;
    return `${t.nip} ${t.nama} (rank ${t.rank}${by})`;
  });
  return `same merit (6 decimals) as ${others.join(', ')}: the DUK order at ${r.referenceDate} decides between them`;
}

function dukText(r: ExplainResult): string {
  const k = r.duk.key;
  const group = r.duk.group === null ? 'with unknown jenis pegawai' : r.duk.group === 'PNS' ? 'PNS/CPNS' : 'PPPK';
  const facts = [
    `golongan ${r.employee.golongan ?? '?'}`, `TMT golongan ${k.tmtGolongan ?? '?'}`, `level ${k.level ?? '?'}`,
    `${k.serviceMonths ?? '?'} months of service`, `education rank ${k.educationRank ?? '?'}`,
    `lulus ${k.tahunLulus ?? '?'}`, `born ${k.tglLahir ?? '?'}`,
  ];
  return `DUK position ${r.duk.position} of ${r.duk.of} ${group} in the scope at ${r.referenceDate} (${facts.join(', ')})`;
}

function boxText(r: ExplainResult): string {
  if (r.box.box === null) return r.box.reason;
  const rec = r.box.recommendation;
  return `box ${r.box.box}: ${r.box.reason}${rec === null ? '' : `; ${rec.en} (${rec.id})`}`;
}

function modelLine(r: ExplainResult): string {
  const levels = r.levelsRederived ? ' · levels from the model' : '';
  return `# model ${r.model.name} sha256:${r.model.hash} · year ${r.year} · scope ${scopeText(r)}${levels}`;
}

function inputsText(inputs: Record<string, string | number | null>): string {
  return Object.entries(inputs).map(([k, v]) => `${k}=${v ?? '∅'}`).join(', ');
}

/** The text layout (table format, the default for --explain). */
export function renderExplainText(r: ExplainResult): string {
  const e = r.employee;
  const lines = [
    modelLine(r),
    `${e.nama} · NIP ${e.nip}`,
    `  unit ${e.unit ?? '?'} · ${e.jenisPegawai ?? '?'} · golongan ${e.golongan ?? '?'} · level ${e.level ?? '?'} · pendidikan ${e.pendidikan ?? '?'}`,
    '',
    `Appraisals (years ≤ ${r.year})`,
    ...(r.appraisals.length === 0 ? ['  none'] : r.appraisals.map((a) =>
      `  ${a.tahun}  ${(a.predikat ?? '-').padEnd(2)}  ${predikatSourceText(a)} · JPM ${a.jpm ?? '-'} · potensi ${a.potensi ?? a.potensi_score ?? '-'} · JP ${a.jp ?? '-'} · hukuman ${a.hukuman_disiplin ?? 'none'}`)),
    '',
    `Merit ${r.year}: ${r.merit.status}, coverage ${format2(r.merit.coverage)}`,
  ];
  for (const name of COMPONENT_NAMES) {
    const c = r.merit.components[name];
    const head = c.value === null
      ? `  ${name.padEnd(13)} missing (${c.missing ?? ''}) · weight ${weightText(c.weight)}, not counted`
      : `  ${name.padEnd(13)} ${format2(c.value).padStart(6)} × weight ${weightText(c.weight)} = ${format2(c.weight * c.value)} · contribution ${format2(c.contribution)}`;
    lines.push(head);
    if (c.rule !== '') lines.push(`                rule: ${c.rule}`);
    if (Object.keys(c.inputs).length > 0) lines.push(`                inputs: ${inputsText(c.inputs)}`);
  }
  lines.push(`  ${formulaText(r)}`, '', `Scope ${scopeText(r)}`, `  ${rankText(r)}`);
  const ties = tiesText(r);
  if (ties !== null) lines.push(`  ${ties}`);
  lines.push(`  ${dukText(r)}`, '', `Talent box ${r.year}`, `  ${boxText(r)}`, '');
  return lines.join('\n');
}

/** The same content as one JSON object (`--format json`); numbers rounded to 2 decimals, weights as given. */
export function explainJson(r: ExplainResult): Record<string, Json> {
  const e = r.employee;
  return {
    model: { name: r.model.name, hash: r.model.hash, file: r.model.file },
    year: r.year,
    reference_date: r.referenceDate,
    scope: { by: r.scope.all ? 'all' : 'unit', unit: r.scope.unit, units: r.scope.units },
    levels_rederived: r.levelsRederived,
    employee: {
      nip: e.nip, nama: e.nama, unit: e.unit, instansi: e.instansi, jenis_pegawai: e.jenisPegawai, golongan: e.golongan,
      level: e.level, pendidikan: e.pendidikan, tahun_lulus: e.tahunLulus, tmt_cpns: e.tmtCpns, tmt_golongan: e.tmtGolongan,
      tgl_lahir: e.tglLahir,
    },
    appraisals: r.appraisals.map((a) => ({ ...a, source_detail: predikatSourceText(a) })),
    status: r.merit.status,
    coverage: round2(r.merit.coverage),
    merit: round2(r.merit.merit),
    components: COMPONENT_NAMES.map((name) => {
      const c = r.merit.components[name];
      return {
        name, value: round2(c.value), weight: c.weight, weighted: c.value === null ? null : round2(c.weight * c.value),
        contribution: round2(c.contribution), rule: c.rule === '' ? null : c.rule, inputs: c.inputs, missing: c.missing,
      };
    }),
    formula: formulaText(r),
    rank: r.rank,
    rated: r.rated,
    percentile: round2(r.percentile),
    tied_with: r.tiedWith.map((t) => ({
      nip: t.nip, nama: t.nama, rank: t.rank,
      decided_by: t.decidedBy === null ? null : { step: t.decidedBy.step, mine: t.decidedBy.mine, theirs: t.decidedBy.theirs },
    })),
    duk: {
      position: r.duk.position, of: r.duk.of, group: r.duk.group, reference_date: r.referenceDate,
      golongan: e.golongan, tmt_golongan: r.duk.key.tmtGolongan, level: r.duk.key.level, service_months: r.duk.key.serviceMonths,
      education_rank: r.duk.key.educationRank, tahun_lulus: r.duk.key.tahunLulus, tgl_lahir: r.duk.key.tglLahir,
    },
    box: {
      box: r.box.box, kinerja: r.box.kinerja, potensial: r.box.potensial, reason: r.box.reason,
      recommendation: r.box.recommendation === null ? null : { id: r.box.recommendation.id, en: r.box.recommendation.en },
    },
  };
}

export function renderExplainJson(r: ExplainResult): string {
  return `${JSON.stringify(explainJson(r), null, 2)}\n`;
}
