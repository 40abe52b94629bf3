/**
 * The cards of `asn report --type employee --all` (SPEC §12) tell the truth at T = 31 December of
 * Y (SPEC §9): each card's record is the person as they stood at T — unit, jabatan, level,
 * golongan and TMT golongan of then, the personnel version in force at T — and its history holds
 * the appraisals up to Y and the promotions up to T. So a card of 2024 made after the 2025
 * snapshot (fixtures/history: Rina moved to Dinas Pendidikan in March 2025, Fajar got III/c from
 * April 2025 and Ahli Muda from July 2025, Nur Aini was promoted in September 2025) is
 * byte-identical to the same card made before it. End to end, through bin/asn.js.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

const RINA = '198605202010032002'; // Dinas Kesehatan → Dinas Pendidikan on 2025-03-03
const FAJAR = '199007142015031005'; // III/b (2021-04-01) → III/c (2025-04-01); Ahli Pertama → Ahli Muda on 2025-07-01
const NUR_AINI = '198303172008032008'; // promoted to Kepala Seksi Kurikulum on 2025-09-01
const ENV = { ASN_REPORT_TIME: '2026-01-15T08:00:00Z' };

function ok(dir: string, args: string[]): void {
  const r = runAsn(args, { cwd: dir, env: ENV });
  expect(r.code, `asn ${args.join(' ')}: ${r.stderr}`).toBe(0);
}

/** The cards of `year` in `format`, written to `out`: exit code, stderr and every file by name. */
function cards(dir: string, year: number, format: 'md' | 'html', out: string): Map<string, string> {
  const r = runAsn(['--format', format, 'report', '--type', 'employee', '--all', '--year', String(year), '--out', out], { cwd: dir, env: ENV });
  expect(r.code, r.stderr).toBe(0);
  const files = readdirSync(join(dir, out)).sort();
  expect(r.stderr).toBe(`wrote ${files.length} employee cards (${format}) to ${out}\n`);
  return new Map(files.map((f) => [f, readFileSync(join(dir, out, f), 'utf8')]));
}

/** A record field's value in a Markdown card ("| Unit kerja | Dinas Kesehatan |"). */
function field(md: string, label: string): string | undefined {
  const line = md.split('\n').find((l) => l.startsWith(`| ${label} `));
  return line?.split('|')[2]?.trim();
}

/** The 2024 snapshot with the promotions and appraisals up to 2024: the database as it stood at the end of 2024. */
function db2024(): string {
  const dir = tempDir('history');
  const lines = (file: string) => readFileSync(join(dir, 'history', file), 'utf8').trim().split('\n');
  const [apHead, ...ap] = lines('appraisals.csv');
  writeFileSync(join(dir, 'appraisals-to-2024.csv'), `${[apHead, ...ap.filter((l) => Number(l.split(',')[1]) <= 2024)].join('\n')}\n`);
  const [prHead, ...pr] = lines('promotions.csv');
  writeFileSync(join(dir, 'promotions-2024.csv'), `${[prHead, ...pr.filter((l) => l.split(',')[1]!.startsWith('2024-'))].join('\n')}\n`);
  ok(dir, ['import', 'history/personnel-2024.csv', 'promotions-2024.csv', 'appraisals-to-2024.csv']);
  return dir;
}

/** The 2025 snapshot, both riwayat files and every appraisal. */
function add2025(dir: string): void {
  ok(dir, ['import', 'history/personnel-2025.csv']);
  ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']);
  ok(dir, ['import', 'history/riwayat-golongan.csv', 'history/appraisals.csv']);
}

