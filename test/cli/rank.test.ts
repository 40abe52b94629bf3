/**
 * `asn rank` end to end on fixtures/minimal (SPEC §2–4, §7). Expected scores are worked out by
 * hand below from fixtures/minimal/{personnel,appraisals}.csv with Y = 2025 (window 2024–2025)
 * and the built-in model asn-merit-v1: weights kinerja 0.30, kompetensi 0.30, pengembangan
 * 0.10, kualifikasi 0.25, disiplin 0.05; kinerja = value% ÷ 150 × 100 with SB 150, B 100, BP 75;
 * JP target 20; S-3 100, S-2 80, S-1 60, D-III 40, SLTA 4 points; disiplin none 100, sedang 40.
 */
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimalDb, runAsn, tempDir } from './helpers.js';

type Row = Record<string, string>;

let dir: string;
beforeAll(() => {
  dir = minimalDb();
});

function rank(...args: string[]): { code: number; stdout: string; stderr: string; rows: Row[] } {
  const r = runAsn(['rank', ...args], { cwd: dir });
  const csv = !args.includes('--format') || args[args.indexOf('--format') + 1] === 'csv';
  return { ...r, rows: csv && r.code === 0 ? (parse(r.stdout, { columns: true }) as Row[]) : [] };
}

const byNip = (rows: Row[], nip: string): Row => {
  const row = rows.find((r) => r.nip === nip);
  if (row === undefined) throw new Error(`no row for ${nip}`);
  return row;
};

const COLUMNS = 'rank,nip,nama,unit,jenis_pegawai,golongan,level,merit,kinerja,kompetensi,pengembangan,kualifikasi,disiplin,coverage,status,box,percentile';

/**
 * Hand-computed rows (SPEC §3–4). Each comment is the arithmetic; the strings are the printed values.
 */
