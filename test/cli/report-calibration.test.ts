/**
 * The calibration section of the summary report (SPEC §10, §6) on fixtures/calibration, in every
 * format: the same figures as `asn calibrate`, the HTML chart of each unit's share against the
 * 70% line with whole unit names, the flagged appraisers only; and never on an employee's card (§12).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

type Row = Record<string, string>;
let dir: string;
beforeAll(() => {
  dir = tempDir('calibration');
  const r = runAsn(['import', 'calibration/personnel.csv', 'calibration/kinerja-2025.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import failed (${r.code}): ${r.stderr}`);
});

const report = (...args: string[]) => runAsn(['report', ...args], { cwd: dir, env: { ASN_REPORT_TIME: '2026-01-15T08:00:00.000Z' } });
const BKPSDM = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';

describe('summary report: calibration section', () => {
  it('csv tables hold the figures of asn calibrate; only flagged appraisers are listed', () => {
    const dist = report('--format', 'csv', '--table', 'calibration_distribution');
    expect(dist.code, dist.stderr).toBe(0);
    const rows = parse(dist.stdout, { columns: true }) as Row[];
    const cal = parse(runAsn(['calibrate', '--format', 'csv'], { cwd: dir }).stdout, { columns: true }) as Row[];
    expect(rows.map((r) => [r.scope, r.name, r.n, r.sb, r.b, r.bp, r.k, r.sk, r.verdict, r.broken_rules]))
      .toEqual(cal.map((r) => [r.scope, r.name, r.n, r.sb, r.b, r.bp, r.k, r.sk, r.verdict, r.broken_rules]));
    expect(rows.find((r) => r.name === 'Dinas Pendidikan dan Kebudayaan')).toMatchObject({ share_b: '0.9130', verdict: 'tidak sesuai' });
    const apps = parse(report('--format', 'csv', '--table', 'calibration_appraisers').stdout, { columns: true }) as Row[];
    expect(apps.map((a) => [a.nip_penilai, a.flag])).toEqual([
      ['197203151998031002', 'lenient'], ['197110051997031005', 'strict'], ['197506202000122001', 'flat'],
    ]);
  });

  it('md shows the section in words of --lang', () => {
    const id = report('--format', 'md');
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toContain('Kalibrasi Penilaian Kinerja');
    expect(id.stdout).toContain('B 91.3% > 70%');
    expect(id.stdout).toContain('Longgar (SB lebih banyak)');
    expect(id.stdout).toContain('bukan putusan atas seseorang');
    const en = report('--format', 'md', '--lang', 'en');
    expect(en.stdout).toContain('Calibration of the Appraisals');
    expect(en.stdout).toContain('Lenient (more SB)');
    expect(en.stdout).toContain('not a verdict on a person');
  });

  it('html draws each unit against the 70% line, long names whole, breaches in the warning colour', () => {
    const r = report('--format', 'html');
    expect(r.code, r.stderr).toBe(0);
    const figure = /<figure class="chart" data-chart="calibration-units">[\s\S]*?<\/figure>/.exec(r.stdout)?.[0] ?? '';
    expect(figure).not.toBe('');
    expect(figure).toContain('class="limit"');
    expect(figure).toContain('batas 70%');
    // 5 units of 5 or more people (Kecamatan Sukamaju is too small), 2 of them tidak sesuai
    expect(figure.match(/<rect class="bar/g)).toHaveLength(5);
    expect(figure.match(/<rect class="bar over"/g)).toHaveLength(2);
    expect(figure).toContain(`>${BKPSDM}</text>`);
    expect(figure).toContain('>B 91.3 %</text>');
    expect(figure).not.toContain('Kecamatan Sukamaju');
  });

  it('json and xlsx carry both tables', async () => {
    const json = JSON.parse(report('--format', 'json').stdout) as Record<string, unknown[]>;
    expect(json.calibration_distribution).toHaveLength(8);
    expect(json.calibration_appraisers).toHaveLength(3);
    const out = join(dir, 'r.xlsx');
    expect(report('--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('calibration_distribution');
    expect(names).toContain('calibration_appraisers');
  });

  it('never shows calibration or appraiser flags on an employee card (SPEC §12)', () => {
    for (const format of ['md', 'json']) {
      const r = report('--type', 'employee', '--nip', '197001011995011001', '--format', format);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/calibration|kalibrasi|lenient|longgar|\bpenilai\b|nip_penilai|197809112003121003/i);
    }
  });
});

describe('public report: the calibration verdict of each published unit (SPEC §12 from §10)', () => {
  it('equals asn calibrate for every unit shown, and the pooled small units get none', () => {
    const r = report('--type', 'public', '--format', 'csv', '--table', 'public_employees');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Row[];
    const cal = parse(runAsn(['calibrate', '--format', 'csv'], { cwd: dir }).stdout, { columns: true }) as Row[];
    const verdictOf = new Map(cal.filter((c) => c.scope === 'unit').map((c) => [c.name, c.verdict]));
    const units = rows.filter((row) => verdictOf.has(row.unit!));
    expect(units.length).toBeGreaterThanOrEqual(4);
    for (const row of units) expect(row.calibration, row.unit).toBe(verdictOf.get(row.unit!));
    expect(rows.find((row) => row.unit === 'Dinas Pendidikan dan Kebudayaan')?.calibration).toBe('tidak sesuai');
    const pooled = rows.find((row) => row.unit !== undefined && row.unit.startsWith('unit lain'));
    expect(pooled?.calibration).toBe('');
  });
});
