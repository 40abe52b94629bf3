/**
 * Time-true data (SPEC §9) on fixtures/history: a 2024 and a 2025 SIASN snapshot (a transfer, a
 * promotion, a retiree absent, one with KEDUDUKAN HUKUM Pensiun, three CPNS of 2025), the riwayat
 * exports, appraisals and promotions. Each test imports what it needs into its own directory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query, runAsn, tempDir } from './helpers.js';

const RINA = '198605202010032002'; // h02: moved to Dinas Pendidikan on 2025-03-03
const SUMARNI = '196612011990032004'; // h04: absent from the 2025 snapshot (retired)
const SUTARNO = '196611101992031006'; // h06: KEDUDUKAN HUKUM Pensiun in 2025
const FAJAR = '199007142015031005'; // h05: Ahli Muda from 2025-07-01, III/c from 2025-04-01
const NEW_CPNS = ['199802142025032021', '199711302025031022', '199905052025032023'];
const BAMBANG = '197402111999031001'; // promoted 2024-07-01 in Dinas Kesehatan

function ok(dir: string, args: string[]): string {
  const r = runAsn(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return r.stderr;
}

/** 2024 snapshot with promotions, then the appraisals (of everyone in 2024). */
function db2024(): string {
  const dir = tempDir('history');
  ok(dir, ['import', 'history/personnel-2024.csv', 'history/promotions.csv']);
  expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1); // the 2025 CPNS are not known yet
  return dir;
}

function csvColumn(csv: string, column: string): string[] {
  const [head, ...rows] = csv.trim().split('\n');
  const k = head!.split(',').indexOf(column);
  return rows.map((r) => r.split(',')[k]!);
}