describe('a card of year Y shows the state at T (SPEC §9, §12)', () => {
  it('the 2024 cards are byte-identical before and after the 2025 snapshot, in md and html', () => {
    const dir = db2024();
    const before = { md: cards(dir, 2024, 'md', 'md-before'), html: cards(dir, 2024, 'html', 'html-before') };
    add2025(dir);
    const after = { md: cards(dir, 2024, 'md', 'md-after'), html: cards(dir, 2024, 'html', 'html-after') };
    for (const format of ['md', 'html'] as const) {
      expect([...after[format].keys()]).toEqual([...before[format].keys()]);
      expect(before[format].size).toBe(12);
      for (const [file, text] of before[format]) expect(after[format].get(file), `${format} ${file}`).toBe(text);
    }
    // What the 2024 cards say, by hand from fixtures/history.
    const rina = after.md.get(`${RINA}.md`)!;
    expect(field(rina, 'Unit kerja')).toBe('Dinas Kesehatan');
    expect(rina).toMatch(/\| Dalam unit kerja +\| Dinas Kesehatan /);
    const fajar = after.md.get(`${FAJAR}.md`)!;
    expect(field(fajar, 'Pangkat/golongan')).toBe('Penata Muda Tk. I (III/b)');
    expect(field(fajar, 'TMT golongan')).toBe('2021-04-01');
    expect(field(fajar, 'Jabatan')).toBe('Administrator Kesehatan Ahli Pertama');
    expect(field(fajar, 'TMT jabatan')).toBe('2018-02-01');
    expect(after.html.get(`${RINA}.html`)).toContain('<tr><td>Unit kerja</td><td>Dinas Kesehatan</td></tr>');
  });

  it('a promotion after T is not on the card of Y', () => {
    const dir = db2024();
    add2025(dir);
    ok(dir, ['import', 'history/promotions.csv']);
    const card = cards(dir, 2024, 'md', 'md-2024').get(`${NUR_AINI}.md`)!;
    expect(field(card, 'Jabatan')).toBe('Guru Ahli Muda');
    expect(field(card, 'Eselon')).toBe('');
    expect(card).not.toContain('2025-09-01');
    expect(card).not.toContain('Kepala Seksi Kurikulum');
  });

  it('the 2025 cards show the state at the end of 2025', () => {
    const dir = db2024();
    add2025(dir);
    ok(dir, ['import', 'history/promotions.csv']);
    const md = cards(dir, 2025, 'md', 'md-2025');
    expect(md.size).toBe(13);
    const rina = md.get(`${RINA}.md`)!;
    expect(field(rina, 'Unit kerja')).toBe('Dinas Pendidikan');
    expect(rina).toMatch(/\| Dalam unit kerja +\| Dinas Pendidikan /);
    const fajar = md.get(`${FAJAR}.md`)!;
    expect(field(fajar, 'Pangkat/golongan')).toBe('Penata (III/c)');
    expect(field(fajar, 'TMT golongan')).toBe('2025-04-01');
    expect(field(fajar, 'Jabatan')).toBe('Administrator Kesehatan Ahli Muda');
    expect(md.get(`${NUR_AINI}.md`)).toContain('2025-09-01');
  });

  it('the single card (--nip) of 2024 has the record --all writes for that person, after the 2025 snapshot too', () => {
    const dir = db2024();
    add2025(dir);
    ok(dir, ['import', 'history/promotions.csv']);
    const all = cards(dir, 2024, 'md', 'md-2024');
    for (const nip of [RINA, FAJAR, NUR_AINI]) {
      const r = runAsn(['--format', 'md', 'report', '--type', 'employee', '--nip', nip, '--year', '2024'], { cwd: dir, env: ENV });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      for (const label of ['Unit kerja', 'Pangkat/golongan', 'TMT golongan', 'Jabatan', 'TMT jabatan', 'Eselon']) {
        expect(field(r.stdout, label), `${nip} ${label}`).toBe(field(all.get(`${nip}.md`)!, label));
      }
    }
    const rina = runAsn(['--format', 'md', 'report', '--type', 'employee', '--nip', RINA, '--year', '2024'], { cwd: dir, env: ENV }).stdout;
    expect(field(rina, 'Unit kerja')).toBe('Dinas Kesehatan');
    const nur = runAsn(['--format', 'md', 'report', '--type', 'employee', '--nip', NUR_AINI, '--year', '2024'], { cwd: dir, env: ENV }).stdout;
    expect(field(nur, 'Jabatan')).toBe('Guru Ahli Muda');
  });

  it('the single card of a year before someone was appointed is refused (exit 2), as --all leaves them out', () => {
    const dir = db2024();
    add2025(dir);
    const r = runAsn(['report', '--type', 'employee', '--nip', '199711302025031022', '--year', '2024'], { cwd: dir, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('199711302025031022 (Rizky Ramadhan) was not in service on 2024-12-31');
    expect(runAsn(['report', '--type', 'employee', '--nip', '199711302025031022', '--year', '2025'], { cwd: dir, env: ENV }).code).toBe(0);
  });
});

