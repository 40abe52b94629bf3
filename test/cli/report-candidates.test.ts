/**
 * `asn report --type candidates` end to end on fixtures/candidates (SPEC §11, §6): every format
 * states the post, the date, the rules applied with their regulations, the ranked list and the
 * excluded with every reason; the figures equal those of `asn candidates` with the same options;
 * the labels follow --lang; options that belong to the candidates type are refused elsewhere.
 * The HTML is opened in headless chromium when it is installed (as test/cli/report-browser.test.ts).
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsn, tempDir, type RunResult } from './helpers.js';

const TIME = '2026-01-15T08:00:00.000Z';
const CHROMIUM = '/usr/bin/chromium';
type Rows = Array<Record<string, unknown>>;

let dir: string;
beforeAll(() => {
  dir = tempDir('candidates');
  const r = runAsn(['import', 'candidates/personnel.csv', 'candidates/appraisals.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import of fixtures/candidates failed (${r.code}): ${r.stderr}`);
});

function report(args: string[]): RunResult {
  return runAsn(['report', '--type', 'candidates', ...args], { cwd: dir, env: { ASN_REPORT_TIME: TIME } });
}

const TABLES = ['candidates_request', 'candidates_rules', 'candidates', 'candidates_excluded'];

describe('asn report --type candidates', () => {
  it('md: the post, D, the rules with regulations, the ranked list, the excluded with reasons, the model and hash', () => {
    const r = report(['--level', '6', '--date', '2026-01-15']);
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md.split('\n')[0]).toBe('# Daftar Kandidat Jabatan');
    expect(md).toMatch(/- Model: asn-merit-v1 \(sha256:[0-9a-f]{64}\)/);
    expect(md).toContain('- Tahun evaluasi (Y): 2025');
    expect(md).toContain(`- Dibuat: ${TIME}`);
    expect(md).toMatch(/\| Tanggal \(D\) +\| 2026-01-15 +\|/);
    expect(md).toMatch(/\| Level jabatan +\| 6 · administrator +\|/);
    expect(md).toContain('Keadaan pegawai pada 2026-01-15 diambil dari riwayat bertanggal sampai tanggal itu (snapshot: 2026-01-15; riwayat: –).');
    expect(md).toMatch(/\| Pendidikan +\| pendidikan minimal S-1\/D-IV +\| PP 11\/2017 ps\. 53 sebagaimana diubah PP 17\/2020 +\|/);
    expect(md).toMatch(/\| Usia +\| usia maksimal 57 tahun pada 2026-01-15 +\| PP 11\/2017 ps\. 239 \(BUP\) +\|/);
    expect(md).toMatch(/\| +1 \| 198203142006031001 \| Arif Wicaksono .*\| +92\.60 \| +9 \| SB .*\| Ya +\|/);
    expect(md).toMatch(/\| 198612122010012004 \| Yuni Astuti .*\| predikat 2024 BP, minimal B +\|/);
    const sections = md.split('\n').filter((l) => l.startsWith('## '));
    expect(sections).toEqual([
      '## 1. Jabatan, Tanggal dan Cakupan', '## 2. Persyaratan yang Diterapkan',
      '## 3. Daftar Kandidat menurut Nilai Merit', '## 4. Tidak Memenuhi Persyaratan, dengan Alasannya',
    ]);
  });

  it('json: meta and the four tables, with the same list and reasons as asn candidates', () => {
    const r = report(['--level', '6', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['meta', ...TABLES]);
    expect(json.meta).toMatchObject({ type: 'candidates', year: 2025, lang: 'id', generated_at: TIME });
    const cli = JSON.parse(runAsn(['candidates', '--level', '6', '--excluded', '--format', 'json'], { cwd: dir }).stdout) as Record<string, Rows>;
    expect(json.candidates).toEqual(cli.candidates);
    expect(json.candidates_excluded).toEqual(cli.excluded);
    const rules = (json.candidates_rules as Rows).map((x) => x.rule);
    expect(rules).toEqual(['pool', 'education', 'experience', 'performance', 'discipline', 'golongan', 'age']);
  });

  it('--lang en gives the reasons, requirements and headings in English; codes stay the same', () => {
    const json = JSON.parse(report(['--eselon', 'III.a', '--lang', 'en', '--format', 'json']).stdout) as Record<string, Rows>;
    const hadi = json.candidates_excluded!.find((x) => x.nama === 'Hadi Purnomo');
    expect(hadi?.reasons).toBe(
      'education SLTA, at least S-1/D-IV; not yet in a post of level 5 or higher, at least 3 years; predikat 2025 K, at least B; ' +
        'hukuman disiplin berat in 2024; golongan II/d, at least III/c; age 59, at most 57',
    );
    expect(json.candidates_rules!.find((x) => x.rule === 'experience')?.requirement).toBe('at least 3 years at level 5 or higher');
    const md = report(['--eselon', 'III.a', '--lang', 'en']).stdout;
    expect(md.split('\n')[0]).toBe('# Candidates for a Vacant Post');
    expect(md).toMatch(/\| Post +\| eselon III\.a +\|/);
  });

  it('csv: one named table; --limit cuts the ranked list', () => {
    const r = report(['--level', '6', '--format', 'csv', '--table', 'candidates', '--limit', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('rank,nip,nama,unit,golongan,level,merit,box,predikat_1,predikat_2,service_years,years_at_level,age,years_to_bup,succession_pool');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['Arif Wicaksono', 'Ayu Lestari', 'Teguh Prasetya']);
    const excluded = report(['--level', '6', '--format', 'csv', '--table', 'candidates_excluded', '--limit', '3']);
    expect(excluded.stdout.trimEnd().split('\n')).toHaveLength(13);
  });

  it('xlsx: an info sheet and a sheet per table, NIP as text', async () => {
    const r = report(['--level', '7', '--format', 'xlsx', '--out', 'calon.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'calon.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['info', ...TABLES]);
    const list = wb.getWorksheet('candidates')!;
    expect(list.getRow(2).getCell(2).value).toBe('197504041999031002');
    expect(list.getRow(2).getCell(3).value).toBe('Sugeng Riyadi');
    expect(list.getRow(2).getCell(7).value).toBe(92.3);
  });

  it('an empty list says so, and the excluded still have their reasons', () => {
    const md = report(['--level', '7', '--unit', 'Badan Perencanaan Pembangunan Daerah']).stdout;
    expect(md).toContain('Tidak ada pegawai yang memenuhi semua persyaratan; alasannya tercantum pada bagian berikut.');
    expect(md).toMatch(/\| 196903011994032001 \| Ratih Kusumawardani .*\| pada jabatan level 6 ke atas 1 tahun, minimal 2 tahun +\|/);
  });

  it.each([
    [['--type', 'candidates'], 'which post? none of --level, --eselon, --post was given'],
    [['--type', 'candidates', '--level', '3'], '--level 3 is not a post level from 5 to 9'],
    [['--type', 'candidates', '--level', '6', '--year', '2025'], '--year does not apply to --type candidates'],
    [['--type', 'candidates', '--level', '6', '--unit', 'Dinas Entah'], 'no employee in unit "Dinas Entah"'],
    [['--type', 'candidates', '--level', '6', '--date', '1970-01-01'], '--date 1970-01-01 is before any data'],
    [['--type', 'summary', '--level', '6'], '--level applies to --type candidates only'],
    [['--type', 'duk', '--unit', 'X', '--date', '2026-01-01'], '--unit, --date apply to --type candidates only'],
  ])('%j exits 2', (args, message) => {
    const r = runAsn(['report', ...args], { cwd: dir, env: { ASN_REPORT_TIME: TIME } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe.skipIf(process.env.ASN_SKIP_BROWSER === '1')('the HTML in headless chromium (ASN_SKIP_BROWSER=1 skips it on purpose)', () => {
  it('opens offline with its four tables, prints on A4', async () => {
    expect(existsSync(CHROMIUM), `install Debian's chromium at ${CHROMIUM} (apt-get install chromium), or set ASN_SKIP_BROWSER=1`).toBe(true);
    const r = report(['--level', '6', '--format', 'html', '--out', 'calon.html']);
    expect(r.code, r.stderr).toBe(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(dir, 'calon.html')).href, { waitUntil: 'load' });
      const rows = await page.$$eval('table[data-table]', (tables) => tables.map((t) => [t.getAttribute('data-table'), t.querySelectorAll('tbody tr').length]));
      expect(rows).toEqual([['candidates_request', 10], ['candidates_rules', 7], ['candidates', 6], ['candidates_excluded', 12]]);
      expect(await page.textContent('h1')).toBe('Daftar Kandidat Jabatan');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
