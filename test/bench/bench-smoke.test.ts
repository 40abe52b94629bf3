/**
 * Smoke run of the benchmark (issue 6) for CI: the runner works end to end on a small size
 * without baselines, and the generator is deterministic and writes valid, unique NIPs.
 * Needs the built binary (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const ENV = { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' };

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asn-bench-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The cells of one CSV line (quoted cells such as "S.Kep., Ns." hold commas; no line breaks here). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  for (let i = 0; i <= line.length; i++) {
    let cell = '';
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      cell = line.slice(i + 1, end);
      i = end + 1;
    } else {
      const end = line.indexOf(',', i);
      cell = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    }
    cells.push(cell);
  }
  return cells;
}

/** The cells of the markdown table row whose first cell is `label`. */
function tableRow(stdout: string, label: string): string[] | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(`| ${label} |`));
  return line?.split('|').slice(1, -1).map((c) => c.trim());
}

describe('bench/run.mjs', () => {
  it('measures the import stages at 10,000 employees and writes RESULTS.md into --out', () => {
    const out = tempDir();
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/run.mjs'), '--size', '10000', '--no-baselines', '--out', out], {
      cwd: ROOT, encoding: 'utf8', env: ENV, timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const row = tableRow(r.stdout, 'asn import personnel');
    expect(row, r.stdout).toBeDefined();
    const [, rows, seconds, rate, rss] = row ?? [];
    expect(rows).toBe('10,000');
    expect(Number(seconds)).toBeGreaterThan(0);
    expect(Number(rate?.replaceAll(',', ''))).toBeGreaterThan(0);
    expect(Number(rss)).toBeGreaterThan(0);
    // The planted invalid rows (1 in 2000) are rejected, which import reports with exit 1.
    expect(row?.[5]).toBe('exit 1: rejected rows, as planted');
    expect(tableRow(r.stdout, 'raw import: csv-parse + 1 prepared insert')?.[5]).toBe('skipped (--no-baselines)');
    expect(tableRow(r.stdout, 'DuckDB read_csv personnel into a table')?.[5]).toBe('skipped (--no-baselines)');
    const narrowRow = tableRow(r.stdout, 'asn import personnel, narrow 13-column file');
    expect(narrowRow?.[1]).toBe('10,000');
    expect(narrowRow?.[5]).toBe('exit 1: rejected rows, as planted');
    // CPU seconds come from GNU time, where the machine has it.
    const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']).status === 0;
    if (gnuTime) expect(Number(narrowRow?.[6])).toBeGreaterThan(0);
    else expect(narrowRow?.[6]).toBe('n/a');

    const md = readFileSync(join(out, 'RESULTS.md'), 'utf8');
    expect(md).toContain('| asn import personnel | 10,000 |');
    expect(md).toMatch(/- CPU: .+, \d+ cores; memory/);
    expect(md).toContain('--no-baselines');
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      runs: { size: number; manifest: { invalidPersonnelRows: number }; stages: { id: string; status: string }[] }[];
    };
    expect(json.runs[0]?.size).toBe(10_000);
    expect(json.runs[0]?.manifest.invalidPersonnelRows).toBe(5);
    expect(json.runs[0]?.stages.find((s) => s.id === 'asn-import-appraisals')?.status).toBe('ok');
  });

  it.each([
    ['--size', 'lots', 2],
    ['--bogus', '1', 2],
  ])('refuses %s %s with exit %i', (flag, value, code) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/run.mjs'), flag, value], { cwd: ROOT, encoding: 'utf8', env: ENV });
    expect(r.status).toBe(code);
    expect(r.stderr).toContain('usage: node bench/run.mjs');
  });
});

describe('bench/generate.mjs', () => {
  const generate = (out: string, seed: string): void => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '--size', '3000', '--seed', seed, '--out', out, '--quiet'], { encoding: 'utf8', env: ENV });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/generated 3000 employees/);
  };

  it('gives byte-identical files for the same seed, different ones for another seed', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    generate(a, '7');
    generate(b, '7');
    generate(c, '8');
    for (const f of ['personnel.csv', 'appraisals.csv', 'promotions.csv', 'personnel-narrow.csv']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    expect(readFileSync(join(a, 'personnel.csv')).equals(readFileSync(join(c, 'personnel.csv')))).toBe(false);
  });

  it('writes the SIASN header and unique 18-digit NIPs that agree with TANGGAL LAHIR', () => {
    const dir = tempDir();
    generate(dir, '42');
    const lines = readFileSync(join(dir, 'personnel.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 4)).toEqual(['PNS ID', 'NIP BARU', 'NIP LAMA', 'NAMA']);
    expect(header.slice(-2)).toEqual(['ESELON ID', 'ESELON NAMA']);
    expect(header).toHaveLength(66);
    expect(lines.slice(1).every((l) => csvCells(l).length === 66)).toBe(true);
    const nips = lines.slice(1).map(csvCells).map((c) => ({ nip: (c[1] ?? '').replaceAll(' ', ''), lahir: c[8] ?? '' }));
    expect(new Set(nips.map((n) => n.nip)).size).toBe(3000);
    const dmy = nips.filter((n) => /^\d{2}-\d{2}-\d{4}$/.test(n.lahir) && n.nip.length === 18);
    const agree = dmy.filter(({ nip, lahir }) => nip.slice(0, 8) === `${lahir.slice(6)}${lahir.slice(3, 5)}${lahir.slice(0, 2)}`);
    // Only the planted invalid birth dates (31-02, 30-02) may disagree.
    expect(dmy.length - agree.length).toBeLessThanOrEqual(2);
    expect(agree.length).toBeGreaterThan(2900);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number }> };
    expect(manifest.files['appraisals.csv']?.rows).toBe(6000);
  });

  it('writes personnel-narrow.csv: the 13 columns asn reads, cell for cell as in personnel.csv (issue 17)', () => {
    const dir = tempDir();
    generate(dir, '42');
    const wide = readFileSync(join(dir, 'personnel.csv'), 'utf8').trimEnd().split('\n').map(csvCells);
    const narrow = readFileSync(join(dir, 'personnel-narrow.csv'), 'utf8').trimEnd().split('\n').map(csvCells);
    const header = narrow[0] ?? [];
    expect(header).toEqual([
      'NIP BARU', 'NAMA', 'GELAR DEPAN', 'GELAR BELAKANG', 'TANGGAL LAHIR', 'JENIS KELAMIN', 'JENIS PEGAWAI NAMA',
      'GOL AKHIR NAMA', 'TMT GOLONGAN', 'TMT CPNS', 'JABATAN NAMA', 'TINGKAT PENDIDIKAN NAMA', 'UNOR NAMA',
    ]);
    expect(narrow).toHaveLength(3001);
    const at = header.map((h) => (wide[0] ?? []).indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    for (let r = 1; r < wide.length; r++) expect(narrow[r], `row ${r}`).toEqual(at.map((i) => wide[r]?.[i]));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number }> };
    expect(manifest.files['personnel-narrow.csv']?.rows).toBe(3000);
  });
});
