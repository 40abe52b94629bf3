/**
 * `asn report` end to end (SPEC §6) on fixtures/minimal and fixtures/promotions: every type in
 * every format runs and states what produced it; the figures equal those of `asn rank` and
 * `asn audit` on the same database; the XLSX reads back with the right sheets and cell types;
 * usage errors exit 2 with what to do; an empty database gives a short report; --out is atomic.
 */
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimalDb, runAsn, tempDir, type RunResult } from './helpers.js';

const TIME = '2026-01-15T08:00:00.000Z';
const HASH = /[0-9a-f]{64}/;
type Json = Record<string, unknown>;
type Rows = Array<Record<string, unknown>>;

let minimal = '';
let promotions = '';

beforeAll(() => {
  minimal = minimalDb();
  promotions = tempDir('promotions');
  const r = runAsn(['import', 'promotions/personnel.csv', 'promotions/appraisals.csv', 'promotions/promotions.csv'], { cwd: promotions });
  if (r.code !== 0) throw new Error(`import of fixtures/promotions failed (${r.code}): ${r.stderr}`);
});

const dirOf = (fixture: string): string => (fixture === 'minimal' ? minimal : promotions);

function report(dir: string, args: string[], env: Record<string, string> = {}): RunResult {
  return runAsn(['report', ...args], { cwd: dir, env: { ASN_REPORT_TIME: TIME, ...env } });
}

