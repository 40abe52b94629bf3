/**
 * Calibration (SPEC §10), the public report, the cards and the fairness figures (SPEC §12) count
 * the people in service at T = 31 December of Y, each in their unit at T (SPEC §9), on
 * fixtures/history: the 2024 snapshot, then the 2025 one (Rina moves to Dinas Pendidikan in March
 * 2025, Sumarni retires — absent from the 2025 snapshot —, Sutarno has KEDUDUKAN HUKUM Pensiun,
 * three CPNS are appointed on 2025-03-01). The test writes the appraisals that make each case
 * count: a 2024 predikat for the 2025 CPNS and a 2025 predikat for the retiree, so that only the
 * population rule keeps them out.
 */
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

const RINA = '198605202010032002'; // h02: Dinas Kesehatan → Dinas Pendidikan on 2025-03-03, SB every year
const SUMARNI = '196612011990032004'; // h04: absent from the 2025 snapshot (retired)
const SUTARNO = '196611101992031006'; // h06: KEDUDUKAN HUKUM Pensiun in the 2025 snapshot
const NEW_CPNS = ['199802142025032021', '199711302025031022', '199905052025032023']; // TMT CPNS 2025-03-01
const TIME = { ASN_REPORT_TIME: '2026-01-15T08:00:00Z' };
const PUBLIC_TABLES = ['public_employees', 'public_predikat', 'public_talent', 'public_training', 'public_audit', 'public_fairness'];

type Row = Record<string, string>;
const rows = (csv: string): Row[] => parse(csv, { columns: true }) as Row[];

