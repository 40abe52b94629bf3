/**
 * The unit at D (SPEC §9) where only the history says it, on fixtures/history: a promotion row
 * that names a unit puts someone seen in one snapshot only in that unit from its TMT (the audit's
 * pools, SPEC §5.2), and `--unit` accepts a unit that only the history names when someone was in
 * it at T.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

const RINA = '198605202010032002'; // moved from Dinas Kesehatan to Dinas Pendidikan on 2025-03-03
const FAJAR = '199007142015031005'; // Administrator Kesehatan Ahli Pertama in Dinas Kesehatan (2024 record)
const AGUS = '198808082012031011'; // Guru Ahli Muda in Dinas Pendidikan
const BAMBANG = '197402111999031001'; // promoted 2024-07-01 in Dinas Kesehatan

function ok(dir: string, args: string[]): void {
  const r = runAsn(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
}

function csvRows(csv: string): Array<Record<string, string>> {
  const [head, ...rows] = csv.trim().split('\n');
  const names = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, k) => [names[k], v])));
}

describe('a promotion row that names a unit (someone seen in one snapshot only)', () => {
  it('puts the promoted person in that unit from the promotion until the snapshot: in its pools, out of the old one', () => {
    const dir = tempDir('history');
    // Fajar is promoted on 2024-05-02 into a post of Dinas Pendidikan; the 2024 snapshot (31
    // December) still has him in Dinas Kesehatan. Agus is promoted in Dinas Pendidikan on 2024-10-01.
    writeFileSync(join(dir, 'more-promotions.csv'), [
      'NIP,TMT,JABATAN ASAL,JABATAN BARU,ESELON BARU,UNIT KERJA',
      `${FAJAR},2024-05-02,Administrator Kesehatan Ahli Pertama,Guru Ahli Muda,,Dinas Pendidikan`,
      `${AGUS},2024-10-01,Guru Ahli Muda,Kepala Seksi Kurikulum,III.b,Dinas Pendidikan`,
      '',
    ].join('\n'));
    ok(dir, ['import', 'history/personnel-2024.csv', 'history/promotions.csv', 'more-promotions.csv']);
    expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1); // the 2025 CPNS are not known yet
    const audit = runAsn(['audit', '--format', 'csv'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    const rows = csvRows(audit.stdout);
    const agus = rows.find((r) => r['nip'] === AGUS)!;
    const bambang = rows.find((r) => r['nip'] === BAMBANG)!;
    // On 2024-10-01 Fajar was at Ahli Muda in Dinas Pendidikan: in Agus's pool (Wahyu, Nur Aini,
    // Dedi and Fajar), and passed over with Dedi; no longer in Bambang's Dinas Kesehatan pool of 2024-07-01.
    expect([agus['pool_size'], agus['passed_over'], agus['merit_rank']]).toEqual(['4', '2', '4']);
    expect(bambang['pool_size']).toBe('3');
    const event = runAsn(['audit', '--event', `${AGUS}@2024-10-01`], { cwd: dir });
    expect(event.code, event.stderr).toBe(0);
    const line = event.stdout.split('\n').find((l) => l.includes(FAJAR))!;
    expect(line).toContain('Dinas Pendidikan');
    expect(line).toContain('promotion of 2024-05-02');
    expect(event.stderr).toBe('');
  });
});

describe('--unit with a unit that only the history names', () => {
  /** Rina's 2024 unit is Puskesmas Sukamaju (its own UNOR ID); in 2025 she is in Dinas Pendidikan and nobody's record names it. */
  function dbWithFormerUnit(): string {
    const dir = tempDir('history');
    const p2024 = readFileSync(join(dir, 'history/personnel-2024.csv'), 'utf8').split('\n')
      .map((l) => (l.startsWith(RINA) ? l.replace('U-3201-0410,Dinas Kesehatan', 'U-3201-0499,Puskesmas Sukamaju') : l)).join('\n');
    writeFileSync(join(dir, 'personnel-2024.csv'), p2024);
    ok(dir, ['import', 'personnel-2024.csv', 'history/promotions.csv']);
    expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1);
    ok(dir, ['import', 'history/personnel-2025.csv', 'history/appraisals.csv']);
    return dir;
  }

  it('ranks the people of that unit at T, and still refuses it for a year when nobody was in it', () => {
    const dir = dbWithFormerUnit();
    const r = runAsn(['rank', '--year', '2024', '--unit', 'puskesmas  sukamaju', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('units Puskesmas Sukamaju');
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x['rank'], x['nip'], x['unit']])).toEqual([['1', RINA, 'Puskesmas Sukamaju']]);
    // At 31 December 2025 nobody is in it: unknown, as before (exit 2 with the units).
    const later = runAsn(['rank', '--year', '2025', '--unit', 'Puskesmas Sukamaju', '--format', 'csv'], { cwd: dir });
    expect(later.code).toBe(2);
    expect(later.stdout).toBe('');
    expect(later.stderr).toContain('no employee in unit "Puskesmas Sukamaju"');
    expect(runAsn(['rank', '--year', '2024', '--unit', 'Puskesmas Lain', '--format', 'csv'], { cwd: dir }).code).toBe(2);
  });

  it('is a unit for audit --unit (its events: none here)', () => {
    const dir = dbWithFormerUnit();
    const r = runAsn(['audit', '--unit', 'Puskesmas Sukamaju', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1); // the header
    expect(r.stderr).toContain('0 of 2 promotion events selected');
    expect(runAsn(['audit', '--unit', 'Puskesmas Lain', '--format', 'csv'], { cwd: dir }).code).toBe(2);
  });
});
