/**
 * `asn report --type candidates` (SPEC §11, §6): a document a selection committee can print —
 * the post, the date and the scope; the rules applied with their regulations; the ranked list;
 * the excluded with every reason, in `--lang`. The figures are those of `asn candidates` with the
 * same options (listCandidates).
 */
import { listCandidates, type CandidatesResult } from '../candidates/candidates.js';
import { ELIGIBILITY_RULES } from '../../domain/eligibility.js';
import { reasonsText, regulationText, requirementText } from '../../domain/eligibility-reasons.js';
import { noteBlock, int, num, section, tableBlock, text } from './table-helpers.js';
import type { ReportMeta, ReportRequest, ReportSection, ReportTable } from './types.js';

/** The post levels in words (SPEC §1.5), both languages. */
const LEVEL_WORDS: Record<number, { id: string; en: string }> = {
  5: { id: 'pengawas', en: 'supervisor (pengawas)' },
  6: { id: 'administrator', en: 'administrator' },
  7: { id: 'JPT pratama', en: 'JPT pratama (senior executive)' },
  8: { id: 'JPT madya', en: 'JPT madya' },
  9: { id: 'JPT utama', en: 'JPT utama' },
};

function vacancyWords(result: CandidatesResult, lang: 'id' | 'en'): string {
  const v = result.vacancy.input;
  if (v.kind === 'level') return lang === 'id' ? `jabatan level ${v.value}` : `a post of level ${v.value}`;
  return v.kind === 'eselon' ? `eselon ${v.value}` : v.value;
}

function scopeWords(result: CandidatesResult, lang: 'id' | 'en'): string {
  const s = result.scope;
  if (s.kind === 'all') return lang === 'id' ? 'semua pegawai dalam basis data' : 'everyone in the database';
  return `${s.kind === 'unit' ? (lang === 'id' ? 'unit kerja' : 'unit') : 'instansi'} ${s.names.join(', ')}`;
}

function requestTable(result: CandidatesResult, lang: 'id' | 'en'): ReportTable {
  const p = result.pool;
  const level = LEVEL_WORDS[result.vacancy.level]?.[lang] ?? '';
  const rows: Array<[string, string | number]> = [
    ['post', vacancyWords(result, lang)],
    ['level', `${result.vacancy.level} · ${level}`],
    ['date', result.date],
    ['scope', scopeWords(result, lang)],
    ['merit_year', result.year],
    ['counted_years', result.countedYears.join(', ')],
    ['scope_people', p.scope],
    ['pool', p.pool],
    ['eligible', result.candidates.length],
    ['excluded', result.excluded.length],
  ];
  return {
    name: 'candidates_request',
    columns: [text('field', 'candidateField'), text('value')],
    rows: rows.map(([field, value]) => ({ field, value: String(value) })),
  };
}

function rulesTable(result: CandidatesResult, lang: 'id' | 'en'): ReportTable {
  const rows = [{
    rule: 'pool',
    requirement: lang === 'id'
      ? `PNS (bukan CPNS, bukan PPPK) yang aktif pada ${result.date}, dengan level jabatan di bawah ${result.vacancy.level}`
      : `PNS (not CPNS, not PPPK) active on ${result.date}, in a post below level ${result.vacancy.level}`,
    regulation: lang === 'id' ? 'PP 11/2017 (berstatus PNS); SPEC §11' : 'PP 11/2017 (PNS status); SPEC §11',
  }];
  for (const rule of ELIGIBILITY_RULES) {
    const requirement = requirementText(rule, result.rules, result.eligibility, result.countedYears, result.date, lang);
    if (requirement !== null) rows.push({ rule, requirement, regulation: regulationText(rule, result.vacancy.level, lang) });
  }
  return { name: 'candidates_rules', columns: [text('rule', 'eligibilityRule'), text('requirement'), text('regulation')], rows };
}

function listTable(result: CandidatesResult, limit: number | undefined): ReportTable {
  const shown = limit === undefined ? result.candidates : result.candidates.slice(0, limit);
  return {
    name: 'candidates',
    columns: [
      int('rank'), text('nip'), text('nama'), text('unit'), text('golongan'), int('level'), num('merit'), int('box'),
      text('predikat_1'), text('predikat_2'), int('service_years'), int('years_at_level'), int('age'), int('years_to_bup'),
      text('succession_pool', 'yesno'),
    ],
    rows: shown.map((c) => ({
      rank: c.rank, nip: c.nip, nama: c.nama, unit: c.unit, golongan: c.golongan, level: c.level, merit: c.merit, box: c.box,
      predikat_1: c.predikat1, predikat_2: c.predikat2, service_years: c.serviceYears, years_at_level: c.yearsAtLevel,
      age: c.age, years_to_bup: c.yearsToBup, succession_pool: c.successionPool,
    })),
  };
}

function excludedTable(result: CandidatesResult, lang: 'id' | 'en'): ReportTable {
  return {
    name: 'candidates_excluded',
    columns: [text('nip'), text('nama'), text('unit'), text('reasons')],
    rows: result.excluded.map((x) => ({ nip: x.nip, nama: x.nama, unit: x.unit, reasons: reasonsText(x.failures, lang) })),
  };
}

/** The sections of the candidates report; sets the meta's Y (the merit year). */
export function candidatesSections(request: ReportRequest, meta: ReportMeta): ReportSection[] {
  const options = request.candidates;
  if (options === undefined) throw new Error('a candidates report needs its options');
  const result = listCandidates({
    db: request.db, vacancy: options.vacancy, units: options.units,
    ...(options.instansi === undefined ? {} : { instansi: options.instansi }),
    ...(options.date === undefined ? {} : { date: options.date }),
    ...(request.modelFile === undefined ? {} : { modelFile: request.modelFile }),
  });
  meta.year = result.year;
  const lang = request.lang;
  return [
    section('candidates-post', [
      noteBlock({
        id: 'candidates-state',
        params: {
          date: result.date,
          // Dates and riwayat kinds are the same words in both languages; '–' when none (state-at-date.ts).
          snapshots: result.state.snapshots.length === 0 ? '–' : result.state.snapshots.join(', '),
          riwayat: result.state.riwayat.length === 0 ? '–' : result.state.riwayat.join(', '),
        },
      }),
      tableBlock(requestTable(result, lang)),
    ]),
    section('candidates-rules', [tableBlock(rulesTable(result, lang))]),
    section('candidates-list', [
      ...(result.candidates.length === 0 ? [noteBlock({ id: 'candidates-none' })] : []),
      tableBlock(listTable(result, options.limit)),
    ]),
    section('candidates-excluded', [tableBlock(excludedTable(result, lang))]),
  ];
}
