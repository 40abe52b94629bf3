/**
 * `asn candidates` reads the state at D from the dated history (SPEC §9, §11) — on
 * fixtures/history (a 2024 and a 2025 SIASN snapshot: Rina moved from Dinas Kesehatan to Dinas
 * Pendidikan on 2025-03-03, Sumarni absent in 2025 (retired), Sutarno Pensiun in 2025, three CPNS
 * of 2025) and on one planted employee, Hendra Wijaya, whose riwayat gives what his current
 * record does not. Vacancy level 6 (administrator): S-1, ≥ 3 years at level ≥ 5, predikat ≥ B in
 * year(D)−1 and year(D)−2, golongan ≥ III/c, age ≤ 57.
 */
import { parse } from 'csv-parse/sync';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

type Row = Record<string, string>;

const RINA = '198605202010032002';
const JOKO = '198009032005011003';
const SUMARNI = '196612011990032004';
const SUTARNO = '196611101992031006';
const HENDRA = '198504122010031031';
const DINKES = 'Dinas Kesehatan';
const DISDIK = 'Dinas Pendidikan';

function ok(dir: string, args: string[]): void {
  const r = runAsn(args, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
}

function list(dir: string, ...args: string[]): { stdout: string; stderr: string; rows: Row[] } {
  const r = runAsn(['candidates', '--level', '6', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const csv = !args.includes('--format');
  return { stdout: r.stdout, stderr: r.stderr, rows: csv ? (parse(r.stdout, { columns: true }) as Row[]) : [] };
}

const nips = (rows: Row[]) => rows.map((r) => r.nip);

describe('asn candidates is true in time (SPEC §9 invariant)', () => {
  it('gives the same output at 2024-12-31 before and after the 2025 snapshot, byte for byte', () => {
    const dir = tempDir('history');
    ok(dir, ['import', 'history/personnel-2024.csv']);
    // The appraisals name the CPNS of 2025 too: their rows are rejected until the 2025 snapshot.
    expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1);
    const runs = (): Array<{ stdout: string; stderr: string }> => [
      list(dir, '--date', '2024-12-31'),
      list(dir, '--date', '2024-12-31', '--excluded'),
      list(dir, '--date', '2024-12-31', '--format', 'table'),
      list(dir, '--date', '2024-12-31', '--format', 'json', '--excluded'),
      list(dir, '--date', '2024-12-31', '--unit', DINKES, '--format', 'table'),
    ].map(({ stdout, stderr }) => ({ stdout, stderr }));
    const before = runs();
    expect(before[2]!.stdout.split('\n')[1]).toBe('# state at D: dated history up to D — snapshot 2024-12-31; no riwayat');
    // Rina is on the list at 2024-12-31, Ahli Muda (level 5) since 2020-01-02: 4 whole years.
    expect(parse(before[0]!.stdout, { columns: true }).find((r: Row) => r.nip === RINA)).toMatchObject({ unit: DINKES, years_at_level: '4' });
    ok(dir, ['import', 'history/personnel-2025.csv', 'history/appraisals.csv']);
    expect(runs()).toEqual(before);
    // …while the newest state differs: the 2025 snapshot is really there.
    const now = list(dir, '--date', '2025-12-31', '--format', 'table');
    expect(now.stdout.split('\n')[1]).toBe('# state at D: dated history up to D — snapshots 2024-12-31, 2025-12-31; no riwayat');
    expect(now.stdout).not.toBe(before[2]!.stdout);
  });
});

describe('the pool and the scope at D', () => {
  /** Both snapshots (Joko on Tugas Belajar in the 2025 one), the appraisals and both riwayat files. */
  function dbBoth(): string {
    const dir = tempDir('history');
    const f2025 = join(dir, 'history/personnel-2025.csv');
    const text = readFileSync(f2025, 'utf8');
    const joko = text.split('\n').find((l) => l.startsWith(JOKO))!;
    writeFileSync(f2025, text.replace(joko, joko.replace(',PNS,Aktif,', ',PNS,Tugas Belajar,')));
    ok(dir, ['import', 'history/personnel-2024.csv']);
    ok(dir, ['import', 'history/personnel-2025.csv', 'history/appraisals.csv']);
    ok(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']);
    ok(dir, ['import', 'history/riwayat-golongan.csv']);
    return dir;
  }

  it('lists a person who moved unit after D in the unit they were in at D', () => {
    const dir = dbBoth();
    const dinkes = list(dir, '--date', '2025-01-31', '--unit', DINKES).rows;
    expect(dinkes.find((r) => r.nip === RINA)).toMatchObject({ unit: DINKES, golongan: 'III/d', level: '5' });
    expect(nips(list(dir, '--date', '2025-01-31', '--unit', DISDIK).rows)).not.toContain(RINA);
    // After the move (2025-03-03) she is in Dinas Pendidikan and no longer in Dinas Kesehatan.
    expect(list(dir, '--date', '2025-12-31', '--unit', DISDIK).rows.find((r) => r.nip === RINA)).toMatchObject({ unit: DISDIK });
    expect(nips(list(dir, '--date', '2025-12-31', '--unit', DINKES).rows)).not.toContain(RINA);
  });

  it('leaves out of the pool who left (retired, Pensiun) or is inactive (Tugas Belajar) at D, not before', () => {
    const dir = dbBoth();
    const at = (date: string) => {
      const r = list(dir, '--date', date);
      const ex = list(dir, '--date', date, '--excluded');
      return { listed: [...nips(r.rows), ...nips(ex.rows)], stderr: r.stderr };
    };
    const before = at('2025-06-30');
    // At 2025-06-30 all three are still in service: Joko eligible, Sumarni and Sutarno excluded (age 58).
    for (const nip of [JOKO, SUMARNI, SUTARNO]) expect(before.listed).toContain(nip);
    const after = at('2025-12-31');
    for (const nip of [JOKO, SUMARNI, SUTARNO]) expect(after.listed).not.toContain(nip);
    expect(after.stderr).toContain('3 not active at D (left or inactive)');
    expect(before.stderr).not.toContain('not active at D');
  });

  it('takes D from the newest snapshot date when --date is not given', () => {
    const dir = dbBoth();
    const r = list(dir, '--format', 'table');
    expect(r.stdout.split('\n')[0]).toContain(' · date 2025-12-31 (newest snapshot) · ');
    expect(r.stdout.split('\n')[1]).toBe('# state at D: dated history up to D — snapshots 2024-12-31, 2025-12-31; riwayat jabatan, riwayat golongan');
  });

  it('asn report --type candidates reads the same state at D and says so', () => {
    const dir = dbBoth();
    const report = (date: string) => {
      const r = runAsn(['report', '--type', 'candidates', '--level', '6', '--unit', DINKES, '--date', date, '--format', 'md'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const january = report('2025-01-31');
    expect(january).toContain('Keadaan pegawai pada 2025-01-31 diambil dari riwayat bertanggal sampai tanggal itu (snapshot: 2024-12-31; riwayat: jabatan, golongan).');
    expect(january).toContain(RINA);
    // At the end of 2025 she is in Dinas Pendidikan, and Joko (tugas belajar) is out of the pool.
    const december = report('2025-12-31');
    expect(december).toContain('(snapshot: 2024-12-31, 2025-12-31; riwayat: jabatan, golongan)');
    expect(december).not.toContain(RINA);
    expect(december).not.toContain(JOKO);
  });
});

describe('the state line names only the snapshots up to D', () => {
  it('lists up to four snapshots, more as the first … the last (n)', () => {
    const dir = tempDir('history');
    const text = readFileSync(join(dir, 'history/personnel-2024.csv'), 'utf8');
    for (const year of [2020, 2021, 2022, 2023, 2024]) {
      // One change a year (Maya Sari's TAHUN LULUS), so that each snapshot holds a version.
      const file = `p${year}.csv`;
      writeFileSync(join(dir, file), text.replace('KEADAAN 31 DESEMBER 2024', `KEADAAN 31 DESEMBER ${year}`).replace(',S-1,2014,U-3201-0420', `,S-1,${year - 10},U-3201-0420`));
      ok(dir, ['import', file]);
    }
    const line = (...args: string[]) => list(dir, ...args, '--format', 'table').stdout.split('\n')[1];
    expect(line()).toBe('# state at D: dated history up to D — snapshots 2020-12-31 … 2024-12-31 (5); no riwayat');
    expect(line('--date', '2023-06-30')).toBe('# state at D: dated history up to D — snapshots 2020-12-31, 2021-12-31, 2022-12-31; no riwayat');
    expect(line('--date', '2018-01-01')).toBe('# state at D: dated history up to D — no snapshot up to D: values assumed from the earliest, 2020-12-31; no riwayat');
  });
});

describe('years at level and golongan at D from the riwayat', () => {
  // Hendra Wijaya: Analis Kebijakan Ahli Pertama (level 4) in Dinas Kesehatan from 2014-03-03, Ahli
  // Muda (level 5) from 2021-06-01, transferred as Ahli Muda to Dinas Pendidikan on 2025-02-01 —
  // the TMT JABATAN of his current record. III/b from 2014-04-01, III/c from 2025-10-01.
  const HEADER = 'NIP BARU,NAMA,TANGGAL LAHIR,JENIS KELAMIN,JENIS PEGAWAI NAMA,KEDUDUKAN HUKUM NAMA,GOL AKHIR NAMA,TMT GOLONGAN,TMT CPNS,JENIS JABATAN NAMA,JABATAN NAMA,ESELON NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,TAHUN LULUS,UNOR ID,UNOR NAMA,INSTANSI INDUK NAMA';
  const HENDRA_ROW = `${HENDRA},Hendra Wijaya,1985-04-12,L,PNS,Aktif,III/c,2025-10-01,2010-03-01,Fungsional,Analis Kebijakan Ahli Muda,,2025-02-01,S-1,2008,U-3201-0420,${DISDIK},Pemerintah Kabupaten Sukamaju`;
  const RIWAYAT_JABATAN = [
    'NIP,NAMA,JENIS JABATAN,JABATAN FUNGSIONAL NAMA,JABATAN FUNGSIONAL UMUM NAMA,UNOR ID,UNOR NAMA,TMT JABATAN,NOMOR SK',
    `${HENDRA},Hendra Wijaya,Fungsional,Analis Kebijakan Ahli Pertama,,U-3201-0410,${DINKES},2014-03-03,821/031/BKPSDM/2014`,
    `${HENDRA},Hendra Wijaya,Fungsional,Analis Kebijakan Ahli Muda,,U-3201-0410,${DINKES},2021-06-01,821/066/BKPSDM/2021`,
    `${HENDRA},Hendra Wijaya,Fungsional,Analis Kebijakan Ahli Muda,,U-3201-0420,${DISDIK},2025-02-01,821/014/BKPSDM/2025`,
  ].join('\n');
  const RIWAYAT_GOLONGAN = [
    'NIP,GOLONGAN,TMT GOLONGAN,NOMOR SK,JENIS KP',
    `${HENDRA},III/a,2010-03-01,823.3/002/2010,Reguler`,
    `${HENDRA},III/b,2014-04-01,823.3/040/2014,Reguler`,
    `${HENDRA},III/c,2025-10-01,823.3/101/2025,Reguler`,
  ].join('\n');

  /** The 2025 snapshot alone (as_of 2025-12-31) with Hendra, and the appraisals with his SB of 2022–2025. */
  function dbHendra(): string {
    const dir = tempDir('history');
    appendFileSync(join(dir, 'history/personnel-2025.csv'), `${HENDRA_ROW}\n`);
    appendFileSync(join(dir, 'history/appraisals.csv'), [2022, 2023, 2024, 2025].map((y) => `${HENDRA},${y},Sangat Baik,85,24,Tidak Ada\n`).join(''));
    writeFileSync(join(dir, 'riwayat-jabatan.csv'), `${RIWAYAT_JABATAN}\n`);
    writeFileSync(join(dir, 'riwayat-golongan.csv'), `${RIWAYAT_GOLONGAN}\n`);
    expect(readFileSync(join(dir, 'history/personnel-2025.csv'), 'utf8')).toContain(`${HEADER}\n`);
    ok(dir, ['import', 'history/personnel-2025.csv']);
    // Sumarni (absent from the 2025 snapshot) is not known: her appraisal rows are rejected, the rest stored.
    expect(runAsn(['import', 'history/appraisals.csv'], { cwd: dir }).code).toBe(1);
    return dir;
  }

  it('counts years at level ≥ 5 from the riwayat jabatan, across a transfer at the same level', () => {
    const dir = dbHendra();
    // Current record alone: Ahli Muda since 2025-02-01, 10 months at level ≥ 5 at 2025-12-31.
    const alone = list(dir, '--date', '2025-12-31', '--excluded').rows.find((r) => r.nip === HENDRA);
    expect(alone?.reasons).toBe('pada jabatan level 5 ke atas 10 bulan, minimal 3 tahun');
    expect(nips(list(dir, '--date', '2025-12-31').rows)).not.toContain(HENDRA);
    ok(dir, ['import', '--kind', 'riwayat-jabatan', 'riwayat-jabatan.csv']);
    // With the riwayat: at level 5 since 2021-06-01 (the transfer of 2025-02-01 does not break it): 54 months → 4 years.
    const listed = list(dir, '--date', '2025-12-31').rows.find((r) => r.nip === HENDRA);
    expect(listed).toMatchObject({ unit: DISDIK, golongan: 'III/c', level: '5', years_at_level: '4' });
    // At 2025-01-31, before the transfer, he is in Dinas Kesehatan: 43 months → 3 years.
    const dinkes = list(dir, '--date', '2025-01-31', '--unit', DINKES).rows.find((r) => r.nip === HENDRA);
    expect(dinkes).toMatchObject({ unit: DINKES, years_at_level: '3' });
  });

  it('takes the golongan at D from the riwayat golongan', () => {
    const dir = dbHendra();
    ok(dir, ['import', '--kind', 'riwayat-jabatan', 'riwayat-jabatan.csv']);
    // Without riwayat golongan the golongan before the snapshot is assumed from it: III/c.
    expect(list(dir, '--date', '2025-09-30').rows.find((r) => r.nip === HENDRA)).toMatchObject({ golongan: 'III/c' });
    ok(dir, ['import', 'riwayat-golongan.csv']);
    // III/c only from 2025-10-01: at 2025-09-30 he is III/b and fails the golongan rule; at 2025-10-01 he is listed.
    expect(list(dir, '--date', '2025-09-30', '--excluded').rows.find((r) => r.nip === HENDRA)?.reasons).toBe('golongan III/b, minimal III/c');
    expect(list(dir, '--date', '2025-10-01').rows.find((r) => r.nip === HENDRA)).toMatchObject({ golongan: 'III/c', years_at_level: '4' });
    expect(list(dir, '--date', '2025-10-01', '--format', 'table').stdout.split('\n')[1])
      .toBe('# state at D: dated history up to D — no snapshot up to D: values assumed from the earliest, 2025-12-31; riwayat jabatan, riwayat golongan');
  });
});