const EXPECTED: Array<[string, Row]> = [
  // Hendra Gunawan (PNS, S-1) — complete; 2024 from the RATINGS MATRIX (hasil ABOVE × perilaku ABOVE → SB).
  // kinerja = (150/150·100 + 100/150·100) ÷ 2 = (100 + 66.667) ÷ 2 = 83.33 (2024 SB, 2025 predikat B)
  // kompetensi = JPM 2025 = 85; pengembangan = min(32 ÷ 20, 1)·100 = 100; kualifikasi S-1 = 60; disiplin = 100
  // merit = 0.30·83.333 + 0.30·85 + 0.10·100 + 0.25·60 + 0.05·100 = 25 + 25.5 + 10 + 15 + 5 = 80.50
  // box: 2025 B → meets, potensi TINGGI → tinggi → 8
  ['Hendra Gunawan', { nip: '198504182010011001', jenis_pegawai: 'PNS', golongan: 'III/c', level: '5', merit: '80.50', kinerja: '83.33', kompetensi: '85.00', pengembangan: '100.00', kualifikasi: '60.00', disiplin: '100.00', coverage: '1.00', status: 'complete', box: '8' }],
  // Ahmad Fauzi (PNS, S-2) — 2025 from NILAI SKP 88.5 (≥ 76 → B); 2024 predikat SB.
  // kinerja = (100 + 66.667) ÷ 2 = 83.33; kompetensi = latest JPM ≤ 2025 = 91.5 (from 2023, outside the window)
  // pengembangan = min(16 ÷ 20, 1)·100 = 80; kualifikasi S-2 = 80; disiplin = 100
  // merit = 25 + 0.30·91.5 + 0.10·80 + 0.25·80 + 5 = 25 + 27.45 + 8 + 20 + 5 = 85.45
  // box: B → meets, no potensi so JPM 91.5 ≥ 90 → tinggi → 8
  ['Ahmad Fauzi', { nip: '198602272011011010', merit: '85.45', kinerja: '83.33', kompetensi: '91.50', pengembangan: '80.00', kualifikasi: '80.00', disiplin: '100.00', coverage: '1.00', status: 'complete', box: '8' }],
  // Ratna Dewi (PNS, S-1) — both years from NILAI SKP: 2024 76 → B, 2025 91 → SB.
  // kinerja = (66.667 + 100) ÷ 2 = 83.33; kompetensi 84; pengembangan min(45 ÷ 20, 1)·100 = 100; kualifikasi 60
  // merit = 25 + 25.2 + 10 + 15 + 5 = 80.20; box: SB → above, JPM 84 ≥ 78 → menengah → 7
  ['Ratna Dewi', { nip: '199104042019032013', merit: '80.20', kinerja: '83.33', kompetensi: '84.00', pengembangan: '100.00', kualifikasi: '60.00', coverage: '1.00', status: 'complete', box: '7' }],
  // Dimas Aditya (PPPK IX, S-1) — complete; ratings 2024 MEETS × ABOVE → B, 2025 ABOVE × ABOVE → SB.
  // kinerja 83.33; kompetensi 80; pengembangan = min(12 ÷ 20 (PPPK target), 1)·100 = 60; kualifikasi 60
  // merit = 25 + 24 + 6 + 15 + 5 = 75.00; box: SB above, potensi score 92 ≥ 90 → tinggi → 9
  ['Dimas Aditya', { nip: '199507132022211012', jenis_pegawai: 'PPPK', golongan: 'IX', merit: '75.00', kinerja: '83.33', kompetensi: '80.00', pengembangan: '60.00', kualifikasi: '60.00', coverage: '1.00', status: 'complete', box: '9' }],
  // Teguh Santoso (PPPK IX, S-1) — INCOMPLETE: no JPM at all, kompetensi missing.
  // kinerja (B, B) = 66.667; pengembangan min(24 ÷ 20, 1)·100 = 100; kualifikasi 60; disiplin 100
  // merit = (0.30·66.667 + 0.10·100 + 0.25·60 + 0.05·100) ÷ (0.30 + 0.10 + 0.25 + 0.05) = 50 ÷ 0.70 = 71.43
  // box: none (no potensi, no JPM)
  ['Teguh Santoso', { nip: '199107092023211003', jenis_pegawai: 'PPPK', merit: '71.43', kinerja: '66.67', kompetensi: '', pengembangan: '100.00', coverage: '0.70', status: 'incomplete', box: '' }],
  // Budi Santoso (PNS, S-1) — INCOMPLETE: 2025 has no JP, pengembangan missing.
  // kinerja (2024 B, 2025 SB) = 83.333; kompetensi 88; kualifikasi 60; disiplin 100
  // merit = (25 + 26.4 + 15 + 5) ÷ 0.90 = 71.4 ÷ 0.90 = 79.33; box: SB above, potensi MENENGAH → 7
  ['Budi Santoso', { nip: '198312122008011007', merit: '79.33', pengembangan: '', coverage: '0.90', status: 'incomplete', box: '7' }],
  // Andi Kurniawan (PNS) — INCOMPLETE: pendidikan never filled in, kualifikasi missing.
  // merit = (0.30·66.667 + 0.30·72 + 0.10·100 + 0.05·100) ÷ 0.75 = (20 + 21.6 + 10 + 5) ÷ 0.75 = 56.6 ÷ 0.75 = 75.47
  ['Andi Kurniawan', { nip: '199610102020031015', merit: '75.47', kompetensi: '72.00', kualifikasi: '', coverage: '0.75', status: 'incomplete', box: '2' }],
  // Slamet Riyanto (PNS, SLTA) — 2024 BP with hukuman SEDANG.
  // kinerja = (75/150·100 + 66.667) ÷ 2 = (50 + 66.667) ÷ 2 = 58.33; kompetensi 65; pengembangan 10 ÷ 20 → 50
  // kualifikasi SLTA 4; disiplin worst sedang = 40
  // merit = 0.30·58.333 + 0.30·65 + 0.10·50 + 0.25·4 + 0.05·40 = 17.5 + 19.5 + 5 + 1 + 2 = 45.00; box: B meets, JPM 65 → rendah → 2
  ['Slamet Riyanto', { nip: '198007042008011012', merit: '45.00', kinerja: '58.33', disiplin: '40.00', kualifikasi: '4.00', pengembangan: '50.00', box: '2' }],
  // Endang Susilowati — 2025 has ratings ABOVE × ABOVE → SB and a disagreeing PREDIKAT Baik: the ratings win.
  // kinerja (2024 B, 2025 SB) = 83.333; kompetensi 82.5 (2024); JP 28 → 100; S-1 60
  // merit = 25 + 24.75 + 10 + 15 + 5 = 79.75 (74.75 if the predikat column had won); box: SB above, JPM 82.5 → menengah → 7
  ['Endang Susilowati', { nip: '198308082008012004', merit: '79.75', kinerja: '83.33', box: '7' }],
  // Suparmi (SLTA) — INCOMPLETE: no JPM in any year. (20 + 0.10·40 + 0.25·4 + 5) ÷ 0.70 = 30 ÷ 0.70 = 42.86, last.
  ['Suparmi', { nip: '197612012003012007', rank: '38', merit: '42.86', pengembangan: '40.00', kualifikasi: '4.00', coverage: '0.70', status: 'incomplete', box: '' }],
  // Sugeng Riyadi (S-2) — 2025 ratings BELOW × MEETS → BP: kinerja (66.667 + 50) ÷ 2 = 58.33; JPM 74 (2024); JP 6 → 30
  // merit = 17.5 + 22.2 + 3 + 20 + 5 = 67.70; box: BP below, POTENSI RENDAH → 1
  ['Sugeng Riyadi', { nip: '196810051994031003', merit: '67.70', kinerja: '58.33', pengembangan: '30.00', box: '1' }],
  // Rina Marlina — hukuman RINGAN in 2024: disiplin 70 → 20 + 22.8 + 10 + 15 + 3.5 = 71.30; box: B meets, RENDAH → 2
  ['Rina Marlina', { nip: '198411072009012005', merit: '71.30', disiplin: '70.00', box: '2' }],
  // Fitri Handayani and Yoga Pratama — identical inputs: B, B; JPM 78.5; JP 24; S-1.
  // merit = 0.30·66.667 + 0.30·78.5 + 10 + 15 + 5 = 20 + 23.55 + 30 = 73.55 each: a tie (see the DUK test)
  ['Fitri Handayani', { nip: '199009302015032002', merit: '73.55', box: '5' }],
  ['Yoga Pratama', { nip: '199201152019031006', merit: '73.55', box: '5' }],
];