function asn(dir: string, args: string[]): string {
  const r = runAsn(args, { cwd: dir, env: TIME });
  expect(r.code, `asn ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/**
 * The 2024 state: the 2024 snapshot, the 2024 promotion (the 2025 one is left out: its pool at
 * D legitimately changes with the 2025 snapshot) and the appraisals up to 2024.
 */
function db2024(): string {
  const dir = tempDir('history');
  const lines = (file: string) => readFileSync(join(dir, 'history', file), 'utf8').trim().split('\n');
  const [apHead, ...ap] = lines('appraisals.csv');
  writeFileSync(join(dir, 'appraisals-to-2024.csv'), `${[apHead, ...ap.filter((l) => Number(l.split(',')[1]) <= 2024)].join('\n')}\n`);
  const [prHead, ...pr] = lines('promotions.csv');
  writeFileSync(join(dir, 'promotions-2024.csv'), `${[prHead, ...pr.filter((l) => l.split(',')[1]!.startsWith('2024-'))].join('\n')}\n`);
  asn(dir, ['import', 'history/personnel-2024.csv', 'promotions-2024.csv']);
  asn(dir, ['import', 'appraisals-to-2024.csv']);
  return dir;
}

/** The 2025 snapshot, its riwayat, every appraisal, and the predikat only the population rule must leave out. */
function add2025(dir: string): void {
  asn(dir, ['import', 'history/personnel-2025.csv']);
  asn(dir, ['import', '--kind', 'riwayat-jabatan', 'history/riwayat-jabatan.csv']);
  asn(dir, ['import', 'history/riwayat-golongan.csv', 'history/appraisals.csv']);
  writeFileSync(join(dir, 'appraisals-extra.csv'), [
    'NIP,TAHUN,PREDIKAT,JPM,JP,HUKUMAN DISIPLIN',
    ...NEW_CPNS.map((nip) => `${nip},2024,Sangat Baik,90,24,Tidak Ada`), // before their appointment
    `${SUMARNI},2025,Sangat Baik,90,24,Tidak Ada`, // appraised for 2025, gone at T
    '',
  ].join('\n'));
  asn(dir, ['import', 'appraisals-extra.csv']);
}

/** Every 2024 output of the population: calibrate, the public report's tables, fairness, the cards. */
function outputs2024(dir: string, cards: string): Record<string, string> {
  const out: Record<string, string> = {
    calibrate: asn(dir, ['calibrate', '--year', '2024', '--format', 'csv']),
    calibrateJson: asn(dir, ['calibrate', '--year', '2024', '--format', 'json']),
    publicJson: asn(dir, ['report', '--type', 'public', '--year', '2024', '--format', 'json']),
    // audit --fairness takes sb of the latest year (2025 once imported): its promotion rows here,
    // the sb of 2024 from the summary report's fairness table (the same figures, SPEC §12).
    fairness: promotionLines(asn(dir, ['audit', '--fairness', '--to', '2024-12-31', '--format', 'csv'])),
    fairnessCandidates: promotionLines(asn(dir, ['audit', '--fairness', '--candidates', '--to', '2024-12-31', '--format', 'csv'])),
    summaryFairness: asn(dir, ['report', '--year', '2024', '--format', 'csv', '--table', 'fairness']),
    summaryCalibration: asn(dir, ['report', '--year', '2024', '--format', 'csv', '--table', 'calibration_distribution']),
    summaryHeadcount: asn(dir, ['report', '--year', '2024', '--format', 'csv', '--table', 'headcount_unit']),
  };
  for (const t of PUBLIC_TABLES) out[t] = asn(dir, ['report', '--type', 'public', '--year', '2024', '--format', 'csv', '--table', t]);
  asn(dir, ['report', '--type', 'employee', '--all', '--year', '2024', '--format', 'md', '--out', cards]);
  out.cards = readdirSync(join(dir, cards)).sort().join('\n');
  return out;
}

/** The header and the promotion-measure lines of a fairness csv. */
const promotionLines = (csv: string): string => csv.split('\n').filter((l, i) => i === 0 || l.startsWith('promotion,')).join('\n');

/** n of each distribution scope, by name. */
const nOf = (csv: string): Record<string, number> => Object.fromEntries(rows(csv).map((r) => [r.name!, Number(r.n)]));

describe('the population of year Y is the people in service at T, in their unit at T (SPEC §9, §10, §12)', () => {
  it('keeps every 2024 output byte-identical after the 2025 snapshot, its riwayat and more appraisals', () => {
    const dir = db2024();
    const before = outputs2024(dir, 'cards-before');
    // By hand from fixtures/history: six in each Dinas, Rina (SB) in Dinas Kesehatan.
    expect(nOf(before.calibrate!)).toEqual({ 'Pemerintah Kabupaten Sukamaju': 12, 'Dinas Kesehatan': 6, 'Dinas Pendidikan': 6 });
    expect(before.cards!.split('\n')).toHaveLength(12);
    // The sb measure of 2024: the twelve of 2024, three of them SB.
    const sb = rows(before.summaryFairness!).filter((r) => r.measure === 'sb' && r.grouping === 'jenis_kelamin');
    expect(sb.reduce((n, r) => n + Number(r.candidates), 0)).toBe(12);
    expect(sb.reduce((n, r) => n + Number(r.selected), 0)).toBe(3);
    add2025(dir);
    const after = outputs2024(dir, 'cards-after');
    for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
  });

  it('counts for 2025 the people in service at 31 December 2025 in their unit then, and for 2024 those of 2024', () => {
    const dir = db2024();
    add2025(dir);
    // 2025 by hand: Dinas Kesehatan keeps Bambang, Joko, Fajar and the CPNS Anisa (Rina moved,
    // Sumarni and Sutarno left); Dinas Pendidikan has its six, Rina and the CPNS Putri and Rizky.
    const y2025 = rows(asn(dir, ['calibrate', '--year', '2025', '--format', 'csv']));
    expect(Object.fromEntries(y2025.map((r) => [r.name, [Number(r.n), Number(r.sb)]]))).toEqual({
      'Pemerintah Kabupaten Sukamaju': [13, 3], 'Dinas Kesehatan': [4, 1], 'Dinas Pendidikan': [9, 2],
    });
    // 2024: the retiree still counts, the 2025 CPNS (with a 2024 predikat) do not, Rina in Dinas Kesehatan.
    const y2024 = rows(asn(dir, ['calibrate', '--year', '2024', '--format', 'csv']));
    expect(Object.fromEntries(y2024.map((r) => [r.name, [Number(r.n), Number(r.sb)]]))).toEqual({
      'Pemerintah Kabupaten Sukamaju': [12, 3], 'Dinas Kesehatan': [6, 2], 'Dinas Pendidikan': [6, 1],
    });

    // The public report: Dinas Kesehatan has 4 at T 2025, pooled as a unit below k = 5 (and
    // Dinas Pendidikan's 9, the next smallest count of the column, hidden with it: SPEC §12).
    const employees = (year: string) => Object.fromEntries(
      rows(asn(dir, ['report', '--type', 'public', '--year', year, '--format', 'csv', '--table', 'public_employees'])).map((r) => [r.unit, r.employees]),
    );
    expect(employees('2025')).toEqual({ 'Dinas Pendidikan': '*', 'unit lain (< 5 pegawai)': '<5', '(all)': '13' });
    expect(employees('2024')).toEqual({ 'Dinas Kesehatan': '6', 'Dinas Pendidikan': '6', '(all)': '12' });

    // The cards: one per person in service at T.
    asn(dir, ['report', '--type', 'employee', '--all', '--year', '2025', '--format', 'md', '--out', 'cards-2025']);
    const cards2025 = readdirSync(join(dir, 'cards-2025'));
    expect(cards2025).toHaveLength(13);
    expect(cards2025).not.toContain(`${SUMARNI}.md`);
    expect(cards2025).not.toContain(`${SUTARNO}.md`);
    for (const nip of NEW_CPNS) expect(cards2025).toContain(`${nip}.md`);
    asn(dir, ['report', '--type', 'employee', '--all', '--year', '2024', '--format', 'md', '--out', 'cards-2024']);
    const cards2024 = readdirSync(join(dir, 'cards-2024'));
    expect(cards2024).toHaveLength(12);
    expect(cards2024).toContain(`${SUMARNI}.md`);
    for (const nip of NEW_CPNS) expect(cards2024).not.toContain(`${nip}.md`);

    // Fairness, sb of the latest year (2025): the candidates are the people in service at T 2025.
    const sb = rows(asn(dir, ['audit', '--fairness', '--candidates', '--format', 'csv'])).filter((r) => r.measure === 'sb');
    const sbNips = sb.map((r) => r.nip);
    expect(sbNips).toHaveLength(13);
    expect(sbNips).not.toContain(SUMARNI);
    expect(sbNips).not.toContain(SUTARNO);
    expect(sbNips).toEqual(expect.arrayContaining([RINA, ...NEW_CPNS]));
    expect(new Set(sb.map((r) => r.date))).toEqual(new Set(['2025-12-31']));
  });
});
