/**
 * `asn candidates` end to end on fixtures/candidates (SPEC §11, §7) at D = 2026-01-15 (the import
 * time of the tests, ASN_NOW). Merit of Y = 2025 by hand with the built-in model (weights kinerja
 * 0.30, kompetensi 0.30, pengembangan 0.10, kualifikasi 0.25, disiplin 0.05; SB 150 → 100, B 100 →
 * 66.667; S-2 80, S-1 60 points; JP target 20):
 * - Arif Wicaksono: SB, SB → 100; JPM 92; JP 30 → 100; S-2 80 → 30 + 27.6 + 10 + 20 + 5 = 92.60; SB, JPM ≥ 90 → box 9
 * - Ayu Lestari: 100; JPM 89; JP 20; S-2 → 30 + 26.7 + 10 + 20 + 5 = 91.70; SB, JPM 78–90 → menengah → box 7
 * - Teguh Prasetya and Wahyu Nugroho: SB 2024, B 2025 → 83.333; JPM 85; JP 24; S-1 → 25 + 25.5 + 10 + 15 + 5 = 80.50; box 5
 * - Lina Marlianti: B, B → 66.667; JPM 80; JP 20; S-1 → 20 + 24 + 10 + 15 + 5 = 74.00; B, potensi MENENGAH → box 5
 * - Bima Sakti: 66.667; JPM 75; JP 20; S-1 → 20 + 22.5 + 10 + 15 + 5 = 72.50; B, potensi RENDAH → box 2
 */
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

type Row = Record<string, string>;