describe('asn rank on fixtures/minimal', () => {
  it('writes exactly the SPEC §7 columns with hand-computed scores (csv when piped)', () => {
    const r = rank();
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(COLUMNS);
    for (const [, expected] of EXPECTED) expect(byNip(r.rows, expected.nip!)).toMatchObject(expected);
    // The model that produced the numbers is named on stderr (CSV stays pure CSV).
    expect(r.stderr).toMatch(/^model asn-merit-v1 sha256:[0-9a-f]{64} · year 2025 · scope all\n/);
    expect(r.stderr).toContain('ranked 38 of 40 employees (33 complete, 5 incomplete), 2 unrated; --all lists them');
  });

  it('ranks 1..n by merit, percentile = (n − rank) ÷ (n − 1), unrated left out without --all', () => {
    const { rows } = rank();
    expect(rows).toHaveLength(38);
    rows.forEach((row, i) => {
      expect(row.rank).toBe(String(i + 1));
      expect(row.percentile).toBe(((38 - (i + 1)) / 37).toFixed(2).replace(/^-/, ''));
      if (i > 0) expect(Number(row.merit)).toBeLessThanOrEqual(Number(rows[i - 1]!.merit));
    });
    // Bambang Hartono: SB, SB → 100; JPM 93.5; JP 30 → 100; S-3 100 → 30 + 28.05 + 10 + 25 + 5 = 98.05, first.
    expect(rows[0]).toMatchObject({ nip: '197105201996031002', merit: '98.05', percentile: '1.00' });
    expect(rows.some((r) => r.status === 'unrated')).toBe(false);
  });

  it('matches the whole reference ranking of fixtures/minimal/README.md (independent reference script)', () => {
    const expected = [
      ['197105201996031002', '98.05'], ['198011112005011006', '92.30'], ['199406212020032011', '92.00'], ['197304122000012002', '87.15'],
      ['198205282006011005', '86.70'], ['197902032005011001', '86.55'], ['197603302000032009', '86.40'], ['197508112000032004', '85.80'],
      ['198602272011011010', '85.45'], ['197805162003012003', '84.60'], ['198803172011012008', '81.10'], ['196909091994031005', '80.65'],
      ['198504182010011001', '80.50'], ['197001231995031001', '80.35'], ['199104042019032013', '80.20'], ['197709032002031001', '79.90'],
      ['198308082008012004', '79.75'], ['198312122008011007', '79.33'], ['199305092022042002', '79.00'], ['198106252006012003', '77.70'],
      ['197907272004031002', '77.50'], ['199610102020031015', '75.47'], ['199507132022211012', '75.00'], ['199202222015031004', '74.30'],
      ['199002142022212021', '73.70'], ['199009302015032002', '73.55'], ['199201152019031006', '73.55'], ['199107092023211003', '71.43'],
      ['198411072009012005', '71.30'], ['198701192010012009', '70.60'], ['198403052009031003', '70.00'], ['198609192011012004', '69.95'],
      ['199312022023212007', '68.57'], ['196810051994031003', '67.70'], ['198910142014032006', '67.50'], ['197906062006032010', '50.60'],
      ['198007042008011012', '45.00'], ['197612012003012007', '42.86'],
    ];
    expect(rank().rows.map((r) => [r.nip, r.merit])).toEqual(expected);
  });

  it('breaks the 73.55 tie by DUK order: Fitri (TMT golongan III/b 2019-04-01) before Yoga (2023-04-01)', () => {
    const { rows } = rank();
    const fitri = Number(byNip(rows, '199009302015032002').rank);
    const yoga = Number(byNip(rows, '199201152019031006').rank);
    expect(yoga).toBe(fitri + 1);
    const explained = runAsn(['rank', '--explain', '199201152019031006'], { cwd: dir });
    expect(explained.stdout).toContain('same merit (6 decimals) as 199009302015032002 Fitri Handayani');
    expect(explained.stdout).toContain('DUK TMT golongan 2023-04-01 vs 2019-04-01');
  });

  it('--all lists the unrated last, in DUK order (PNS before PPPK), with rank, merit and percentile empty', () => {
    const { rows } = rank('--all');
    expect(rows).toHaveLength(40);
    // Galih Prakoso: only a 2023 appraisal (study leave); Muhammad Iqbal: appointed 2025, no appraisal yet.
    expect(rows.slice(38).map((r) => [r.nip, r.rank, r.merit, r.percentile, r.status, r.box])).toEqual([
      ['199508172022041008', '', '', '', 'unrated', ''],
      ['199701282025211014', '', '', '', 'unrated', ''],
    ]);
  });

  it('--by unit restarts the ranks in every unit, units in name order, percentiles within the unit', () => {
    const all = rank();
    const { rows, stderr } = rank('--by', 'unit');
    expect(stderr).toContain('scope by unit');
    const units = [...new Set(rows.map((r) => r.unit))];
    expect(units).toEqual(['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan']);
    for (const unit of units) {
      const inUnit = rows.filter((r) => r.unit === unit);
      const n = inUnit.length;
      expect(inUnit.map((r) => r.rank)).toEqual(inUnit.map((_, i) => String(i + 1)));
      expect(inUnit.map((r) => r.percentile)).toEqual(inUnit.map((_, i) => ((n - i - 1) / (n - 1)).toFixed(2)));
      // Same order as the overall ranking restricted to the unit; same merit values.
      expect(inUnit.map((r) => r.nip)).toEqual(all.rows.filter((r) => r.unit === unit).map((r) => r.nip));
    }
    // Dinas Kesehatan: 13 rated; Ahmad Fauzi 4th → (13 − 4) ÷ 12 = 0.75.
    expect(byNip(rows, '198602272011011010')).toMatchObject({ rank: '4', merit: '85.45', percentile: '0.75' });
    // BKPSDM: the tie stays in DUK order, Fitri 8th and Yoga 9th of 13 → (13 − 8) ÷ 12 = 0.42, (13 − 9) ÷ 12 = 0.33.
    expect(byNip(rows, '199009302015032002')).toMatchObject({ rank: '8', percentile: '0.42' });
    expect(byNip(rows, '199201152019031006')).toMatchObject({ rank: '9', percentile: '0.33' });
  });

  it('--unit restricts who is ranked (case-insensitive); --limit cuts each scope', () => {
    const { rows } = rank('--unit', 'dinas kesehatan', '--unit', 'DINAS PENDIDIKAN DAN KEBUDAYAAN', '--limit', '5');
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.unit !== 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia')).toBe(true);
    // Bambang (BKPSDM) is out of the population, so Eko Wibowo (92.30) is first of the two units.
    expect(rows[0]).toMatchObject({ rank: '1', nip: '198011112005011006', merit: '92.30' });
    const perUnit = rank('--by', 'unit', '--limit', '2').rows;
    expect(perUnit.map((r) => r.rank)).toEqual(['1', '2', '1', '2', '1', '2']);
  });

  it('gives byte-identical output for the same command, in every format', () => {
    for (const format of ['csv', 'json', 'ndjson', 'table']) {
      const first = runAsn(['rank', '--all', '--format', format], { cwd: dir });
      const second = runAsn(['rank', '--all', '--format', format], { cwd: dir });
      expect(first.code).toBe(0);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  it('json and ndjson carry the same keys as the CSV, numbers rounded, missing → null, NIP as text', () => {
    const json = JSON.parse(rank('--all', '--format', 'json').stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(json[0]!).join(',')).toBe(COLUMNS);
    expect(json.find((r) => r.nip === '199107092023211003')).toMatchObject({ merit: 71.43, kompetensi: null, coverage: 0.7, box: null, level: 4 });
    expect(json.at(-1)).toMatchObject({ rank: null, merit: null, percentile: null, status: 'unrated' });
    const ndjson = rank('--format', 'ndjson').stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ndjson).toHaveLength(38);
    expect(ndjson[0]).toMatchObject({ rank: 1, nip: '197105201996031002', golongan: 'IV/c' });
  });

  it('--quiet leaves stderr empty; the data is unchanged', () => {
    const quiet = rank('--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(rank().stdout);
  });

  it('table output starts with the model comment line', () => {
    const r = rank('--format', 'table', '--limit', '1');
    expect(r.stdout.split('\n')[0]).toMatch(/^# model asn-merit-v1 sha256:[0-9a-f]{64} · year 2025 · scope all$/);
    expect(r.stdout).toContain('Bambang Hartono');
  });

  it('--year 2024 ranks on the 2023–2024 window', () => {
    const { rows, stderr } = rank('--year', '2024', '--all');
    expect(stderr).toContain('year 2024');
    // Galih Prakoso is rated in 2024 (2023 appraisal B, JPM 80, no JP in 2024 → pengembangan missing):
    // (0.30·66.667 + 0.30·80 + 0.25·60 + 0.05·100) ÷ 0.90 = (20 + 24 + 15 + 5) ÷ 0.90 = 64 ÷ 0.90 = 71.11
    expect(byNip(rows, '199508172022041008')).toMatchObject({ merit: '71.11', pengembangan: '', coverage: '0.90', status: 'incomplete', box: '' });
    // Muhammad Iqbal, appointed PPPK in 2025, was not in service at 31 December 2024 (SPEC §9).
    expect(rows.some((r) => r.nip === '199701282025211014')).toBe(false);
  });
});

describe('asn rank --model', () => {
  it('a kinerja-only model ranks by kinerja, ties by DUK, and names itself in the output', () => {
    writeFileSync(join(dir, 'kinerja-only.json'), JSON.stringify({
      name: 'kinerja-only', weights: { kinerja: 1, kompetensi: 0, pengembangan: 0, kualifikasi: 0, disiplin: 0 },
    }));
    const r = rank('--model', 'kinerja-only.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^model kinerja-only sha256:[0-9a-f]{64} · year 2025/);
    const defaultHash = /sha256:([0-9a-f]{64})/.exec(rank().stderr)![1];
    expect(r.stderr).not.toContain(defaultHash);
    for (const row of r.rows) expect(row.merit).toBe(row.kinerja);
    // Kinerja 100 (SB in 2024 and 2025): Bambang IV/c, Eko IV/a, Anisa III/b — the DUK golongan step orders them.
    expect(r.rows.slice(0, 3).map((x) => x.nama)).toEqual(['Bambang Hartono', 'Eko Wibowo', 'Anisa Rahmawati']);
    // Anisa was 3rd and Retno 4th by default; Retno's kinerja (B, SB) = 83.33 now puts her below every 100.
    // Teguh (no JPM) is complete: the only missing component has weight 0, so coverage = 1 ÷ 1.
    expect(byNip(r.rows, '199107092023211003')).toMatchObject({ merit: '66.67', coverage: '1.00', status: 'complete' });
  });

  it('a kualifikasi-heavy model moves education up: Haryanto (S-2) overtakes Nur Aini (S-1)', () => {
    // Default: Nur Aini 81.10 > Haryanto 80.65. With kualifikasi 0.60 and kinerja 0.10, kompetensi 0.10, pengembangan 0.10, disiplin 0.10:
    // Nur Aini  = 0.10·83.333 + 0.10·87   + 0.10·100 + 0.60·60 + 0.10·100 = 8.333 + 8.7  + 10 + 36 + 10 = 73.03
    // Haryanto  = 0.10·66.667 + 0.10·85.5 + 0.10·100 + 0.60·80 + 0.10·100 = 6.667 + 8.55 + 10 + 48 + 10 = 83.22
    writeFileSync(join(dir, 'kualifikasi.json'), JSON.stringify({
      weights: { kinerja: 0.1, kompetensi: 0.1, pengembangan: 0.1, kualifikasi: 0.6, disiplin: 0.1 },
    }));
    const def = rank().rows;
    expect(Number(byNip(def, '198803172011012008').rank)).toBeLessThan(Number(byNip(def, '196909091994031005').rank));
    const r = rank('--model', 'kualifikasi.json');
    expect(byNip(r.rows, '198803172011012008').merit).toBe('73.03');
    expect(byNip(r.rows, '196909091994031005').merit).toBe('83.22');
    expect(Number(byNip(r.rows, '196909091994031005').rank)).toBeLessThan(Number(byNip(r.rows, '198803172011012008').rank));
  });

  it('a model that changes the level table derives the level again', () => {
    writeFileSync(join(dir, 'levels.json'), JSON.stringify({ levels: { jenjang: { 'AHLI PERTAMA': 5 } } }));
    const r = rank('--model', 'levels.json', '--format', 'table');
    expect(r.stdout.split('\n')[0]).toContain('levels from the model');
    const csv = rank('--model', 'levels.json').rows;
    // Fitri Handayani, Analis SDM Aparatur Ahli Pertama: stored level 4, now 5; an eselon post keeps its level.
    expect(byNip(csv, '199009302015032002').level).toBe('5');
    expect(byNip(csv, '197105201996031002').level).toBe('7');
  });

  it('a broken model file is a usage error naming the key', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ weights: { kinerja: 'tinggi' } }));
    const r = rank('--model', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('weights.kinerja must be a number ≥ 0');
  });
});

describe('asn rank --explain', () => {
  it('shows inputs, sources, rules, weights, contributions, rank, DUK and box (text)', () => {
    const r = runAsn(['rank', '--explain', '198504182010011001'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n')[0]).toMatch(/^# model asn-merit-v1 sha256:[0-9a-f]{64} · year 2025 · scope all$/);
    expect(out).toContain('2024  SB  ratings matrix: hasil ABOVE × perilaku ABOVE → SB');
    expect(out).toContain('2025  B   predikat column: B');
    expect(out).toContain('kinerja        83.33 × weight 0.30 = 25.00 · contribution 25.00');
    expect(out).toContain('kompetensi     85.00 × weight 0.30 = 25.50');
    expect(out).toContain('min(32 ÷ 20, 1) × 100 = 100');
    expect(out).toContain('merit = Σ wᵢ·sᵢ ÷ Σ wᵢ = (0.30 × 83.33 + 0.30 × 85.00 + 0.10 × 100.00 + 0.25 × 60.00 + 0.05 × 100.00) ÷ 1.00 = 80.50 ÷ 1.00 = 80.50');
    const rankOf = byNip(rank().rows, '198504182010011001').rank;
    expect(out).toContain(`rank ${rankOf} of 38 rated · percentile (38 − ${rankOf}) ÷ (38 − 1) = ${((38 - Number(rankOf)) / 37).toFixed(2)}`);
    expect(out).toMatch(/DUK position \d+ of 35 PNS\/CPNS in the scope at 2025-12-31 \(golongan III\/c, TMT golongan 2022-04-01, level 5, 191 months of service/);
    expect(out).toContain('box 8: kinerja meets (predikat B in 2025), potensial tinggi (potensi TINGGI in 2025) → box 8; Retain; Join the agency succession pool; Rotation/job enlargement; Performance coaching');
  });

  it('explains an incomplete PPPK with the contributions scaled by the present weights', () => {
    // Teguh Santoso: 50 ÷ 0.70 = 71.43; kinerja contributes 0.30·66.667 ÷ 0.70 = 28.57.
    const out = runAsn(['rank', '--explain', '199107092023211003', '--by', 'unit'], { cwd: dir }).stdout;
    expect(out).toContain('scope unit Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
    expect(out).toContain('kompetensi    missing (no JPM in any year ≤ 2025) · weight 0.30, not counted');
    expect(out).toContain('kinerja        66.67 × weight 0.30 = 20.00 · contribution 28.57');
    expect(out).toContain('÷ 0.70 = 50.00 ÷ 0.70 = 71.43');
    expect(out).toMatch(/DUK position 1 of 1 PPPK/);
    expect(out).toContain('no box: no potensi or JPM in any year ≤ 2025');
  });

  it('--format json gives the same as one object, nilai SKP source included', () => {
    const r = runAsn(['rank', '--explain', '198602272011011010', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as {
      model: { hash: string }; rank: number; appraisals: unknown[]; components: Array<{ name: string }>; box: unknown;
    };
    expect(o.model).toMatchObject({ name: 'asn-merit-v1', file: null });
    expect(o.model.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(o).toMatchObject({ year: 2025, reference_date: '2025-12-31', status: 'complete', coverage: 1, merit: 85.45, rated: 38 });
    // The ranking pass reads only this employee's instansi (src/db/queries/merit-inputs.ts).
    expect(o).toMatchObject({ employee: { nip: '198602272011011010', instansi: 'Pemerintah Kabupaten Sleman Raya' } });
    expect(o.appraisals.at(-1)).toMatchObject({ tahun: 2025, predikat: 'B', predikat_source: 'nilai_skp', nilai_skp: 88.5, source_detail: 'nilai SKP 88.5 → B' });
    const components = Object.fromEntries((o.components as Array<{ name: string }>).map((c) => [c.name, c]));
    expect(components.kompetensi).toMatchObject({ value: 91.5, weight: 0.3, weighted: 27.45, inputs: { jpm: 91.5, jpm_year: 2023 } });
    expect(components.pengembangan).toMatchObject({ value: 80, weighted: 8, inputs: { jp: 16, target: 20 } });
    expect(o.box).toMatchObject({ box: 8, kinerja: 'meets', potensial: 'tinggi' });
    expect(o.percentile).toBe(Number(((38 - o.rank) / 37).toFixed(2)));
  });

  it('explains an unrated employee without a rank', () => {
    const out = runAsn(['rank', '--explain', '199701282025211014'], { cwd: dir }).stdout;
    expect(out).toContain('Merit 2025: unrated');
    expect(out).toContain('not ranked: unrated (no predikat in 2024 or 2025)');
  });

  it.each<[string, string[], number, string]>([
    ['an unknown NIP', ['--explain', '198504182010011009'], 2, 'hint: find the NIP by name: asn rank --all --format csv | grep NAME'],
    ['a NIP that is not 18 digits', ['--explain', '1985'], 2, 'NIP must have 18 digits'],
    ['an employee outside --unit', ['--explain', '198504182010011001', '--unit', 'Dinas Kesehatan'], 2, 'outside the --unit selection'],
    ['--format csv', ['--explain', '198504182010011001', '--format', 'csv'], 2, 'use one of: table, json'],
  ])('refuses %s', (_label, args, code, message) => {
    const r = runAsn(['rank', ...args], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});

describe('asn rank errors', () => {
  it.each<[string, string[], number, string]>([
    ['a year without appraisals (exit 2, lists the years)', ['--year', '2022'], 2, 'hint: years with appraisals: 2023, 2024, 2025'],
    ['an unknown unit (exit 2, lists the units)', ['--unit', 'Dinas Pariwisata'], 2, 'units: "Badan Kepegawaian'],
    ['--by something else', ['--by', 'instansi'], 2, 'use --by unit'],
    ['--limit 0', ['--limit', '0'], 2, '--limit must be a whole number'],
  ])('%s', (_label, args, code, message) => {
    const r = rank(...args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('an empty database is exit 3 with a hint to import first', () => {
    const empty = tempDir();
    writeFileSync(join(empty, 'none.csv'), 'NIP,NAMA\n');
    expect(runAsn(['import', 'none.csv'], { cwd: empty }).code).toBe(0);
    const r = runAsn(['rank'], { cwd: empty });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('holds no employees');
    expect(r.stderr).toContain('hint: import first: asn import personnel.csv appraisals.csv');
    const missing = runAsn(['rank', '--db', 'nowhere.db'], { cwd: empty });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no database at nowhere.db');
  });
});