function reportJson(dir: string, args: string[] = []): Json {
  const r = report(dir, [...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

function asnJson(dir: string, args: string[]): Rows {
  const r = runAsn([...args, '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Rows;
}

const pick = (rows: Rows, keys: string[]): Rows => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));

/** The employee of each fixture whose card is checked (flagged high in minimal, flagged high in promotions). */
const NIP: Record<string, string> = { minimal: '198403052009031003', promotions: '197003141997031001' };
const TYPES = ['summary', 'unit', 'employee', 'duk', 'audit'];
const FIRST_TABLE: Record<string, string> = { summary: 'headcount_jenis', unit: 'unit_headcount', employee: 'employee', duk: 'duk_pns', audit: 'audit_summary' };

describe.each(['minimal', 'promotions'])('every type × format on fixtures/%s', (fixture) => {
  const typeArgs = (type: string): string[] => (type === 'employee' ? ['--type', type, '--nip', NIP[fixture] as string] : ['--type', type]);

  it.each(TYPES)('%s: md and html state Y, model and hash, database, time made', (type) => {
    for (const format of ['md', 'html']) {
      const r = report(dirOf(fixture), [...typeArgs(type), '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('asn-merit-v1');
      expect(r.stdout).toMatch(HASH);
      expect(r.stdout).toContain('asn.db');
      expect(r.stdout).toContain(TIME);
      expect(r.stdout).toMatch(fixture === 'minimal' ? /2025-12-31/ : /2024-12-31/);
    }
  });

  it.each(TYPES)('%s: json has meta and a key per table; csv writes a named table', (type) => {
    const json = reportJson(dirOf(fixture), typeArgs(type));
    const meta = json.meta as Json;
    expect(meta).toMatchObject({ type, lang: 'id', year: fixture === 'minimal' ? 2025 : 2024, database: 'asn.db', generated_at: TIME });
    expect((meta.model as Json).hash).toMatch(HASH);
    expect(Object.keys(json)[0]).toBe('meta');
    expect(Object.keys(json)).toContain(FIRST_TABLE[type]);
    const csv = report(dirOf(fixture), [...typeArgs(type), '--format', 'csv', '--table', FIRST_TABLE[type] as string]);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(Object.keys((json[FIRST_TABLE[type] as string] as Rows)[0] ?? {}).join(','));
    expect(lines).toHaveLength((json[FIRST_TABLE[type] as string] as Rows).length + 1);
  });

  it.each(TYPES)('%s: xlsx has an info sheet and one sheet per table, NIP as text', async (type) => {
    const dir = dirOf(fixture);
    const out = `${type}-${fixture}.xlsx`;
    const r = report(dir, [...typeArgs(type), '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${type} report (xlsx) to ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, out));
    const json = reportJson(dir, typeArgs(type));
    const tables = Object.keys(json).filter((k) => k !== 'meta');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['info', ...tables]);
    const info = wb.getWorksheet('info');
    const infoText = info?.getSheetValues().flat().join(' ') ?? '';
    expect(infoText).toContain(TIME);
    expect(infoText).toMatch(HASH);
    for (const sheet of wb.worksheets.slice(1)) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows = json[sheet.name] as Rows;
      expect(sheet.rowCount).toBe(rows.length + 1);
    }
  });
});

describe('xlsx cell types (SPEC §6: NIP as text, dates as dates, numbers as numbers)', () => {
  async function sheetOf(args: string[], sheet: string): Promise<ExcelJS.Worksheet> {
    const out = `cells-${sheet}.xlsx`;
    const r = report(minimal, [...args, '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(minimal, out));
    const ws = wb.getWorksheet(sheet);
    if (ws === undefined) throw new Error(`no sheet ${sheet}`);
    return ws;
  }
  const column = (ws: ExcelJS.Worksheet, header: string): number => {
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const index = headers.indexOf(header);
    if (index < 1) throw new Error(`no column "${header}" in ${headers.join(', ')}`);
    return index;
  };

  it('DUK: NIP text of 18 digits, TMT golongan a date, masa kerja a number, headers in Indonesian', async () => {
    const ws = await sheetOf(['--type', 'duk'], 'duk_pns');
    const row = ws.getRow(2);
    const nip = row.getCell(column(ws, 'NIP'));
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toMatch(/^\d{18}$/);
    expect(row.getCell(column(ws, 'TMT golongan')).value).toEqual(new Date('2019-04-01T00:00:00Z'));
    expect(row.getCell(column(ws, 'MK tahun')).value).toBe(29);
    expect(row.getCell(column(ws, 'Unit kerja')).value).toBe('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
  });

  it('top 10: merit and percentile numbers, NIP text, predikat shares as fractions', async () => {
    const ws = await sheetOf([], 'top_merit');
    const row = ws.getRow(2);
    expect(row.getCell(column(ws, 'NIP')).value).toBe('197105201996031002');
    expect(row.getCell(column(ws, 'Nilai merit')).value).toBe(98.05);
    expect(row.getCell(column(ws, 'Persentil')).value).toBe(1);
    const predikat = await sheetOf([], 'predikat');
    expect(predikat.getRow(2).values).toEqual([undefined, 'Sangat Baik (SB)', 10, 0.2632, 11, 0.2895]);
    expect(predikat.getRow(7).getCell(1).value).toBe('Jumlah');
  });

  it('shares keep the fraction as the value and show as a percentage (0.0%); other numbers keep their format', async () => {
    const predikat = await sheetOf([], 'predikat');
    // SB 2025: 11 of 38 rated = 0.2895 (fixture README), shown by Excel as 28.9%.
    const share = predikat.getRow(2).getCell(column(predikat, '% 2025'));
    expect(share.value).toBe(0.2895);
    expect(share.numFmt).toBe('0.0%');
    expect(predikat.getRow(2).getCell(column(predikat, 'Jumlah 2025')).numFmt).toBe('0');
    const audit = await sheetOf([], 'audit_summary');
    const rate = audit.getRow(2).getCell(column(audit, '% ditandai'));
    expect(typeof rate.value).toBe('number');
    expect(rate.numFmt).toBe('0.0%');
    expect(audit.getRow(2).getCell(column(audit, 'p (uji tanda)')).numFmt).toBe('0.000000');
    const top = await sheetOf([], 'top_merit');
    expect(top.getRow(2).getCell(column(top, 'Nilai merit')).numFmt).toBe('0.00');
    expect(top.getRow(2).getCell(column(top, 'Persentil')).numFmt).not.toBe('0.0%');
  });
});

describe('figures equal asn rank and asn audit on the same database', () => {
  it.each(['minimal', 'promotions'])('summary top 10 = asn rank --limit 10 (%s)', (fixture) => {
    const json = reportJson(dirOf(fixture));
    const rank = asnJson(dirOf(fixture), ['rank', '--limit', '10']);
    const keys = ['rank', 'nip', 'nama', 'unit', 'golongan', 'merit', 'box', 'percentile'];
    expect(pick(json.top_merit as Rows, keys)).toEqual(pick(rank, keys));
    expect((json.top_merit as Rows).length).toBe(10);
  });

  it.each(['minimal', 'promotions'])('summary and audit report = asn audit (%s)', (fixture) => {
    const dir = dirOf(fixture);
    const events = asnJson(dir, ['audit']);
    const flagged = events.filter((e) => e.flagged === true).length;
    const audited = events.filter((e) => e.status === 'audited').length;
    const summary = reportJson(dir).audit_summary as Rows;
    const total = summary[summary.length - 1];
    expect(total).toMatchObject({ unit: '(all)', events: events.length, audited, flagged });
    // status_reason is in words of --lang: in English it is asn audit's, word for word.
    const full = reportJson(dir, ['--type', 'audit', '--lang', 'en']);
    const keys = Object.keys(events[0] ?? {});
    expect(pick(full.audit_events as Rows, keys)).toEqual(events);
    const unaudited = events.filter((e) => e.status !== 'audited');
    expect(unaudited.every((e) => typeof e.status_reason === 'string' && e.status_reason !== '')).toBe(true);
    expect((reportJson(dir).audit_not_audited as Rows).map((e) => [e.nip, e.tmt, e.status])).toEqual(unaudited.map((e) => [e.nip, e.tmt, e.status]));
    const auditSummary = asnJson(dir, ['audit', '--summary']);
    const overall = auditSummary.find((r) => r.scope === 'overall');
    const all = (full.audit_summary as Rows).at(-1);
    for (const key of ['events', 'audited', 'flagged', 'flag_rate', 'mean_merit_percentile', 'mean_seniority_percentile', 's', 'm', 'p_value', 'seniority_biased']) {
      expect(all?.[key], key).toEqual(overall?.[key]);
    }
  });

  it('minimal: the two flagged events of the fixture README (Heru low, Bayu high) and Bayu\'s pool', () => {
    const full = reportJson(minimal, ['--type', 'audit']);
    const flagged = (full.audit_events as Rows).filter((e) => e.flagged === true).map((e) => [e.nip, e.severity, e.merit_gap]);
    expect(flagged).toEqual([['197001231995031001', 'low', 11.95], ['198403052009031003', 'high', 26]]);
    const pool = (full.audit_pools as Rows).filter((p) => p.event_nip === '198403052009031003').map((p) => [p.nip, p.merit, p.role]);
    expect(pool).toEqual([['199406212020032011', 92, 'passed_over'], ['199305092022042002', 79, 'passed_over'], ['198403052009031003', 66, 'promoted']]);
  });

  it.each(['minimal', 'promotions'])('unit report: best of each unit = asn rank --by unit --limit 1 (%s)', (fixture) => {
    const json = reportJson(dirOf(fixture), ['--type', 'unit']);
    const best = asnJson(dirOf(fixture), ['rank', '--by', 'unit', '--limit', '1']);
    const rows = (json.unit_merit as Rows).filter((r) => r.unit !== '(all)');
    expect(rows.map((r) => [r.unit, r.top_nip, r.top_merit])).toEqual(best.map((b) => [b.unit, b.nip, b.merit]));
  });

  it.each(['minimal', 'promotions'])('merit distribution per unit agrees with the ranked merits (%s)', (fixture) => {
    const rank = asnJson(dirOf(fixture), ['rank']);
    const rows = reportJson(dirOf(fixture)).merit_by_unit as Rows;
    for (const row of rows) {
      const merits = rank.filter((r) => row.unit === '(all)' || r.unit === row.unit).map((r) => r.merit as number);
      expect(row.rated).toBe(merits.length);
      // rank prints merit rounded to 2 decimals, the report averages the unrounded values
      expect(Math.abs((row.mean as number) - merits.reduce((s, m) => s + m, 0) / merits.length)).toBeLessThan(0.006);
      expect(row.max).toBe(Math.max(...merits));
    }
  });

  it('minimal: predikat, 9-box, JPM, training and quality figures', () => {
    const json = reportJson(minimal);
    const rank = asnJson(minimal, ['rank', '--all']);
    const predikat = json.predikat as Rows;
    expect(predikat.at(-1)).toMatchObject({ predikat: '(total)', count_prev: 38, count_y: 38 });
    const boxes = json.talent_box as Rows;
    for (const box of boxes.slice(0, 9)) expect(box.employees, `box ${String(box.box)}`).toBe(rank.filter((r) => r.box === box.box).length);
    expect(boxes.find((b) => b.box === 9)?.recommendation).toBe('Dipromosikan dan dipertahankan; Masuk Kelompok Rencana Suksesi Instansi/Nasional; Penghargaan');
    const quality = Object.fromEntries((json.data_quality as Rows).map((r) => [r.issue, r.count]));
    expect(quality).toMatchObject({
      unrated: rank.filter((r) => r.status === 'unrated').length,
      incomplete: rank.filter((r) => r.status === 'incomplete').length,
      missing_pendidikan: 1,
      rejected_rows: 0,
    });
    expect((json.jpm as Rows).at(-1)).toMatchObject({ employees: 40 });
    expect((json.training as Rows).map((r) => r.group)).toEqual(['PNS', 'PPPK']);
    expect((json.headcount_unit as Rows).at(-1)).toMatchObject({ unit: '(total)', employees: 40, pns: 35, pppk: 5 });
  });

  it.each(['minimal', 'promotions'])('employee card: components, rank overall and in unit = asn rank (%s)', (fixture) => {
    const dir = dirOf(fixture);
    const nip = NIP[fixture] as string;
    const json = reportJson(dir, ['--type', 'employee', '--nip', nip]);
    const overall = asnJson(dir, ['rank']).find((r) => r.nip === nip);
    const inUnit = asnJson(dir, ['rank', '--by', 'unit']).find((r) => r.nip === nip);
    const components = Object.fromEntries((json.components as Rows).map((c) => [c.component, c.value]));
    for (const name of ['kinerja', 'kompetensi', 'pengembangan', 'kualifikasi', 'disiplin']) expect(components[name], name).toBe(overall?.[name]);
    const ranking = json.ranking as Rows;
    expect(ranking[0]).toMatchObject({ scope: 'all', merit: overall?.merit, rank: overall?.rank, percentile: overall?.percentile });
    expect(ranking[1]).toMatchObject({ scope: 'unit', scope_unit: inUnit?.unit, rank: inUnit?.rank, percentile: inUnit?.percentile });
    expect((json.talent as Rows)[0]?.box).toBe(overall?.box);
    const findings = json.audit_findings as Rows;
    expect(findings.find((f) => f.role === 'promoted')).toMatchObject({ flagged: true, severity: 'high', status: 'audited' });
  });

  it('minimal: a passed-over candidate sees the finding on their own card', () => {
    const json = reportJson(minimal, ['--type', 'employee', '--nip', '199406212020032011']);
    expect(json.audit_findings).toEqual([expect.objectContaining({ role: 'passed_over', promoted_nip: '198403052009031003', merit: 92, merit_gap: 26 })]);
  });

  it('minimal: the DUK per unit at T, PNS/CPNS and PPPK apart, in DUK order', () => {
    const json = reportJson(minimal, ['--type', 'duk']);
    const pns = json.duk_pns as Rows;
    const pppk = json.duk_pppk as Rows;
    expect(pns.length + pppk.length).toBe(40);
    expect(pppk.every((r) => r.jenis_pegawai === 'PPPK')).toBe(true);
    expect(pns.some((r) => r.jenis_pegawai === 'PPPK')).toBe(false);
    const bkpsdm = pns.filter((r) => r.unit === 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
    expect(bkpsdm.map((r) => r.no)).toEqual(bkpsdm.map((_r, i) => i + 1));
    expect(bkpsdm[0]).toMatchObject({ nip: '197105201996031002', golongan: 'IV/c', masa_kerja_tahun: 29, masa_kerja_bulan: 9 });
    // README: the DUK tie pair — same golongan III/b, Fitri's TMT golongan 2019 before Yoga's 2023.
    const fitri = bkpsdm.findIndex((r) => r.nip === '199009302015032002');
    const yoga = bkpsdm.findIndex((r) => r.nip === '199201152019031006');
    expect(fitri).toBeGreaterThanOrEqual(0);
    expect(fitri).toBeLessThan(yoga);
  });
});

describe('status_reason in the reports (SPEC §7): why an event was not audited, in --lang', () => {
  // fixtures/minimal: Siti Rahayu (2024-07-01, Dinas Kesehatan) came from level 1; the only other
  // level-1 person of the unit, Slamet Riyanto, has no predikat for 2022 (strict eligibility).
  const SITI_ID = 'tidak ada pegawai level 1 di unit ini dengan predikat ≥ Baik pada 2022 dan 2023';
  const SITI_EN = 'no one at level 1 in the unit had predikat ≥ B in 2022 and 2023';
  it('summary md and html list the events not audited with their reason', () => {
    const md = report(minimal, []).stdout;
    expect(md).toContain('### Promosi yang tidak diaudit dan alasannya');
    expect(md).toMatch(new RegExp(`\\| 198701192010012009 \\| Siti Rahayu +\\| 2024-07-01 \\| Dinas Kesehatan +\\| Tanpa pembanding \\| ${SITI_ID} +\\|`));
    const html = report(minimal, ['--format', 'html', '--lang', 'en']).stdout;
    expect(html).toContain('<h3>Promotions not audited, and why</h3>');
    expect(html).toContain(`<td>${SITI_EN}</td>`);
  });

  it('the employee card and the audit report carry it too', () => {
    const card = report(minimal, ['--type', 'employee', '--nip', '198701192010012009']).stdout;
    expect(card).toContain(SITI_ID);
    const audit = reportJson(minimal, ['--type', 'audit']).audit_events as Rows;
    expect(audit.find((e) => e.nip === '198701192010012009')?.status_reason).toBe(SITI_ID);
    expect(audit.filter((e) => e.status === 'audited').every((e) => e.status_reason === null)).toBe(true);
  });
});

describe('languages, determinism, time', () => {
  it('--lang en puts English words on the same figures', () => {
    const idText = report(minimal, []).stdout;
    const enText = report(minimal, ['--lang', 'en']).stdout;
    expect(idText).toContain('# Ringkasan Evaluasi 2025');
    expect(idText).toContain('Distribusi Predikat Kinerja 2024 dan 2025');
    expect(enText).toContain('# Evaluation Summary 2025');
    expect(enText).toContain('Performance Rating (Predikat) Distribution 2024 and 2025');
    const idJson = reportJson(minimal);
    const enJson = reportJson(minimal, ['--lang', 'en']);
    expect(enJson.top_merit).toEqual(idJson.top_merit);
    expect(enJson.predikat).toEqual(idJson.predikat);
  });

  it('the same database and flags give byte-identical output (SPEC §7)', () => {
    for (const format of ['md', 'html', 'json']) {
      expect(report(minimal, ['--format', format]).stdout).toBe(report(minimal, ['--format', format]).stdout);
    }
  });

  it('--as-of-time wins over ASN_REPORT_TIME', () => {
    const r = report(minimal, ['--as-of-time', '2026-02-01T00:00:00+07:00']);
    expect(r.stdout).toContain('- Dibuat: 2026-01-31T17:00:00.000Z');
  });

  it('without either, the time made is now', () => {
    const r = runAsn(['report', '--format', 'json'], { cwd: minimal });
    const made = Date.parse((JSON.parse(r.stdout) as { meta: { generated_at: string } }).meta.generated_at);
    expect(Math.abs(made - Date.now())).toBeLessThan(60_000);
  });
});

describe('usage errors exit 2 and say what to do', () => {
  it.each<[string, string[], RegExp]>([
    ['csv without --table lists the tables', ['--format', 'csv'], /--table[\s\S]*tables: headcount_jenis, headcount_golongan, .*top_merit, audit_summary, audit_not_audited, calibration_distribution, data_quality, imports/],
    ['unknown --table', ['--format', 'csv', '--table', 'nope'], /no table "nope"[\s\S]*tables: /],
    ['--table with json', ['--format', 'json', '--table', 'predikat'], /--table applies to --format csv only/],
    ['xlsx without --out', ['--format', 'xlsx'], /--format xlsx needs --out FILE/],
    ['unknown format', ['--format', 'pdf'], /use one of: md, html, csv, json, xlsx/],
    ['unknown type', ['--type', 'ranking'], /--type ranking is not known[\s\S]*summary, unit, employee, duk, audit/],
    ['unknown lang', ['--lang', 'jv'], /--lang jv is not known[\s\S]*id, en/],
    ['employee without --nip', ['--type', 'employee'], /--type employee needs --nip/],
    ['--nip on another type', ['--nip', '198403052009031003'], /--nip applies to --type employee only/],
    ['a NIP that is not 18 digits', ['--type', 'employee', '--nip', '1984030520'], /--nip 1984030520/],
    ['an unknown NIP', ['--type', 'employee', '--nip', '198403052009031099'], /no employee with NIP 198403052009031099/],
    ['a year without appraisals', ['--year', '2019'], /no appraisals for year 2019[\s\S]*2023, 2024, 2025/],
    ['a bad --as-of-time', ['--as-of-time', 'kemarin'], /not an ISO 8601 time/],
  ])('%s', (_label, args, message) => {
    const r = report(minimal, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('no database: exit 3, import first', () => {
    const r = report(tempDir(), []);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no database[\s\S]*asn import/);
  });
});

describe('empty data gives a short report that says what to import', () => {
  let empty = '';
  let staffOnly = '';
  beforeAll(() => {
    empty = tempDir();
    writeFileSync(join(empty, 'p.csv'), 'NIP,NAMA\n');
    runAsn(['import', 'p.csv'], { cwd: empty });
    staffOnly = tempDir('minimal');
    runAsn(['import', 'minimal/personnel.csv'], { cwd: staffOnly });
  });

  it.each(TYPES)('no employees: %s exits 0 and names the import command', (type) => {
    const args = type === 'employee' ? ['--type', type, '--nip', '198403052009031003'] : ['--type', type];
    const r = report(empty, args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('asn import personnel.csv appraisals.csv promotions.csv');
    const json = reportJson(empty, args);
    expect((json.meta as Json).empty).toBe('no-employees');
    expect(Object.keys(json)).toEqual(['meta']);
  });

  it('no employees: csv says there is nothing yet (exit 2), html is still a whole page', () => {
    expect(report(empty, ['--format', 'csv', '--table', 'predikat']).stderr).toMatch(/no tables yet[\s\S]*asn import/);
    const html = report(empty, ['--format', 'html']).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  });

  it.each(['summary', 'unit'])('personnel only: %s has headcount and asks for appraisals and promotions', (type) => {
    const r = report(staffOnly, ['--type', type]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('asn import appraisals.csv');
    expect(r.stdout).toContain('asn import promotions.csv');
    expect(reportJson(staffOnly, ['--type', type]).meta).toMatchObject({ empty: 'no-appraisals', year: null });
  });

  it('personnel only: --year changes nothing, the report still asks for appraisals', () => {
    const r = report(staffOnly, ['--year', '2025']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('asn import appraisals.csv');
    expect(reportJson(staffOnly, ['--type', 'duk', '--year', '2024']).meta).toMatchObject({ year: 2024, reference_date: '2024-12-31' });
  });

  it('personnel only: the DUK is drawn up at the end of the report year', () => {
    const json = reportJson(staffOnly, ['--type', 'duk']);
    expect(json.meta).toMatchObject({ year: 2026, reference_date: '2026-12-31', empty: null });
    expect((json.duk_pns as Rows).length + (json.duk_pppk as Rows).length).toBe(40);
  });
});

describe('--out writes atomically, privately', () => {
  it.each(['md', 'html', 'json', 'xlsx'])('%s: the file appears whole, mode 0600, no temporary file left', (format) => {
    const dir = tempDir();
    const r = runAsn(['--db', join(minimal, 'asn.db'), 'report', '--format', format, '--out', `report.${format}`], { cwd: dir, env: { ASN_REPORT_TIME: TIME } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([`report.${format}`]);
    expect(statSync(join(dir, `report.${format}`)).mode & 0o777).toBe(0o600);
    if (format !== 'xlsx') expect(readFileSync(join(dir, `report.${format}`), 'utf8')).toBe(report(minimal, ['--format', format]).stdout);
  });

  it('a directory that does not exist: exit 3, nothing written', () => {
    const dir = tempDir();
    const r = runAsn(['--db', join(minimal, 'asn.db'), 'report', '--out', 'missing/report.md'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write missing\/report\.md/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('replaces an existing report in one step', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md'), 'old report\n');
    const r = runAsn(['--db', join(minimal, 'asn.db'), 'report', '--out', 'report.md'], { cwd: dir, env: { ASN_REPORT_TIME: TIME } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^# Ringkasan Evaluasi 2025/);
  });
});

describe('help', () => {
  it('lists the options and ends with examples', () => {
    const r = runAsn(['report', '--help'], { cwd: minimal });
    expect(r.code).toBe(0);
    for (const flag of ['--type', '--nip', '--year', '--lang', '--out', '--table', '--as-of-time']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('asn report --format html --out');
  });
});
