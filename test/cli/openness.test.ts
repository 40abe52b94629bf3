/**
 * Openness and fairness (SPEC §12) end to end, on fixtures/fairness (a generated organisation
 * with a planted gender gap in promotions and small units): the public report in every format
 * scanned for personal data and small counts, the fairness figures recounted independently from
 * the audit pools and the personnel file, the cards of everyone, and the bad input of §12.
 */
import { fisherByHand } from '../support/fisher-by-hand.js';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, query, runAsn, tempDir } from './helpers.js';
import {
  csvCells, htmlCells, isSmallCountText, markdownCells, personalDataIn, scanXlsx, smallCountsInJson, type Person,
} from './leak-scan.js';

type Row = Record<string, string>;
const K = 5;
let dir = '';
let people: Person[] = [];

const asn = (args: string[]) => runAsn(args, { cwd: dir, env: { ASN_REPORT_TIME: '2026-01-15T08:00:00Z' } });
const csvRows = (text: string): Row[] => parse(text, { columns: true, bom: true }) as Row[];

beforeAll(() => {
  dir = tempDir('fairness');
  const r = runAsn(['import', 'fairness/personnel.csv', 'fairness/appraisals.csv', 'fairness/promotions.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import of fixtures/fairness failed (${r.code}): ${r.stderr}`);
  people = query<Person>(join(dir, 'asn.db'), 'SELECT nip, nama, tgl_lahir FROM employees');
});

describe('the leak scanner finds what it is for (planted leaks)', () => {
  const someone: Person = { nip: '198001012005011001', nama: 'Budi Contoh', tgl_lahir: '1980-01-01' };

  it('finds a NIP, a name and a birth date', () => {
    expect(personalDataIn('<td>198001012005011001</td>', [someone])).toEqual(['nip 198001012005011001']);
    expect(personalDataIn('| Budi Contoh |', [someone])).toEqual(['nama Budi Contoh']);
    expect(personalDataIn('lahir 1980-01-01', [someone])).toEqual(['tgl_lahir 1980-01-01 (198001012005011001)']);
    expect(personalDataIn('| unit | 12 |', [someone])).toEqual([]);
  });

  it('finds a count below k in md, html and csv cells, but not the markers, zero, k, shares or group names', () => {
    expect(markdownCells('| Unit | 3 |\n| ---- | -: |\n| A | <5 |').filter((c) => isSmallCountText(c, K))).toEqual([' 3 ']);
    expect(htmlCells('<tr><td class="num">4</td><td>&lt;5</td><td>*</td><td>0</td><td>5</td></tr>').filter((c) => isSmallCountText(c, K))).toEqual(['4']);
    expect(csvCells('a,b,c,d,e\n<5,*,2,0.0000,35-44\n').filter((c) => isSmallCountText(c, K))).toEqual(['2']);
  });

  it('finds a count below k in json and xlsx, ignoring shares of 1', async () => {
    expect(smallCountsInJson({ meta: { year: 1 }, t: [{ sb: '<5', b: 3, share_b: 1, rate: 1, impact_ratio: 1 }] }, K)).toEqual(['t[0].b = 3']);
    const file = join(dir, 'planted.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('t');
    sheet.addRow(['unit', 'sb', 'share']);
    sheet.addRow(['A', 2, 1]);
    sheet.getCell('B2').numFmt = '0';
    sheet.getCell('C2').numFmt = '0.0000';
    await wb.xlsx.writeFile(file);
    expect((await scanXlsx(file, K)).small).toEqual(['t!B2 = 2']);
  });
});

describe('asn report --type public (SPEC §12)', () => {
  const tables = ['public_employees', 'public_predikat', 'public_talent', 'public_training', 'public_audit', 'public_fairness'];

  it('md, html, csv (every table), json and xlsx hold no NIP, name or birth date, and no count below k', async () => {
    expect(people.length).toBe(129);
    const texts: Array<[string, string, string[]]> = [];
    for (const format of ['md', 'html']) {
      const r = asn(['report', '--type', 'public', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      texts.push([format, r.stdout, format === 'md' ? markdownCells(r.stdout) : htmlCells(r.stdout)]);
    }
    for (const table of tables) {
      const r = asn(['report', '--type', 'public', '--format', 'csv', '--table', table]);
      expect(r.code, r.stderr).toBe(0);
      texts.push([`csv ${table}`, r.stdout, csvCells(r.stdout)]);
    }
    const json = asn(['report', '--type', 'public', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    texts.push(['json', json.stdout, []]);
    const xlsx = asn(['report', '--type', 'public', '--format', 'xlsx', '--out', 'public.xlsx']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const workbook = await scanXlsx(join(dir, 'public.xlsx'), K);
    texts.push(['xlsx', workbook.text, []]);

    for (const [format, text, cells] of texts) {
      expect(personalDataIn(text, people), format).toEqual([]);
      expect(cells.filter((c) => isSmallCountText(c, K)), format).toEqual([]);
      // the markers are there: suppression happened in every format (csv: in some table)
      if (!format.startsWith('csv')) expect(text, format).toMatch(/<5|&lt;5/);
    }
    expect(texts.filter(([f, t]) => f.startsWith('csv') && t.includes('<5')).length).toBeGreaterThan(3);
    expect(smallCountsInJson(JSON.parse(json.stdout) as Record<string, unknown>, K)).toEqual([]);
    expect(workbook.small).toEqual([]);
  });

  it('every format but csv says it contains no personal data (json in meta)', async () => {
    for (const format of ['md', 'html']) expect(asn(['report', '--type', 'public', '--format', format]).stdout).toContain('tidak memuat data pribadi');
    expect(asn(['report', '--type', 'public', '--format', 'md', '--lang', 'en']).stdout).toContain('contains no personal data');
    const meta = (JSON.parse(asn(['report', '--type', 'public', '--format', 'json']).stdout) as { meta: Record<string, unknown> }).meta;
    expect(meta.personal_data).toBe(false);
    expect(String(meta.privacy)).toContain('tidak memuat data pribadi');
    expect(meta.nip).toBeNull();
    expect((await scanXlsx(join(dir, 'public.xlsx'), K)).text).toContain('tidak memuat data pribadi');
  });

  it('pools the three small units (2 + 3 + 4 employees) into one row and keeps the six large ones', () => {
    const rows = csvRows(asn(['report', '--type', 'public', '--format', 'csv', '--table', 'public_employees']).stdout);
    expect(rows.map((r) => r.unit)).toEqual([
      'Badan Kepegawaian dan Pengembangan SDM', 'Dinas Kesehatan', 'Dinas Pekerjaan Umum', 'Dinas Pendidikan', 'Dinas Pertanian', 'Dinas Sosial',
      'unit lain (< 5 pegawai)', '(all)',
    ]);
    expect(rows.map((r) => r.employees)).toEqual(['20', '20', '20', '20', '20', '20', '9', '129']);
    const csv = asn(['report', '--type', 'public', '--format', 'csv', '--table', 'public_employees']).stdout;
    for (const small of ['Inspektorat Pembantu Wilayah', 'Kantor Kesatuan Bangsa', 'Unit Layanan Pengadaan']) expect(csv).not.toContain(small);
  });

  it('hides the promotion counts of each unit (3 events: <5) and every rate computed from them', () => {
    const rows = csvRows(asn(['report', '--type', 'public', '--format', 'csv', '--table', 'public_audit']).stdout);
    const unit = rows.find((r) => r.unit === 'Dinas Kesehatan')!;
    expect([unit.events, unit.audited, unit.flag_rate, unit.mean_merit_percentile]).toEqual(['<5', '<5', '*', '*']);
    const all = rows.find((r) => r.unit === '(all)')!;
    expect([all.events, all.audited]).toEqual(['18', '18']);
  });

  it('keeps the planted gender gap visible: women 5 of 108 candidate-events against men 13 of 90, flagged', () => {
    const rows = csvRows(asn(['report', '--type', 'public', '--format', 'csv', '--table', 'public_fairness']).stdout);
    const women = rows.find((r) => r.measure === 'promotion' && r.grouping === 'jenis_kelamin' && r.group === 'P')!;
    expect([women.candidates, women.selected, women.flag]).toEqual(['108', '5', 'four-fifths']);
    const unknown = rows.find((r) => r.measure === 'sb' && r.grouping === 'jenis_kelamin' && r.group === 'unknown')!;
    expect([unknown.candidates, unknown.rate, unknown.impact_ratio, unknown.flag]).toEqual(['<5', '*', '*', '*']);
  });

  it('k comes from the model: k = 10 hides more, and the model hash stays that of the merit', () => {
    writeFileSync(join(dir, 'k10.json'), '{"publication":{"suppressionK":10}}');
    const r = asn(['report', '--type', 'public', '--format', 'json', '--model', 'k10.json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { meta: { model: { hash: string } }; public_employees: Row[] };
    expect(json.public_employees.find((u) => u.unit === 'unit lain (< 10 pegawai)')?.employees).toBe('<10');
    expect(smallCountsInJson(json, 10)).toEqual([]);
    const plain = JSON.parse(asn(['report', '--type', 'public', '--format', 'json']).stdout) as { meta: { model: { hash: string } } };
    expect(json.meta.model.hash).toBe(plain.meta.model.hash);
  });

  it.each(['1', '0', '2.5'])('k = %s in a model file is a usage error (exit 2)', (k) => {
    writeFileSync(join(dir, 'bad-k.json'), `{"publication":{"suppressionK":${k}}}`);
    const r = asn(['report', '--type', 'public', '--model', 'bad-k.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('publication.suppressionK must be an integer ≥ 2');
  });
});

// ---- fairness recounted by hand from the audit pools and the input files ----

/** Whole years at `at` (independent of src/). */
function age(birth: string, at: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = at.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}
const band = (birth: string, at: string): string => {
  if (birth === '') return 'unknown';
  const a = age(birth, at);
  return a < 35 ? '<35' : a < 45 ? '35-44' : a < 55 ? '45-54' : '>=55';
};


interface Recount { measure: string; grouping: string; group: string; candidates: number; selected: number }

/** The fairness rows from candidate-events (measure, date, jk, birth, selected), computed from scratch. */
function recount(events: Array<{ measure: string; date: string; jk: string; birth: string; selected: boolean }>): Array<Recount & { rate: number; ratio: number | null; flag: string; p: number }> {
  const out: Array<Recount & { rate: number; ratio: number | null; flag: string; p: number }> = [];
  for (const measure of ['promotion', 'sb']) {
    for (const grouping of ['jenis_kelamin', 'age_band']) {
      const tally = new Map<string, Recount>();
      for (const e of events.filter((x) => x.measure === measure)) {
        const group = grouping === 'jenis_kelamin' ? (e.jk === 'L' || e.jk === 'P' ? e.jk : 'unknown') : band(e.birth, e.date);
        const t = tally.get(group) ?? { measure, grouping, group, candidates: 0, selected: 0 };
        t.candidates++;
        if (e.selected) t.selected++;
        tally.set(group, t);
      }
      const known = [...tally.values()].filter((t) => t.group !== 'unknown');
      const best = known.reduce<Recount | null>((m, t) => (m === null || t.selected * m.candidates > m.selected * t.candidates ? t : m), null);
      const sumC = [...tally.values()].reduce((s, t) => s + t.candidates, 0);
      const sumS = [...tally.values()].reduce((s, t) => s + t.selected, 0);
      for (const t of tally.values()) {
        const usable = best !== null && best.selected > 0;
        out.push({
          ...t,
          rate: t.selected / t.candidates,
          ratio: usable ? (t.selected / t.candidates) / (best.selected / best.candidates) : null,
          flag: usable && t.group !== 'unknown' && 5 * t.selected * best.candidates < 4 * best.selected * t.candidates ? 'four-fifths' : '',
          p: fisherByHand(t.selected, t.candidates - t.selected, sumS - t.selected, sumC - t.candidates - (sumS - t.selected)),
        });
      }
    }
  }
  return out;
}

describe('asn audit --fairness (SPEC §12), recounted from the pools of asn report --type audit and the input files', () => {
  it('every figure of the fairness table equals the recount', () => {
    const personnel = new Map(csvRows(readFileSync(join(FIXTURES, 'fairness/personnel.csv'), 'utf8')).map((p) => [p.NIP!, p]));
    const pools = csvRows(asn(['report', '--type', 'audit', '--format', 'csv', '--table', 'audit_pools']).stdout);
    expect(pools.length).toBeGreaterThan(0);
    const events = pools.map((m) => ({
      measure: 'promotion', date: m.event_tmt!, jk: personnel.get(m.nip!)!['JENIS KELAMIN']!, birth: personnel.get(m.nip!)!['TANGGAL LAHIR']!, selected: m.role === 'promoted',
    }));
    for (const a of csvRows(readFileSync(join(FIXTURES, 'fairness/appraisals.csv'), 'utf8')).filter((x) => x.TAHUN === '2024')) {
      const p = personnel.get(a.NIP!)!;
      events.push({ measure: 'sb', date: '2024-12-31', jk: p['JENIS KELAMIN']!, birth: p['TANGGAL LAHIR']!, selected: a.PREDIKAT === 'Sangat Baik' });
    }
    const expected = recount(events);
    const r = asn(['audit', '--fairness', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('measure,grouping,group,candidates,selected,rate,impact_ratio,flag,p');
    const got = csvRows(r.stdout);
    expect(got).toHaveLength(expected.length);
    for (const e of expected) {
      const row = got.find((g) => g.measure === e.measure && g.grouping === e.grouping && g.group === e.group);
      expect(row, `${e.measure} ${e.grouping} ${e.group}`).toBeDefined();
      expect([Number(row!.candidates), Number(row!.selected), row!.flag]).toEqual([e.candidates, e.selected, e.flag]);
      expect(Math.abs(Number(row!.rate) - e.rate)).toBeLessThanOrEqual(5e-5);
      if (e.ratio === null) expect(row!.impact_ratio).toBe('');
      else expect(Math.abs(Number(row!.impact_ratio) - e.ratio)).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(Number(row!.p) - e.p)).toBeLessThanOrEqual(5e-7);
    }
    // the planted gap, worked out in fixtures/fairness/make.mjs
    const women = got.find((g) => g.measure === 'promotion' && g.grouping === 'jenis_kelamin' && g.group === 'P')!;
    expect([women.candidates, women.selected, women.flag]).toEqual(['108', '5', 'four-fifths']);
    const men = got.find((g) => g.measure === 'promotion' && g.grouping === 'jenis_kelamin' && g.group === 'L')!;
    expect([men.candidates, men.selected, men.flag]).toEqual(['90', '13', '']);
  });

  it('--candidates lists exactly the members of every audited pool ∪ {P}, and the SB candidates', () => {
    const pools = csvRows(asn(['report', '--type', 'audit', '--format', 'csv', '--table', 'audit_pools']).stdout);
    const r = asn(['audit', '--fairness', '--candidates', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const list = csvRows(r.stdout);
    const key = (event: string, date: string, nip: string, selected: boolean) => `${event}|${date}|${nip}|${selected}`;
    expect(list.filter((c) => c.measure === 'promotion').map((c) => key(c.event_nip!, c.date!, c.nip!, c.selected === 'true')).sort())
      .toEqual(pools.map((m) => key(m.event_nip!, m.event_tmt!, m.nip!, m.role === 'promoted')).sort());
    // everyone has a predikat in 2024
    expect(list.filter((c) => c.measure === 'sb')).toHaveLength(people.length);
    expect(asn(['audit', '--fairness', '--candidates', '--format', 'json']).code).toBe(0);
  });

  it('table output names the model; json and ndjson hold the rows; --summary or --event do not combine; --candidates needs --fairness', () => {
    const table = asn(['audit', '--fairness', '--format', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^# model asn-merit-v1 sha256:[0-9a-f]{64}/);
    expect(table.stdout).toContain('four-fifths');
    expect(table.stderr).toContain('not proof of bias');
    expect((JSON.parse(asn(['audit', '--fairness', '--format', 'json']).stdout) as unknown[]).length).toBe(csvRows(asn(['audit', '--fairness', '--format', 'csv']).stdout).length);
    expect(asn(['audit', '--fairness', '--format', 'ndjson']).code).toBe(0);
    expect(asn(['audit', '--fairness', '--summary']).code).toBe(2);
    expect(asn(['audit', '--candidates']).code).toBe(2);
    expect(asn(['audit', '--fairness', '--event', '197001012000011001@2025-01-01']).code).toBe(2);
    // a window: only the February events
    const feb = csvRows(asn(['audit', '--fairness', '--from', '2025-02-01', '--to', '2025-02-28', '--format', 'csv']).stdout);
    const selected = feb.filter((g) => g.measure === 'promotion' && g.grouping === 'jenis_kelamin').reduce((s, g) => s + Number(g.selected), 0);
    expect(selected).toBe(6);
  });

  it('the summary report has the fairness section with the same figures', () => {
    const summary = JSON.parse(asn(['report', '--format', 'json']).stdout) as { fairness: Array<Record<string, unknown>> };
    const audit = JSON.parse(asn(['audit', '--fairness', '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    expect(summary.fairness.map((r) => [r.measure, r.grouping, r.group, r.candidates, r.selected, r.flag]))
      .toEqual(audit.map((r) => [r.measure, r.grouping, r.group, r.candidates, r.selected, r.flag]));
  });
});

describe('asn report --type employee --all --out DIR (SPEC §12)', () => {
  it('writes one md card per employee in service, each naming only its own person, with no audit finding', () => {
    const r = asn(['report', '--type', 'employee', '--all', '--out', 'kartu']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote 129 employee cards (md) to kartu');
    const files = readdirSync(join(dir, 'kartu')).sort();
    // in service at T: everyone imported (one snapshot, no leavers)
    expect(files).toEqual(people.map((p) => `${p.nip}.md`).sort());
    for (const file of files) {
      const text = readFileSync(join(dir, 'kartu', file), 'utf8');
      const me = file.slice(0, 18);
      expect(text).toContain(me);
      const others = personalDataIn(text, people.filter((p) => p.nip !== me)).filter((h) => !h.startsWith('tgl_lahir'));
      expect(others, file).toEqual([]);
      expect(text).not.toMatch(/Temuan Audit|audit_findings|Kalibrasi/i);
      expect(text).toContain('Komponen yang paling menaikkan nilai merit');
    }
  });

  it('a card\'s rank and percentile equal those of the single card (asn report --type employee --nip)', () => {
    const nip = people.map((p) => p.nip).sort()[7]!;
    const section = (md: string) => md.split('### Peringkat dan persentil')[1]!.split('\n\n')[1];
    const single = asn(['report', '--type', 'employee', '--nip', nip]);
    expect(single.code, single.stderr).toBe(0);
    expect(section(readFileSync(join(dir, 'kartu', `${nip}.md`), 'utf8'))).toBe(section(single.stdout));
  });

  it('html cards are print-ready self-contained pages, into an existing directory', () => {
    mkdirSync(join(dir, 'html-cards'));
    const r = asn(['report', '--type', 'employee', '--all', '--out', 'html-cards', '--format', 'html', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(dir, 'html-cards'));
    expect(files).toHaveLength(129);
    const text = readFileSync(join(dir, 'html-cards', files[0]!), 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).toContain('@page');
    expect(text).not.toMatch(/<script|<link|src="https?:/);
  });

  it.each([
    [['--all'], '--all needs --out DIR'],
    [['--all', '--out', 'fairness/personnel.csv'], 'exists and is not a directory'],
    [['--all', '--out', 'x', '--nip', '197001012000011001'], 'does not combine with --nip'],
    [['--all', '--out', 'x', '--format', 'csv'], 'md or html'],
  ])('bad input %j: exit 2', (extra, message) => {
    const r = asn(['report', '--type', 'employee', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--all with another type is exit 2, and writes nothing', () => {
    const r = asn(['report', '--type', 'summary', '--all', '--out', 'nothing']);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});
