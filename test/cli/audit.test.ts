/**
 * `asn audit` end to end on fixtures/promotions (SPEC §5, §7). Every expected value below is the
 * hand computation written in fixtures/promotions/README.md (merit = 15 + 0.3·kinerja + 0.3·JPM +
 * 0.25·education points for the uniform appraisals of that fixture; DUK by golongan, then TMT golongan).
 */
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

type Row = Record<string, string>;

let dir: string;
beforeAll(() => {
  dir = tempDir('promotions');
  const r = runAsn(['import', 'promotions/personnel.csv', 'promotions/appraisals.csv', 'promotions/promotions.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import of fixtures/promotions failed (${r.code}): ${r.stderr}`);
});

function audit(...args: string[]): { code: number; stdout: string; stderr: string; rows: Row[] } {
  const r = runAsn(['audit', ...args], { cwd: dir });
  const csv = !args.includes('--format') || args[args.indexOf('--format') + 1] === 'csv';
  const rows = csv && (r.code === 0 || r.code === 1) && !args.includes('--event') ? (parse(r.stdout, { columns: true }) as Row[]) : [];
  return { ...r, rows };
}

const COLUMNS = 'nip,nama,tmt,unit,jabatan_baru,pool_size,merit,merit_rank,seniority_rank,flagged,severity,best_candidate_nip,best_candidate_merit,merit_gap,passed_over,status,status_reason';
const DINKES = 'Dinas Kesehatan';
const DISDIK = 'Dinas Pendidikan dan Kebudayaan';

/** [label, nip, tmt, unit, pool_size, merit, merit_rank, seniority_rank, flagged, severity, best nip, best merit, gap, passed_over, status, status_reason] */
type Expected = [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
const EXPECTED: Expected[] = [
  ['B2 strict: better candidate excluded (BP 2022)', '197904042003032024', '2024-09-02', DISDIK, '1', '73.00', '1', '2', 'false', '', '', '', '', '0', 'audited', ''],
  ['B1 the promoted is the best', '198902142014032021', '2024-10-01', DISDIK, '2', '87.00', '1', '2', 'false', '', '', '', '', '0', 'audited', ''],
  ['B3 skipped: previous level unknown', '198305152008031027', '2024-12-02', DISDIK, '', '', '', '', '', '', '', '', '', '', 'skipped', 'previous level unknown'],
  ['A1 flagged high', '197003141997031001', '2025-01-06', DINKES, '3', '73.00', '3', '1', 'true', 'high', '197407221999032002', '92.00', '19.00', '2', 'audited', ''],
  ['B4 insufficient data', '196812121994031028', '2025-01-13', DISDIK, '2', '', '', '', '', '', '', '', '', '', 'insufficient-data', 'the promoted employee has no merit for 2024 (no predikat in 2023 or 2024)'],
  ['A2 flagged medium', '198006092005011004', '2025-02-03', DINKES, '3', '71.00', '3', '2', 'true', 'medium', '198604122010032006', '92.00', '21.00', '1', 'audited', ''],
  ['A3 flagged low, first in DUK', '198408212009031008', '2025-03-03', DINKES, '2', '71.00', '2', '1', 'true', 'low', '199001252015032009', '84.00', '13.00', '1', 'audited', ''],
  ['B5 no pool (unit from personnel)', '199007192013031030', '2025-03-03', DISDIK, '0', '66.00', '', '', '', '', '', '', '', '', 'no-pool', 'no one at level 3 in the unit is in the same jenis group'],
  ['A4 better candidate inside the margin', '198303092006032011', '2025-04-01', DINKES, '2', '66.00', '2', '1', 'false', '', '', '', '', '0', 'audited', ''],
  ['B6 tie: neither s nor m', '199112202016031023', '2025-04-01', DISDIK, '2', '71.00', '2', '2', 'false', '', '', '', '', '0', 'audited', ''],
  ['A5 flagged low, not first in DUK', '199308192017031014', '2025-05-02', DINKES, '3', '63.00', '3', '2', 'true', 'low', '199704272020031016', '79.00', '16.00', '1', 'audited', ''],
  ['A6 flagged low at the margin boundary', '198210102008011018', '2025-06-02', DINKES, '2', '68.00', '2', '1', 'true', 'low', '199301302019032019', '78.00', '10.00', '1', 'audited', ''],
];

function expectedRow(e: Expected): Row {
  const [, nip, tmt, unit, pool, merit, mr, sr, flagged, severity, best, bestMerit, gap, passed, status, reason] = e;
  return {
    nip, tmt, unit, pool_size: pool, merit, merit_rank: mr, seniority_rank: sr, flagged, severity,
    best_candidate_nip: best, best_candidate_merit: bestMerit, merit_gap: gap, passed_over: passed, status, status_reason: reason,
  };
}

const byNip = (rows: Row[], nip: string): Row => {
  const row = rows.find((r) => r.nip === nip);
  if (row === undefined) throw new Error(`no row for ${nip}`);
  return row;
};

describe('asn audit — events (fixtures/promotions README)', () => {
  const r = () => audit();
  it('exits 0, prints exactly the SPEC §7 columns, events ordered by tmt then nip', () => {
    const out = r();
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe(COLUMNS);
    expect(out.rows.map((row) => `${row.tmt} ${row.nip}`)).toEqual(EXPECTED.map((e) => `${e[2]} ${e[1]}`));
  });

  it.each(EXPECTED)('%s', (_label, nip, ...rest) => {
    const row = byNip(r().rows, nip);
    const { nama: _nama, jabatan_baru: _jabatan, ...compared } = row;
    expect(compared).toEqual(expectedRow([_label, nip, ...rest]));
  });

  it('names and posts come from the personnel and promotion rows', () => {
    const row = byNip(r().rows, '197003141997031001');
    expect([row.nama, row.jabatan_baru]).toEqual(['Hadi Susanto', 'Kepala Dinas Kesehatan']);
  });

  it('says on stderr which model and settings produced it, and the counts', () => {
    const out = r();
    expect(out.stderr).toMatch(/^model asn-merit-v1 sha256:[0-9a-f]{64} · scope unit · margin 10 · eligibility strict\n/);
    expect(out.stderr).toContain('12 promotion events: 9 audited (5 flagged), 1 skipped, 1 insufficient-data, 1 no-pool\n');
  });

  it('flag is an alias of audit, with the same bytes', () => {
    const flag = runAsn(['flag'], { cwd: dir });
    expect(flag.code).toBe(0);
    expect(flag.stdout).toBe(r().stdout);
  });
});

describe('asn audit --summary (SPEC §5 summary, sign test)', () => {
  const SUMMARY: Array<[string, Row]> = [
    ['overall', { scope: 'overall', unit: '', events: '12', audited: '9', skipped: '1', insufficient_data: '1', no_pool: '1', flagged: '5', flag_rate: '0.5556', mean_merit_percentile: '0.5556', mean_seniority_percentile: '0.7037', s: '6', m: '2', p_value: '0.289063', seniority_biased: 'false' }],
    [DINKES, { scope: 'unit', unit: DINKES, events: '6', audited: '6', skipped: '0', insufficient_data: '0', no_pool: '0', flagged: '5', flag_rate: '0.8333', mean_merit_percentile: '0.4167', mean_seniority_percentile: '0.8889', s: '6', m: '0', p_value: '0.031250', seniority_biased: 'true' }],
    [DISDIK, { scope: 'unit', unit: DISDIK, events: '6', audited: '3', skipped: '1', insufficient_data: '1', no_pool: '1', flagged: '0', flag_rate: '0.0000', mean_merit_percentile: '0.8333', mean_seniority_percentile: '0.3333', s: '0', m: '2', p_value: '0.500000', seniority_biased: 'false' }],
  ];
  it.each(SUMMARY.map((s, i) => [i, ...s] as const))('row %i: %s', (index, _label, expected) => {
    const out = audit('--summary');
    expect(out.code).toBe(0);
    expect(out.rows).toHaveLength(3);
    expect(out.rows[index]).toEqual(expected);
  });

  it('JSON keeps numbers as numbers: p = 0.03125 for the biased unit', () => {
    const out = audit('--summary', '--format', 'json');
    const rows = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    expect(rows[0]).toMatchObject({ scope: 'overall', unit: null, s: 6, m: 2, p_value: 0.289063, seniority_biased: false });
    expect(rows[1]).toMatchObject({ unit: DINKES, s: 6, m: 0, p_value: 0.03125, seniority_biased: true });
  });

  it('table format labels the overall row (all) under the model line', () => {
    const out = audit('--summary', '--format', 'table');
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^# model asn-merit-v1 sha256:[0-9a-f]{64} · scope unit · margin 10 · eligibility strict$/);
    expect(lines.find((l) => l.includes('overall'))).toContain('(all)');
  });
});

describe('asn audit options', () => {
  it('--fail-on-flags exits 1 when something is flagged and says why', () => {
    const out = audit('--fail-on-flags');
    expect(out.code).toBe(1);
    expect(out.rows).toHaveLength(12);
    expect(out.stderr).toContain('5 flagged promotions: exit 1 (--fail-on-flags)');
  });

  it('--fail-on-flags exits 0 with --to before the first flagged event', () => {
    const out = audit('--fail-on-flags', '--to', '2024-12-31');
    expect(out.code).toBe(0);
    expect(out.rows.map((row) => row.nip)).toEqual(['197904042003032024', '198902142014032021', '198305152008031027']);
    expect(out.stderr).toContain('3 of 12 promotion events selected');
  });

  it.each([
    [['--from', '1 Januari 2025', '--to', '31 Maret 2025']],
    [['--from', '01-01-2025', '--to', '31/03/2025']],
    [['--from', '1 Jan 2025', '--to', '31.03.2025']],
  ])('--from and --to take the date forms of the import (SPEC §1.3): %j = --from 2025-01-01 --to 2025-03-31', (args) => {
    const iso = audit('--from', '2025-01-01', '--to', '2025-03-31');
    const out = audit(...args);
    expect(out.code).toBe(0);
    expect(out.rows.map((row) => row.tmt)).toEqual(['2025-01-06', '2025-01-13', '2025-02-03', '2025-03-03', '2025-03-03']);
    expect(out.stdout).toBe(iso.stdout);
    expect(out.stderr).toBe(iso.stderr);
  });

  it('--event takes the date forms too', () => {
    expect(audit('--event', '197003141997031001@6 Januari 2025').stdout).toBe(audit('--event', '197003141997031001@2025-01-06').stdout);
  });

  it('--from and --to are inclusive', () => {
    expect(audit('--from', '2025-03-03', '--to', '2025-04-01').rows.map((row) => row.tmt)).toEqual(['2025-03-03', '2025-03-03', '2025-04-01', '2025-04-01']);
  });

  it('--eligibility basic flips the excluded-candidate case (B2) and nothing else', () => {
    const strict = audit().rows;
    const basic = audit('--eligibility', 'basic');
    expect(basic.stderr).toContain('eligibility basic');
    const b2 = byNip(basic.rows, '197904042003032024');
    expect(b2).toMatchObject({ pool_size: '2', merit_rank: '2', seniority_rank: '2', flagged: 'true', severity: 'low', best_candidate_nip: '198710212011032026', best_candidate_merit: '86.00', merit_gap: '13.00', passed_over: '1' });
    expect(basic.rows.filter((row) => row.nip !== '197904042003032024')).toEqual(strict.filter((row) => row.nip !== '197904042003032024'));
  });

  it.each([
    ['198303092006032011', 'true', 'low', '7.50'], // A4: inside margin 10, outside margin 5
    ['198408212009031008', 'true', 'medium', '13.00'], // A3: 13 ≥ 2 × 5
    ['198210102008011018', 'true', 'medium', '10.00'], // A6: 10 ≥ 2 × 5
    ['197003141997031001', 'true', 'high', '19.00'],
  ])('--margin 5: %s flagged %s, %s, gap %s', (nip, flagged, severity, gap) => {
    const row = byNip(audit('--margin', '5').rows, nip);
    expect([row.flagged, row.severity, row.merit_gap]).toEqual([flagged, severity, gap]);
  });

  it('--scope all widens the pool to the whole instansi (A3: 2 → 4)', () => {
    const row = byNip(audit('--scope', 'all').rows, '198408212009031008');
    expect([row.pool_size, row.merit_rank, row.seniority_rank, row.severity]).toEqual(['4', '3', '2', 'low']);
    expect(audit('--scope', 'instansi').stdout).toBe(audit('--scope', 'all').stdout);
  });

  it('--unit filters events case-insensitively; the summary follows', () => {
    const out = audit('--unit', 'dinas kesehatan', '--summary');
    expect(out.rows.map((row) => [row.scope, row.unit, row.events, row.s, row.m])).toEqual([['overall', '', '6', '6', '0'], ['unit', DINKES, '6', '6', '0']]);
    expect(out.stderr).toContain(`units ${DINKES}`);
  });

  it('json and ndjson carry the same columns; unaudited verdicts are null', () => {
    const rows = JSON.parse(audit('--format', 'json').stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0] as object).join(',')).toBe(COLUMNS);
    expect(rows[3]).toMatchObject({ nip: '197003141997031001', merit: 73, flagged: true, passed_over: 2, merit_gap: 19 });
    expect(rows[2]).toMatchObject({ status: 'skipped', pool_size: null, flagged: null, passed_over: null, status_reason: 'previous level unknown' });
    expect(rows[3]).toMatchObject({ status: 'audited', status_reason: null });
    const nd = audit('--format', 'ndjson').stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(nd).toEqual(rows);
  });

  it('table output starts with the model comment line', () => {
    const out = audit('--format', 'table');
    expect(out.stdout.split('\n')[0]).toMatch(/^# model asn-merit-v1 sha256:[0-9a-f]{64} · scope unit · margin 10 · eligibility strict$/);
    expect(out.stdout).toContain('insufficient-data');
  });

  it('--quiet leaves stderr empty', () => {
    expect(audit('--quiet').stderr).toBe('');
  });

  it.each([
    [['--format', 'csv'], 'csv'],
    [['--format', 'table'], 'table'],
    [['--summary', '--format', 'json'], 'summary json'],
    [['--event', '197003141997031001@2025-01-06'], 'event'],
  ])('is deterministic: %j twice gives byte-identical output (%s)', (args) => {
    const a = audit(...args);
    const b = audit(...args);
    expect(a.code === 0 || a.code === 1).toBe(true);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
  });
});

describe('asn audit --model', () => {
  it('a kinerja-only model changes merit and names itself (A1: 66.67 against two at 100)', () => {
    writeFileSync(join(dir, 'kinerja-only.json'), JSON.stringify({
      name: 'kinerja-only', weights: { kinerja: 1, kompetensi: 0, pengembangan: 0, kualifikasi: 0, disiplin: 0 },
    }));
    const out = audit('--model', 'kinerja-only.json');
    expect(out.stderr).toMatch(/^model kinerja-only sha256:[0-9a-f]{64} · scope unit/);
    expect(out.stderr).not.toContain(/sha256:([0-9a-f]{64})/.exec(audit().stderr)![1]);
    // Sri Mulyani and Agung Wicaksono SB,SB → 100 (tie: Sri IV/b first); Hadi and Yudi B,B → 66.67 (tie: Hadi IV/c first).
    expect(byNip(out.rows, '197003141997031001')).toMatchObject({
      merit: '66.67', merit_rank: '3', seniority_rank: '1', severity: 'high', best_candidate_nip: '197407221999032002', merit_gap: '33.33', passed_over: '2',
    });
  });

  it('a model with its own level table derives the levels again (Terampil = 4 widens A4\'s pool)', () => {
    writeFileSync(join(dir, 'levels.json'), JSON.stringify({ name: 'terampil-4', levels: { jenjang: { TERAMPIL: 4 } } }));
    const out = audit('--model', 'levels.json');
    expect(out.stderr).toContain('· levels from the model');
    // Level 4 at 2025-04-01: Lina Marlina, Andi Saputra (Ahli Pertama) and Sri Handayani, Yusuf Maulana (Terampil).
    expect(byNip(out.rows, '198303092006032011').pool_size).toBe('4');
  });
});

describe('asn audit --event NIP@DATE', () => {
  it('lists the whole pool in DUK order with merit, ranks and why each excluded person is out', () => {
    const out = audit('--event', '197904042003032024@2024-09-02');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^# model asn-merit-v1 sha256:[0-9a-f]{64} · scope unit · margin 10 · eligibility strict\n/);
    expect(out.stdout).toContain('Promotion of 197904042003032024 Endah Purwaningsih on 2024-09-02');
    expect(out.stdout).toContain('level before   5 (from JABATAN ASAL / ESELON ASAL');
    expect(out.stdout).toContain('not flagged');
    const listing = out.stdout.slice(out.stdout.indexOf('┌'));
    const order = ['Sudarsono', 'Endah Purwaningsih', 'Hendro Saputro', 'Ayu Lestari'].map((n) => listing.indexOf(n));
    expect(order.every((pos, i) => pos > 0 && (i === 0 || pos > (order[i - 1] as number)))).toBe(true);
    expect(out.stdout).toContain('predikat BP in 2022 (needs SB or B)');
    expect(out.stdout).toContain('level at D unknown');
  });

  it('JSON gives the event and every person with role, ranks and reason', () => {
    const out = audit('--event', '19700314 199703 1 001@2025-01-06', '--format', 'json');
    const obj = JSON.parse(out.stdout) as { event: Record<string, unknown>; people: Array<Record<string, unknown>>; margin: number };
    expect(obj.margin).toBe(10);
    expect(obj.event).toMatchObject({ nip: '197003141997031001', severity: 'high', level_before: 6, level_before_source: 'asal', level_baru: 7, merit_year: 2024 });
    expect(obj.people.map((p) => [p.duk_position, p.role, p.nip, p.merit, p.merit_rank, p.seniority_rank, p.passed_over])).toEqual([
      [1, 'promoted', '197003141997031001', 73, 3, 1, false],
      [2, 'pool', '197407221999032002', 92, 1, 2, true],
      [3, 'pool', '197611052001011001', 89, 2, 3, true],
      [4, 'pool', '197502182000031003', 68, 4, 4, false],
    ]);
  });

  it('shows the excluded of a no-pool event, and the flip with --eligibility basic', () => {
    const noPool = audit('--event', '199007192013031030@2025-03-03', '--format', 'json');
    const shown = JSON.parse(noPool.stdout) as { event: Record<string, unknown>; people: Array<Record<string, unknown>> };
    // Raka Aditya (TMT CPNS 2025-06-01) was not yet appointed on 2025-03-03: not listed at all.
    expect(shown.people.map((p) => [p.role, p.nama, p.excluded_because])).toEqual([
      ['promoted', 'Wawan Setiawan', null],
      ['excluded', 'Dian Permata', 'jenis group PPPK differs'],
    ]);
    expect(shown.event.status_reason).toBe('no one at level 3 in the unit is in the same jenis group');
    expect(audit('--event', '199007192013031030@2025-03-03').stdout).toContain('no-pool: no one at level 3 in the unit is in the same jenis group');
    const basic = audit('--event', '197904042003032024@2024-09-02', '--eligibility', 'basic');
    expect(basic.stdout).toContain('FLAGGED, severity low');
    expect(basic.stdout).toContain('best 198710212011032026 Ayu Lestari 86.00, gap 13.00');
  });

  it('P appointed after the promotion date (a data error): months of service empty, not negative, and a warning', () => {
    const own = tempDir('promotions');
    const file = join(own, 'promotions/personnel.csv');
    // Hadi Susanto (A1, promoted 2025-01-06) with TMT CPNS 2025-06-01: not yet appointed on D.
    writeFileSync(file, readFileSync(file, 'utf8').replace('1970-03-14,L,PNS,IV/c,2020-04-01,1997-03-01', '1970-03-14,L,PNS,IV/c,2020-04-01,2025-06-01'));
    expect(runAsn(['import', 'promotions/personnel.csv', 'promotions/appraisals.csv', 'promotions/promotions.csv'], { cwd: own }).code).toBe(0);
    const text = runAsn(['audit', '--event', '197003141997031001@2025-01-06'], { cwd: own }).stdout;
    expect(text).toContain("warning        P's TMT CPNS 2025-06-01 is after the promotion date: P was not yet appointed; check TMT CPNS");
    const json = JSON.parse(runAsn(['audit', '--event', '197003141997031001@2025-01-06', '--format', 'json'], { cwd: own }).stdout) as { people: Array<Record<string, unknown>> };
    const promoted = json.people.find((p) => p.role === 'promoted');
    expect(promoted?.service_months).toBeNull();
    expect(json.people.every((p) => p.service_months === null || (p.service_months as number) >= 0)).toBe(true);
  });

  it('explains a skipped event and an insufficient-data event', () => {
    expect(audit('--event', '198305152008031027@2024-12-02').stdout).toContain('skipped: previous level unknown');
    expect(audit('--event', '196812121994031028@2025-01-13').stdout).toContain('insufficient-data: the promoted employee has no merit for 2024 (no predikat in 2023 or 2024); pool 2');
  });

  it('--fail-on-flags applies to the shown event', () => {
    expect(audit('--event', '197003141997031001@2025-01-06', '--fail-on-flags').code).toBe(1);
    expect(audit('--event', '198902142014032021@2024-10-01', '--fail-on-flags').code).toBe(0);
  });
});

describe('asn audit errors', () => {
  it.each([
    [['--margin', 'abc'], '--margin must be a number'],
    [['--margin', '-1'], '--margin must be a number'],
    [['--from', '2025-13-01'], 'is not a date'],
    [['--to', '2025/02/30'], 'write the date as YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or D Month YYYY'],
    [['--from', '1 Janvier 2025'], 'unknown month name "Janvier"'],
    [['--from', '2025-02-01', '--to', '2025-01-01'], 'is after --to'],
    [['--scope', 'province'], "argument 'province' is invalid"],
    [['--eligibility', 'loose'], "argument 'loose' is invalid"],
    [['--unit', 'Dinas Sosial'], 'no unit "Dinas Sosial"'],
    [['--event', '197003141997031001'], 'is not NIP@YYYY-MM-DD'],
    [['--event', '1970031419970310@2025-01-06'], 'NIP must have 18 digits'],
    [['--event', '197003141997031001@2025-01-07'], 'no promotion of 197003141997031001 on 2025-01-07'],
    [['--event', '197003141997031001@2025-01-06', '--summary'], 'does not combine'],
    [['--format', 'xlsx'], '--format xlsx is not available here'],
  ])('%j → exit 2', (args, message) => {
    const out = audit(...args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
  });

  it('an unknown event names the events of that NIP', () => {
    expect(audit('--event', '197003141997031001@2025-01-07').stderr).toContain('hint: promotions of this NIP: 197003141997031001@2025-01-06');
  });

  it('no database → exit 3; a database without promotions → exit 3 with what to import', () => {
    const empty = tempDir('promotions');
    expect(runAsn(['audit'], { cwd: empty }).code).toBe(3);
    expect(runAsn(['import', 'promotions/personnel.csv'], { cwd: empty }).code).toBe(0);
    const out = runAsn(['audit'], { cwd: empty });
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('holds no promotions');
  });

  it('help documents the columns and ends with examples', () => {
    const out = runAsn(['audit', '--help'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('--fail-on-flags');
    expect(out.stdout).toContain('best_candidate_nip');
    expect(out.stdout).toContain('status_reason (why an event was not audited, in words)');
    expect(out.stdout).toContain('1 Januari 2025');
    expect(out.stdout.trimEnd()).toMatch(/Examples:[\s\S]*asn flag --fail-on-flags --quiet --format json > flags\.json$/);
  });
});