describe('a yearly series of snapshots', () => {
  it('keeps the audit of events up to the previous snapshot byte-identical after the next one (SPEC §9 invariant)', () => {
    const dir = db2024();
    const before = runAsn(['audit', '--to', '2024-12-31', '--format', 'csv'], { cwd: dir });
    expect(before.code).toBe(0);
    expect(csvColumn(before.stdout, 'best_candidate_nip')).toEqual([RINA]);
    ok(dir, ['import', 'history/personnel-2025.csv', 'history/appraisals.csv']);
    const after = runAsn(['audit', '--to', '2024-12-31', '--format', 'csv'], { cwd: dir });
    expect(after.stdout).toBe(before.stdout);
    ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']);
    ok(dir, ['import', 'history/riwayat-golongan.csv']);
    expect(runAsn(['audit', '--to', '2024-12-31', '--format', 'csv'], { cwd: dir }).stdout).toBe(before.stdout);
    // The 2025 event in Dinas Pendidikan has Rina in its pool: she moved there in March 2025.
    const all = runAsn(['audit', '--format', 'csv'], { cwd: dir }).stdout;
    expect(all.split('\n')[2]).toContain(',Dinas Pendidikan,Kepala Seksi Kurikulum,4,');
  });

  it('says per snapshot who joined, changed, left and stayed, dated from the title rows', () => {
    const dir = tempDir('history');
    const first = ok(dir, ['import', 'history/personnel-2024.csv']);
    expect(first).toContain('snapshot 2024-12-31 (from the title rows): 12 joined, 0 changed, 0 left, 0 unchanged');
    const second = ok(dir, ['import', 'history/personnel-2025.csv']);
    expect(second).toContain('snapshot 2025-12-31 (from the title rows): 3 joined, 3 changed, 1 left, 8 unchanged');
    expect(second).toContain(`left at 2025-12-31 (absent from this snapshot of their instansi): ${SUMARNI}`);
    // Rina's transfer and Fajar's promotion carry their TMT: nothing had to be dated at the snapshot.
    expect(second).not.toContain('dated at the snapshot date');
    const status = JSON.parse(runAsn(['status', '--format', 'json'], { cwd: dir }).stdout);
    expect(status.snapshots).toEqual([
      { as_of: '2024-12-31', file_name: 'personnel-2024.csv', rows: 12, joined: 12, changed: 0, left: 0, unchanged: 0, dated_at_snapshot: 0 },
      { as_of: '2025-12-31', file_name: 'personnel-2025.csv', rows: 14, joined: 3, changed: 3, left: 1, unchanged: 8, dated_at_snapshot: 0 },
    ]);
    expect(query(join(dir, 'asn.db'), 'SELECT nip, valid_from, status, reason FROM status_history ORDER BY nip')).toEqual([
      { nip: SUTARNO, valid_from: '2025-12-31', status: 'left', reason: 'kedudukan hukum "Pensiun" in the snapshot of 2025-12-31' },
      { nip: SUMARNI, valid_from: '2025-12-31', status: 'left', reason: 'absent from the snapshot of 2025-12-31' },
    ].sort((a, b) => (a.nip < b.nip ? -1 : 1)));
    // Never a deletion: the leavers keep their row and every version.
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 15 });
    // Versions are kept from the first change: the three changed have their 2024 and 2025 versions.
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employee_versions')[0]).toEqual({ n: 3 * 2 });
  });

  it('counts changes it can only date at the snapshot, and names riwayat-jabatan', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    const text = readFileSync(join(dir, 'history/personnel-2025.csv'), 'utf8').replace(`${RINA},`, `${RINA},`)
      .replace(/(198605202010032002,[^\n]*?),2025-03-03,/, '$1,2020-01-02,');
    writeFileSync(join(dir, 'no-tmt.csv'), text);
    expect(ok(dir, ['import', 'no-tmt.csv'])).toContain('1 change dated at the snapshot date; import riwayat-jabatan (and riwayat-golongan) to date them');
  });

  it('ranks and reports year Y with the people in service at 31 December Y', () => {
    const dir = db2024();
    ok(dir, ['import', 'history/personnel-2025.csv', 'history/appraisals.csv']);
    const r2024 = csvColumn(runAsn(['rank', '--year', '2024', '--all', '--format', 'csv'], { cwd: dir }).stdout, 'nip');
    expect(r2024).toHaveLength(12);
    expect(r2024).toContain(SUMARNI);
    for (const nip of NEW_CPNS) expect(r2024).not.toContain(nip);
    const r2025 = csvColumn(runAsn(['rank', '--year', '2025', '--all', '--format', 'csv'], { cwd: dir }).stdout, 'nip');
    expect(r2025).toHaveLength(13);
    expect(r2025).not.toContain(SUMARNI);
    expect(r2025).not.toContain(SUTARNO);
    // Rina ranks in her unit of 31 December of each year.
    const byUnit = runAsn(['rank', '--year', '2024', '--by', 'unit', '--format', 'csv'], { cwd: dir }).stdout;
    expect(byUnit.split('\n').find((l) => l.includes(RINA))).toContain(',Dinas Kesehatan,');
    const report = runAsn(['report', '--year', '2024', '--format', 'json'], { cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).not.toContain('keadaan sekarang');
  });

  it('audit --event shows where each unit and level at D came from', () => {
    const dir = db2024();
    ok(dir, ['import', 'history/personnel-2025.csv']);
    ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']);
    const r = runAsn(['audit', '--event', `${BAMBANG}@2024-07-01`, '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const people = JSON.parse(r.stdout).people as Array<Record<string, unknown>>;
    const from = Object.fromEntries(people.map((p) => [p.nip, [p.unit_at_d, p.unit_level_from]]));
    expect(from[RINA]).toEqual(['Dinas Kesehatan', 'riwayat-jabatan.csv line 3']);
    expect(from[SUMARNI]).toEqual(['Dinas Kesehatan', 'assumed']);
    expect(from[BAMBANG]).toEqual(['Dinas Kesehatan', 'current record']);
  });
});

describe('leavers and the 10% guard', () => {
  /** A 2026 file without the last `drop` rows of the 2025 one. */
  function without(dir: string, drop: number): string {
    const lines = readFileSync(join(dir, 'history/personnel-2025.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'p2026.csv'), `${lines.slice(0, lines.length - drop).join('\n').replace('31 DESEMBER 2025', '10 JANUARI 2026')}\n`);
    return 'p2026.csv';
  }

  it('stops when more than 10% of the scope is absent: nothing written, exit 1, naming --partial and --full', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    ok(dir, ['import', 'history/personnel-2025.csv']);
    const file = without(dir, 3);
    const before = readFileSync(join(dir, 'asn.db'));
    const r = runAsn(['import', file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 of the 13 people');
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).toContain('--partial');
    expect(r.stderr).toContain('--full');
    expect(readFileSync(join(dir, 'asn.db')).equals(before)).toBe(true);
    expect(ok(dir, ['import', '--partial', file])).toContain('0 left');
    expect(query(join(dir, 'asn.db'), "SELECT count(*) AS n FROM status_history WHERE valid_from = '2026-01-10'")[0]).toEqual({ n: 0 });
    expect(ok(dir, ['import', '--full', file])).toContain('3 left');
  });

  it('takes someone who left back into service when a later snapshot lists them again, even with the same record', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    ok(dir, ['import', 'history/personnel-2025.csv']);
    writeFileSync(join(dir, 'p2026.csv'), readFileSync(join(dir, 'history/personnel-2024.csv'), 'utf8').replace('31 DESEMBER 2024', '10 JANUARI 2026'));
    const r = ok(dir, ['import', '--full', 'p2026.csv']);
    // Sumarni (same record as in 2024) and Sutarno (Aktif again) joined; Rina and Fajar changed back.
    expect(r).toContain('snapshot 2026-01-10 (from the title rows): 2 joined, 2 changed, 3 left, 8 unchanged');
    const at = runAsn(['history', SUMARNI, '--at', '2026-02-01', '--format', 'csv'], { cwd: dir }).stdout;
    expect(at).toContain('status,active,false,2026-01-10');
    expect(at).toContain('in_service,true');
  });

  it('keeps a person whose row is rejected (present, state unchanged)', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    const text = readFileSync(join(dir, 'history/personnel-2024.csv'), 'utf8').replace('KEADAAN 31 DESEMBER 2024', 'KEADAAN 30 JUNI 2025')
      .replace(',1986-05-20,P,', ',1986-02-31,P,');
    writeFileSync(join(dir, 'p.csv'), text);
    const r = runAsn(['import', 'p.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('0 joined, 0 changed, 0 left, 11 unchanged');
  });

  it('treats a re-import of the same snapshot as all unchanged, and another file of the same date as an update of it', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    const again = ok(dir, ['import', 'history/personnel-2024.csv']);
    expect(again).toContain('0 joined, 0 changed, 0 left, 12 unchanged');
    const lines = readFileSync(join(dir, 'history/personnel-2024.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'other.csv'), lines.join('\n').replace('Pemerintah Kabupaten Sukamaju', 'Pemerintah Kabupaten Sukamaju'));
    expect(ok(dir, ['import', 'other.csv'])).toContain('this updates the snapshot of 2024-12-31 imported before from personnel-2024.csv');
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM snapshots')[0]).toEqual({ n: 1 });
  });

  it('fills history with an older snapshot and leaves the current state alone', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2025.csv']);
    const older = ok(dir, ['import', 'history/personnel-2024.csv']);
    expect(older).toContain('older than the newest snapshot');
    expect(query(join(dir, 'asn.db'), 'SELECT unit FROM employees WHERE nip = ?', RINA)).toEqual([{ unit: 'Dinas Pendidikan' }]);
    const at = runAsn(['history', RINA, '--at', '2024-12-31', '--format', 'csv'], { cwd: dir }).stdout;
    expect(at).toContain('2024-12-31,unit,Dinas Kesehatan,false,2024-12-31,snapshot,personnel-2024.csv,6');
    // Sumarni is known only from 2024: she left at the next snapshot.
    expect(runAsn(['history', SUMARNI, '--at', '2026-01-01', '--format', 'csv'], { cwd: dir }).stdout).toContain('status,left,false,2025-12-31');
  });
});

describe('snapshot dates', () => {
  it('takes --as-of in the §1.3 forms, refuses a future one (exit 2), and warns when the file gives no date', () => {
    const dir = tempDir('minimal');
    const future = runAsn(['import', '--as-of', '2026-02-01', 'minimal/personnel.csv'], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--as-of 2026-02-01 is in the future');
    expect(runAsn(['import', '--as-of', '31-02-2025', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(2);
    expect(ok(dir, ['import', '--as-of', '31 Desember 2024', 'minimal/personnel.csv'])).toContain('snapshot 2024-12-31 (from --as-of)');
    const dir2 = tempDir('minimal');
    const warn = ok(dir2, ['import', 'minimal/personnel.csv']);
    expect(warn).toContain('snapshot 2026-01-15 (from the import day)');
    expect(warn).toContain('--as-of DATE');
  });
});

describe('riwayat files', () => {
  function withSnapshots(): string {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    return dir;
  }

  it('detects riwayat-golongan by its headers and a SIASN riwayat with NAMA needs --kind (the reject says so)', () => {
    const dir = withSnapshots();
    expect(ok(dir, ['import', 'history/riwayat-golongan.csv'])).toContain('(riwayat-golongan): 6 read, 6 inserted');
    const asPersonnel = runAsn(['import', 'history/riwayat-jabatan.csv'], { cwd: dir });
    expect(asPersonnel.code).toBe(1);
    expect(asPersonnel.stderr).toContain('import it with --kind riwayat-jabatan');
    expect(ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv'])).toContain('(riwayat-jabatan): 6 read, 6 inserted');
    expect(ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv'])).toContain('6 unchanged');
  });

  it('rejects an unknown NIP, a date in the future or before the birth date, and a different duplicate', () => {
    const dir = withSnapshots();
    writeFileSync(join(dir, 'rg.csv'), [
      'NIP,GOLONGAN,TMT GOLONGAN',
      `${FAJAR},III/a,2015-03-01`,
      `${FAJAR},III/a,2015-03-01`,
      `${FAJAR},III/b,2015-03-01`,
      `${FAJAR},III/c,2027-04-01`,
      `${FAJAR},II/d,1989-04-01`,
      '198001012005011099,III/a,2010-01-01',
      `${FAJAR},X/z,2016-01-01`,
      '',
    ].join('\n'));
    const r = runAsn(['import', 'rg.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 inserted');
    expect(r.stderr).toContain('5 rejected');
    expect(r.stderr).toContain('1 identical duplicate counted once');
    expect(r.stderr).toContain('same key as line 2 with different values');
    expect(r.stderr).toContain('2027-04-01 is in the future');
    expect(r.stderr).toContain('1989-04-01 is before the birth date 1990-07-14');
    expect(r.stderr).toContain('unknown NIP');
    expect(query(join(dir, 'asn.db'), "SELECT count(*) AS n FROM rank_history WHERE source = 'riwayat'")[0]).toEqual({ n: 1 });
  });

  it('dates the DUK at a past date with the golongan of then', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2025.csv']);
    ok(dir, ['import', 'history/riwayat-golongan.csv']);
    const at = runAsn(['history', FAJAR, '--at', '2024-12-31', '--format', 'json'], { cwd: dir });
    const state = JSON.parse(at.stdout).state as Array<{ field: string; value: string; assumed: boolean; file: string }>;
    expect(state.find((f) => f.field === 'golongan')).toMatchObject({ value: 'III/b', assumed: false, file: 'riwayat-golongan.csv' });
  });
});

describe('asn history', () => {
  it('lists the timelines in every format and refuses an unknown NIP', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    ok(dir, ['import', 'history/personnel-2025.csv']);
    const csv = runAsn(['history', RINA, '--format', 'csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('timeline,valid_from,source,level,jabatan,eselon,unit,unor_id,instansi,golongan,tmt_golongan,status,reason,file,line');
    expect(csv.stdout).toContain('post,2025-03-03,snapshot,5,Administrator Kesehatan Ahli Muda,,Dinas Pendidikan,U-3201-0420');
    const table = runAsn(['history', RINA, '--at', '2020-01-01', '--format', 'table'], { cwd: dir });
    expect(table.stdout).toContain('State at 2020-01-01');
    expect(table.stdout).toMatch(/unit\s+│ Dinas Kesehatan\s+│ true/);
    const unknown = runAsn(['history', '198001012005011099'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no employee with NIP 198001012005011099');
    expect(runAsn(['history', RINA, '--at', 'kemarin'], { cwd: dir }).code).toBe(2);
  });
});

describe('appraisal files with only some value columns (SPEC §1)', () => {
  it('sets JPM and POTENSI from a talent-mapping file and keeps the stored predikat', () => {
    const dir = db2024();
    writeFileSync(join(dir, 'talenta.csv'), `NIP,TAHUN,JPM,POTENSI\n${RINA},2024,70,MENENGAH\n`);
    const r = runAsn(['import', 'talenta.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 updated');
    expect(r.stderr).not.toContain('warning');
    expect(query(join(dir, 'asn.db'), 'SELECT predikat, jpm, potensi, jp FROM appraisals WHERE nip = ? AND tahun = 2024', RINA))
      .toEqual([{ predikat: 'SB', jpm: 70, potensi: 'MENENGAH', jp: 24 }]);
    writeFileSync(join(dir, 'jp.csv'), `NIP,TAHUN,JP\n${RINA},2024,40\n`);
    expect(ok(dir, ['import', 'jp.csv'])).toContain('1 updated');
    expect(query(join(dir, 'asn.db'), 'SELECT predikat, jpm, jp FROM appraisals WHERE nip = ? AND tahun = 2024', RINA)).toEqual([{ predikat: 'SB', jpm: 70, jp: 40 }]);
  });
});