let dir: string;
beforeAll(() => {
  dir = tempDir('candidates');
  const r = runAsn(['import', 'candidates/personnel.csv', 'candidates/appraisals.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import of fixtures/candidates failed (${r.code}): ${r.stderr}`);
});

function candidates(...args: string[]): { code: number; stdout: string; stderr: string; rows: Row[] } {
  const r = runAsn(['candidates', ...args], { cwd: dir });
  const csv = !args.includes('--format') || args[args.indexOf('--format') + 1] === 'csv';
  return { ...r, rows: csv && r.code === 0 ? (parse(r.stdout, { columns: true }) as Row[]) : [] };
}

const COLUMNS = 'rank,nip,nama,unit,golongan,level,merit,box,predikat_1,predikat_2,service_years,years_at_level,age,years_to_bup,succession_pool';
const DPU = 'Dinas Pekerjaan Umum dan Penataan Ruang';
const BAPPEDA = 'Badan Perencanaan Pembangunan Daerah';
const DINKES = 'Dinas Kesehatan';

describe('asn candidates --level 6 (administrator)', () => {
  it('lists the eligible by merit, exactly the SPEC §11 columns', () => {
    const r = candidates('--level', '6', '--date', '2026-01-15');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(COLUMNS);
    // service_years, years_at_level (at level ≥ 5), age, years_to_bup (BUP 58) at 2026-01-15, by hand:
    expect(r.stdout.split('\n').slice(1)).toEqual([
      // Arif: TMT CPNS 2006-03 → 19 y 10 m; Ahli Muda since 2020-01-01 → 6 y; born 1982-03-14 → 43; 58·12 − 526 months = 170 → 14
      `1,198203142006031001,Arif Wicaksono,${BAPPEDA},III/d,5,92.60,9,SB,SB,19,6,43,14,true`,
      `2,198505152009032001,Ayu Lestari,${DINKES},III/d,5,91.70,7,SB,SB,16,5,40,17,true`,
      // The tie on merit 80.50: Teguh (IV/a) before Wahyu (III/d) in the DUK order at D.
      `3,198005052005011003,Teguh Prasetya,${DPU},IV/a,5,80.50,5,B,SB,21,6,45,12,false`,
      `4,198310102008031001,Wahyu Nugroho,${DPU},III/d,5,80.50,5,B,SB,17,4,42,15,false`,
      `5,198409022009022002,Lina Marlianti,${DPU},III/c,5,74.00,5,B,B,16,4,41,16,false`,
      `6,198707172011031006,Bima Sakti,${DINKES},III/c,5,72.50,2,B,B,14,3,38,19,false`,
      '',
    ]);
  });

  it('gives the same merit and box as asn rank --year 2025 (the shared scoring)', () => {
    const list = candidates('--level', '6', '--date', '2026-01-15').rows;
    const rank = parse(runAsn(['rank', '--year', '2025', '--format', 'csv'], { cwd: dir }).stdout, { columns: true }) as Row[];
    for (const row of list) {
      const ranked = rank.find((x) => x.nip === row.nip);
      expect([row.nip, ranked?.merit, ranked?.box]).toEqual([row.nip, row.merit, row.box]);
    }
  });

  it('states D, L, the scope, the model and its hash, and where the state at D came from', () => {
    const table = candidates('--level', '6', '--date', '2026-01-15', '--format', 'table');
    const hash = /sha256:([0-9a-f]{64})/.exec(runAsn(['rank', '--format', 'table'], { cwd: dir }).stdout)?.[1];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const [first, second] = table.stdout.split('\n');
    expect(first).toBe(`# candidates for level 6 (administrator) · date 2026-01-15 · scope all · merit year 2025 · model asn-merit-v1 sha256:${hash}`);
    expect(second).toBe('# state at D: dated history up to D — snapshot 2026-01-15; no riwayat');
    expect(table.stdout).toContain('Arif Wicaksono');
    // csv keeps stdout to the columns; the same lines go to stderr with the pool counts.
    const csv = candidates('--level', '6', '--date', '2026-01-15');
    expect(csv.stderr).toContain(`${first}\n${second}\n`);
    expect(csv.stderr).toContain(
      'pool 18 of 25 in the scope (left out: 2 not PNS (CPNS, PPPK or unknown), 1 with no level, 4 at level 6 or higher); 6 eligible, 12 excluded; --excluded lists them with every reason',
    );
  });

  it('takes D from the newest snapshot date (here the import day) when --date is not given, and accepts every date form', () => {
    const r = candidates('--level', '6');
    expect(r.stderr).toContain('date 2026-01-15 (newest snapshot)');
    expect(r.stdout).toBe(candidates('--level', '6', '--date', '15 Januari 2026').stdout);
    expect(r.stdout).toBe(candidates('--level', '6', '--date', '15/01/2026').stdout);
  });

  it('leaves PPPK, CPNS, people without a level and people at level ≥ 6 out of both lists', () => {
    const json = JSON.parse(candidates('--level', '6', '--excluded', '--format', 'json').stdout) as { candidates: Row[]; excluded: Row[] };
    const everyone = [...json.candidates, ...json.excluded].map((x) => x.nama);
    for (const name of ['Intan Permatasari', 'Rahmat Hidayat', 'Wening Puspita', 'Sugeng Riyadi', 'Ratih Kusumawardani', 'Yusuf Maulana', 'Haryanto']) {
      expect(everyone).not.toContain(name);
    }
    expect(everyone).toHaveLength(18);
  });

  it('--excluded gives every excluded person with every reason in words', () => {
    const r = candidates('--level', '6', '--date', '2026-01-15', '--excluded');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('nip,nama,unit,reasons');
    const reasons = Object.fromEntries(r.rows.map((x) => [x.nama, x.reasons]));
    expect(reasons).toEqual({
      'Dedi Kurniawan': 'pendidikan D-III, minimal S-1/D-IV',
      // Perencana Ahli Muda since 2024-03-01: (2026 − 2024)·12 + (1 − 3) = 22 months
      'Maya Sari': 'pada jabatan level 5 ke atas 1 tahun 10 bulan, minimal 3 tahun',
      'Rudi Hartanto': 'belum menduduki jabatan level 5 ke atas, minimal 3 tahun',
      'Yuni Astuti': 'predikat 2024 BP, minimal B',
      'Joko Susilo': 'hukuman disiplin sedang pada 2025',
      'Citra Permata': 'golongan III/b, minimal III/c',
      // born 1967-06-01: 58 years 7 months at D
      Sutrisno: 'usia 58 tahun, maksimal 57 tahun',
      'Bagus Setiawan': 'pendidikan tidak tercatat, minimal S-1/D-IV',
      'Fajar Ramadhan': 'golongan tidak tercatat, minimal III/c',
      'Nanda Pratiwi': 'predikat 2025 tidak ada, minimal B; predikat 2024 tidak ada, minimal B',
      'Eko Saputro': 'pendidikan D-III, minimal S-1/D-IV; belum menduduki jabatan level 5 ke atas, minimal 3 tahun; golongan II/c, minimal III/c',
      'Hadi Purnomo':
        'pendidikan SLTA, minimal S-1/D-IV; belum menduduki jabatan level 5 ke atas, minimal 3 tahun; predikat 2025 K, minimal B; ' +
        'hukuman disiplin berat pada 2024; golongan II/d, minimal III/c; usia 59 tahun, maksimal 57 tahun',
    });
    // In the order the list would have had them: merit desc, no merit (Nanda) last.
    expect(r.rows[0]?.nama).toBe('Citra Permata');
    expect(r.rows[r.rows.length - 1]?.nama).toBe('Nanda Pratiwi');
  });

  it('json: an array of the candidate columns; with --excluded an object with candidates and excluded', () => {
    const list = JSON.parse(candidates('--level', '6', '--format', 'json').stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(list[0]!).join(',')).toBe(COLUMNS);
    expect(list[0]).toMatchObject({ rank: 1, nip: '198203142006031001', merit: 92.6, box: 9, succession_pool: true, predikat_2: 'SB' });
    const both = JSON.parse(candidates('--level', '6', '--excluded', '--format', 'json').stdout) as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(both)).toEqual(['candidates', 'excluded']);
    expect(both.candidates).toEqual(list);
    expect(Object.keys(both.excluded![0]!)).toEqual(['nip', 'nama', 'unit', 'reasons']);
    expect(both.excluded).toHaveLength(12);
  });

  it('ndjson: one object a line; --excluded prints the excluded instead', () => {
    const lines = candidates('--level', '6', '--format', 'ndjson').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[3]!)).toMatchObject({ rank: 4, nama: 'Wahyu Nugroho', merit: 80.5 });
    const excluded = candidates('--level', '6', '--format', 'ndjson', '--excluded').stdout.trimEnd().split('\n');
    expect(excluded).toHaveLength(12);
    expect(JSON.parse(excluded[0]!)).toEqual({ nip: '198902142014032002', nama: 'Citra Permata', unit: BAPPEDA, reasons: 'golongan III/b, minimal III/c' });
  });

  it('--excluded in table output prints the excluded list after the header lines', () => {
    const r = candidates('--level', '6', '--excluded', '--format', 'table');
    expect(r.stdout.split('\n')[1]).toBe('# state at D: dated history up to D — snapshot 2026-01-15; no riwayat');
    expect(r.stdout).toContain('reasons');
    expect(r.stdout).toContain('Hadi Purnomo');
    expect(r.stdout).not.toContain('Arif Wicaksono');
  });

  it('--limit cuts the ranked list only', () => {
    expect(candidates('--level', '6', '--limit', '2').rows.map((x) => x.rank)).toEqual(['1', '2']);
    expect(candidates('--level', '6', '--limit', '2', '--excluded').rows).toHaveLength(12);
    const json = JSON.parse(candidates('--level', '6', '--limit', '3', '--excluded', '--format', 'json').stdout) as Record<string, unknown[]>;
    expect([json.candidates?.length, json.excluded?.length]).toEqual([3, 12]);
  });

  it('is deterministic: the same database and flags give byte-identical output', () => {
    const a = candidates('--level', '6', '--excluded', '--format', 'json');
    const b = candidates('--level', '6', '--excluded', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('the post: --eselon and --post as in SPEC §1.5; the scope', () => {
  it('--eselon III.a and --post "Perencana Ahli Madya" are level 6: the same list', () => {
    const level = candidates('--level', '6').stdout;
    expect(candidates('--eselon', 'III.a').stdout).toBe(level);
    const post = candidates('--post', 'Perencana Ahli Madya');
    expect(post.stdout).toBe(level);
    expect(post.stderr).toContain('# candidates for post "Perencana Ahli Madya" → level 6 (administrator)');
  });

  it('--unit (case-insensitive) and --instansi restrict the pool', () => {
    const unit = candidates('--level', '6', '--unit', 'dinas pekerjaan umum dan penataan ruang');
    expect(unit.rows.map((x) => x.nama)).toEqual(['Teguh Prasetya', 'Wahyu Nugroho', 'Lina Marlianti']);
    expect(unit.rows.map((x) => x.rank)).toEqual(['1', '2', '3']);
    expect(unit.stderr).toContain(`scope unit ${DPU}`);
    const instansi = candidates('--level', '6', '--instansi', 'PEMERINTAH KOTA TIRTA JAYA');
    expect(instansi.rows.map((x) => x.nama)).toEqual(['Arif Wicaksono', 'Teguh Prasetya', 'Wahyu Nugroho', 'Lina Marlianti']);
    expect(instansi.stderr).toContain('scope instansi Pemerintah Kota Tirta Jaya');
  });

  it('JPT pratama (level 7): two years at level ≥ 6, IV/b, at most 56', () => {
    expect(candidates('--level', '7').rows.map((x) => [x.nama, x.merit, x.years_at_level, x.age, x.years_to_bup])).toEqual([
      // SB, SB; JPM 91; JP 30; S-2 → 30 + 27.3 + 10 + 20 + 5 = 92.30; Kepala Bidang since 2022-01-03 → 4 y; born 1975-04-04 → 50; BUP 60 → 9
      ['Sugeng Riyadi', '92.30', '4', '50', '9'],
    ]);
    const reasons = Object.fromEntries(candidates('--level', '7', '--excluded').rows.map((x) => [x.nama, x.reasons]));
    expect(reasons['Ratih Kusumawardani']).toBe('pada jabatan level 6 ke atas 1 tahun, minimal 2 tahun');
    expect(reasons['Yusuf Maulana']).toBe('usia 57 tahun, maksimal 56 tahun');
  });

  it('pengawas (level 5): four years of service, D-III, III/a', () => {
    // Rudi Hartanto: SB 2024, B 2025 → 83.333; JPM 86; JP 24; S-1 → 25 + 25.8 + 10 + 15 + 5 = 80.80
    expect(candidates('--level', '5').rows.map((x) => [x.nama, x.merit, x.level, x.years_at_level])).toEqual([['Rudi Hartanto', '80.80', '4', '9']]);
    const reasons = Object.fromEntries(candidates('--level', '5', '--excluded').rows.map((x) => [x.nama, x.reasons]));
    // TMT CPNS 2022-11-01: (2026 − 2022)·12 + (1 − 11) = 38 months
    expect(reasons['Eko Saputro']).toBe('masa kerja 3 tahun 2 bulan, minimal 4 tahun; golongan II/c, minimal III/a');
  });
});

describe('thresholds from a model file', () => {
  it('years 0 drops the predikat and discipline rules: the eligible without merit follow in DUK order', () => {
    const model = join(dir, 'no-years.json');
    writeFileSync(model, JSON.stringify({ eligibility: { years: 0 } }));
    const r = candidates('--level', '6', '--model', model);
    expect(r.code).toBe(0);
    const names = r.rows.map((x) => x.nama);
    // Joko (hukuman sedang, 80.00+) and Yuni (BP 2024) come in; Nanda (no appraisal, no merit) is last with no merit.
    expect(names).toContain('Joko Susilo');
    expect(names).toContain('Yuni Astuti');
    expect(names[names.length - 1]).toBe('Nanda Pratiwi');
    expect(r.rows[r.rows.length - 1]).toMatchObject({ rank: String(r.rows.length), merit: '', box: '', predikat_1: '', succession_pool: 'false' });
    expect(r.stderr).not.toContain(/sha256:([0-9a-f]{64})/.exec(candidates('--level', '6').stderr)?.[1] ?? 'no hash');
  });

  it('a bad threshold is a model error (exit 2)', () => {
    const model = join(dir, 'bad.json');
    writeFileSync(model, JSON.stringify({ eligibility: { levels: { 6: { golongan: 'III/z' } } } }));
    const r = candidates('--level', '6', '--model', model);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('eligibility.levels.6.golongan must be a PNS golongan such as "III/a"');
  });
});

describe('bad input (exit 2 with what to give)', () => {
  it.each([
    [['--level', '4'], '--level 4 is not a post level from 5 to 9'],
    [['--level', '10'], '--level 10 is not a post level from 5 to 9'],
    [['--level', 'enam'], '--level enam is not a post level from 5 to 9'],
    [['--eselon', 'V.a'], '--eselon V.a is level 4; a candidate list is drawn up for posts of level 5 to 9'],
    [['--eselon', 'VI'], '--eselon VI: "VI" is not an eselon'],
    [['--post', 'Kepala Bidang'], '--post "Kepala Bidang" has no jabatan level'],
    [['--post', 'Analis Ahli Pertama'], '--post "Analis Ahli Pertama" is level 4'],
    [[], 'which post? none of --level, --eselon, --post was given'],
    [['--level', '6', '--eselon', 'III.a'], 'give only one of --level, --eselon'],
  ])('%j', (args, message) => {
    const r = candidates(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint: give one of: --level 5..9');
    expect(r.stdout).toBe('');
  });

  it.each([
    [['--level', '6', '--unit', 'Dinas Pariwisata'], 'no employee in unit "Dinas Pariwisata"', 'units: '],
    [['--level', '6', '--instansi', 'Pemerintah Kota Lain'], 'no employee in instansi "Pemerintah Kota Lain"', 'instansi: "Pemerintah Kabupaten Wana Asri", "Pemerintah Kota Tirta Jaya"'],
    [['--level', '6', '--unit', DPU, '--instansi', 'Pemerintah Kota Tirta Jaya'], 'give --unit or --instansi, not both', ''],
    [['--level', '6', '--date', '1985-01-01'], '--date 1985-01-01 is before any data: nobody was in service yet (the earliest TMT CPNS is 1990-03-01)', 'give a date on or after 1990-03-01'],
    [['--level', '6', '--date', '31-02-2026'], '--date 31-02-2026 is not a date', ''],
  ])('%j', (args, message, hint) => {
    const r = candidates(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(hint);
  });

  it('an empty directory has no database (exit 3)', () => {
    const r = runAsn(['candidates', '--level', '6'], { cwd: tempDir() });
    expect(r.code).toBe(3);
  });
});
