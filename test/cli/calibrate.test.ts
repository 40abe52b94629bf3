/**
 * `asn calibrate` end to end on fixtures/calibration (SPEC §10, §7): every format, --table,
 * --fail-on-flags, the organisation predikat, bad input, the import of nip_penilai, and the
 * figures recomputed from the CSV alone with an independent exact hypergeometric sum (BigInt),
 * BH and the pattern rules written out again here.
 */
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, runAsn, tempDir } from './helpers.js';
import { fisherByHand } from '../support/fisher-by-hand.js';

type Row = Record<string, string>;

let dir: string;
beforeAll(() => {
  dir = tempDir('calibration');
  const r = runAsn(['import', 'calibration/personnel.csv', 'calibration/kinerja-2025.csv', 'calibration/pelatihan-2023.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import of fixtures/calibration failed (${r.code}): ${r.stderr}`);
});

const calibrate = (...args: string[]) => runAsn(['calibrate', ...args], { cwd: dir });
const csvRows = (text: string): Row[] => parse(text, { columns: true }) as Row[];

const DISTRIBUTION = 'year,scope,name,n,sb,b,bp,k,sk,org_predikat,verdict,broken_rules';
const APPRAISERS = 'year,nip_penilai,nama_penilai,unit,n,sb,b,bp,k,sk,share_sb,share_sb_rest,p,q,flag';
const KOTA = 'Pemerintah Kota Tanjung Harapan';
const KAB = 'Pemerintah Kabupaten Lembah Hijau';
const BKPSDM = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
const CAMAT = '19690718 199203 1 00';

describe('asn calibrate --format csv', () => {
  it('prints the distribution table by default: instansi, then units, with verdicts and broken rules', () => {
    const r = calibrate('--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(DISTRIBUTION);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x.scope, x.name, x.n, x.verdict, x.broken_rules])).toEqual([
      ['instansi', KAB, '8', 'sesuai', ''],
      ['instansi', KOTA, '85', 'sesuai', ''],
      ['unit', BKPSDM, '12', 'tidak sesuai', 'BP + K 0 < 1 person'],
      // 28 of 40 B is exactly 70%; two of them spelled "DINAS  KESEHATAN" (the same unit, SPEC §1.3)
      ['unit', 'Dinas Kesehatan', '40', 'sesuai', ''],
      ['unit', 'Dinas Pendidikan dan Kebudayaan', '23', 'tidak sesuai', 'B 91.3% > 70%'],
      ['unit', 'Dinas Pertanian dan Pangan', '8', 'sesuai', ''],
      ['unit', 'Kecamatan Sukamaju', '4', 'too-small', ''],
      ['unit', 'Sekretariat Daerah', '6', 'sesuai', ''],
    ]);
    expect(rows.every((x) => x.year === '2025' && x.org_predikat === 'Baik')).toBe(true);
    expect(r.stderr).toContain('93 employees with a predikat in 2025; 8 scopes, 2 tidak sesuai');
    expect(r.stderr).toContain(`warning: 1 appraiser NIP is not 18 digits, kept as given: ${CAMAT}`);
  });

  it('prints the appraisers with --table appraisers, sorted by q (untested last), then nip_penilai', () => {
    const r = calibrate('--format', 'csv', '--table', 'appraisers');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(APPRAISERS);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x.nip_penilai, x.n, x.flag])).toEqual([
      ['197203151998031002', '12', 'lenient'],
      ['197110051997031005', '20', 'strict'],
      ['197506202000122001', '10', 'flat'],
      ['197612302001121007', '8', 'ok'],
      ['197809112003121003', '15', 'ok'],
      ['198002142005012004', '15', 'ok'],
      [CAMAT, '4', 'too-small'],
      ['198304222008011006', '3', 'too-small'],
    ]);
    const lenient = rows[0]!;
    expect(lenient).toMatchObject({ nama_penilai: 'Drs. Bambang Sutrisno, M.Si.', unit: BKPSDM, sb: '11', b: '1', share_sb: '0.9167' });
    // The only appraiser of the kabupaten: nobody else there, so no rest share and p = 1.
    expect(rows[3]).toMatchObject({ share_sb_rest: '', p: '1.000000', q: '1.000000' });
    expect(rows[6]).toMatchObject({ p: '', q: '', unit: 'Kecamatan Sukamaju' });
  });

  it('gives figures an analyst can recompute by hand from the two CSV tables', () => {
    const dist = csvRows(calibrate('--format', 'csv').stdout);
    const apps = csvRows(calibrate('--format', 'csv', '--table', 'appraisers').stdout);
    // Verdicts from the counts, with the Baik rules written out again (integers only).
    for (const d of dist) {
      const [n, b, bp, k] = [d.n, d.b, d.bp, d.k].map(Number) as [number, number, number, number];
      const expected = n < 5 ? 'too-small' : 100 * b <= 70 * n && bp + k >= 1 ? 'sesuai' : 'tidak sesuai';
      expect(d.verdict, d.name).toBe(expected);
    }
    // Each appraiser's instansi from the database; the rest = the instansi row minus the appraiser.
    const instansiOf = new Map(query<{ unit: string; instansi: string }>(join(dir, 'asn.db'), 'SELECT DISTINCT unit, instansi FROM employees').map((x) => [x.unit.toLowerCase().replace(/\s+/g, ' '), x.instansi]));
    const tested = apps.filter((a) => Number(a.n) >= 5);
    const ps = tested.map((a) => {
      const inst = dist.find((d) => d.scope === 'instansi' && d.name === instansiOf.get(a.unit!.toLowerCase()))!;
      const [sbA, nA] = [Number(a.sb), Number(a.n)];
      const [sbR, nR] = [Number(inst.sb) - sbA, Number(inst.n) - nA];
      if (nR > 0) expect(Number(a.share_sb_rest)).toBeCloseTo(sbR / nR, 4);
      const p = fisherByHand(sbA, nA - sbA, sbR, nR - sbR);
      expect(Number(a.p), a.nip_penilai).toBeCloseTo(p, 6);
      return p;
    });
    const qs = bhByHand(ps);
    tested.forEach((a, i) => {
      expect(Number(a.q), a.nip_penilai).toBeCloseTo(qs[i]!, 6);
      const counts = [a.sb, a.b, a.bp, a.k, a.sk].map(Number);
      const flag = qs[i]! < 0.1 ? (Number(a.share_sb) > Number(a.share_sb_rest) ? 'lenient' : 'strict') : counts.includes(Number(a.n)) ? 'flat' : 'ok';
      expect(a.flag, a.nip_penilai).toBe(flag);
    });
    expect(apps.filter((a) => Number(a.n) < 5).every((a) => a.flag === 'too-small' && a.p === '' && a.q === '')).toBe(true);
  });

  it('is deterministic: the same database and flags give byte-identical output', () => {
    expect(calibrate('--format', 'csv', '--table', 'appraisers').stdout).toBe(calibrate('--format', 'csv', '--table', 'appraisers').stdout);
  });
});

describe('asn calibrate: other formats', () => {
  it('json holds both tables with the CSV keys', () => {
    const r = calibrate('--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { distribution: Array<Record<string, unknown>>; appraisers: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(['distribution', 'appraisers']);
    expect(Object.keys(out.distribution[0]!).join(',')).toBe(DISTRIBUTION);
    expect(Object.keys(out.appraisers[0]!).join(',')).toBe(APPRAISERS);
    expect(out.distribution).toHaveLength(8);
    expect(out.appraisers[0]).toMatchObject({ nip_penilai: '197203151998031002', n: 12, sb: 11, flag: 'lenient' });
    expect(out.appraisers.find((a) => a.flag === 'too-small')).toMatchObject({ p: null, q: null });
    expect(out.appraisers.some((a) => a.nip_penilai === CAMAT)).toBe(true);
    expect(out.distribution[2]).toMatchObject({ broken_rules: 'BP + K 0 < 1 person', verdict: 'tidak sesuai' });
    expect(out.distribution[0]).toMatchObject({ broken_rules: null });
  });

  it('ndjson prints one table, like csv', () => {
    const r = calibrate('--format', 'ndjson', '--table', 'appraisers');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatchObject({ nip_penilai: '197110051997031005', flag: 'strict' });
  });

  it('table output shows both tables and marks the NIP that is not 18 digits', () => {
    const r = calibrate('--format', 'table');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# calibrate 2025 · T 2025-12-31 · org predikat Baik (default) · min-n 5');
    expect(r.stdout).toContain('Distribution pattern (PermenPANRB 6/2022)');
    expect(r.stdout).toContain('B 91.3% > 70%');
    expect(r.stdout).toContain('Appraisers (');
    expect(r.stdout).toContain(`${CAMAT} (*)`);
    expect(r.stdout).toContain('(*) not an 18-digit NIP: kept as given');
    expect(r.stdout).not.toContain('197203151998031002 (*)');
  });
});

describe('asn calibrate: organisation predikat and --fail-on-flags', () => {
  it('--fail-on-flags exits 1 on a tidak sesuai scope or a lenient/strict appraiser, and says why', () => {
    const r = calibrate('--format', 'csv', '--fail-on-flags');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 scopes tidak sesuai, 1 lenient and 1 strict appraisers: exit 1 (--fail-on-flags)');
    expect(csvRows(r.stdout)).toHaveLength(8);
    // with everyone too small there is nothing to flag
    expect(calibrate('--format', 'csv', '--fail-on-flags', '--min-n', '100').code).toBe(0);
  });

  it('--min-n moves scopes and appraisers to too-small', () => {
    const rows = csvRows(calibrate('--format', 'csv', '--table', 'appraisers', '--min-n', '13').stdout);
    expect(rows.filter((x) => x.flag !== 'too-small').map((x) => x.nip_penilai)).toEqual(['197110051997031005', '197809112003121003', '198002142005012004']);
  });

  it('--org-predikat applies to every scope, in any spelling', () => {
    const rows = csvRows(calibrate('--format', 'csv', '--org-predikat', 'butuh perbaikan').stdout);
    expect(rows.every((x) => x.org_predikat === 'Butuh Perbaikan')).toBe(true);
    expect(rows.find((x) => x.name === BKPSDM)).toMatchObject({ verdict: 'tidak sesuai', broken_rules: 'BP 0.0% < 60%; SB 91.7% > 10%' });
  });

  it('--org-predikat-file sets a unit, and an instansi with its units that have no row of their own', () => {
    const r = calibrate('--format', 'csv', '--org-predikat-file', 'calibration/org-predikat.csv');
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRows(r.stdout);
    const of = (name: string) => rows.find((x) => x.name === name)!;
    expect(of('Dinas Pendidikan dan Kebudayaan')).toMatchObject({ org_predikat: 'Istimewa', verdict: 'sesuai' });
    expect(of(KAB)).toMatchObject({ org_predikat: 'Butuh Perbaikan', verdict: 'tidak sesuai', broken_rules: 'BP 25.0% < 60%; SB 12.5% > 10%' });
    expect(of('Dinas Pertanian dan Pangan')).toMatchObject({ org_predikat: 'Butuh Perbaikan' });
    expect(of(BKPSDM)).toMatchObject({ org_predikat: 'Baik' });
    expect(r.stderr).toContain('org predikat from file (others Baik)');
  });
});

describe('asn calibrate: bad input (exit 2)', () => {
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };

  it.each([
    ['an unknown organisation predikat in the file', ['--org-predikat-file', 'bad-predikat.csv'], 'line 3: "Luar Biasa" is not an organisation predikat'],
    ['an unknown unit in the file', ['--org-predikat-file', 'bad-unit.csv'], 'line 2: unknown unit "Dinas Pariwisata"'],
    ['an unknown instansi in the file', ['--org-predikat-file', 'bad-instansi.csv'], 'line 2: unknown instansi "Pemerintah Kota Antah Berantah"'],
    ['--min-n 0', ['--min-n', '0'], '--min-n must be a whole number from 1'],
    ['a year without predikat', ['--year', '2023'], 'no predikat for year 2023'],
    ['a year without appraisals', ['--year', '2019'], 'no predikat for year 2019'],
    ['both --org-predikat and --org-predikat-file', ['--org-predikat', 'Baik', '--org-predikat-file', 'calibration/org-predikat.csv'], 'do not combine'],
    ['an unknown --org-predikat', ['--org-predikat', 'Bagus'], '--org-predikat "Bagus" is not an organisation predikat'],
  ])('%s', (_label, args, message) => {
    file('bad-predikat.csv', 'unit;predikat\nDinas Kesehatan;Baik\nSekretariat Daerah;Luar Biasa\n');
    file('bad-unit.csv', 'unit,predikat\nDinas Pariwisata,Baik\n');
    file('bad-instansi.csv', 'instansi,predikat\nPemerintah Kota Antah Berantah,Baik\n');
    const r = calibrate('--format', 'csv', ...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('lists the years that have predikat', () => {
    expect(calibrate('--year', '2023').stderr).toContain('years with predikat: 2025');
  });
});

describe('import of nip_penilai / nama_penilai (SPEC §1.2, §10)', () => {
  it('stores the appraiser cleaned as a NIP, or as given when not 18 digits', () => {
    const rows = query<{ nip_penilai: string; nama_penilai: string; n: number }>(join(dir, 'asn.db'),
      'SELECT nip_penilai, nama_penilai, count(*) AS n FROM appraisals WHERE tahun = 2025 GROUP BY nip_penilai, nama_penilai ORDER BY nip_penilai');
    expect(rows).toContainEqual({ nip_penilai: CAMAT, nama_penilai: 'Yusuf Maulana, S.STP.', n: 4 });
    expect(rows).toContainEqual({ nip_penilai: '197203151998031002', nama_penilai: 'Drs. Bambang Sutrisno, M.Si.', n: 12 });
    expect(rows.filter((x) => x.nip_penilai === null)).toEqual([{ nip_penilai: null, nama_penilai: null, n: 6 }]);
  });

  it('reads the camelCase API header and cleans spaces and dots; a file without the columns leaves them alone', () => {
    const d = tempDir('calibration');
    expect(runAsn(['import', 'calibration/personnel.csv', 'calibration/kinerja-2025.csv'], { cwd: d }).code).toBe(0);
    const nip = '197001011995011001';
    writeFileSync(join(d, 'api.csv'), `nipBaru,tahun,predikatKinerja,nipNrpPenilai,namaPenilai\n${nip},2025,Sangat Baik,'19801231.200501.1.009,Siti Aminah\n`);
    const api = runAsn(['import', 'api.csv', '--map', 'predikatKinerja=predikat', '--map', 'nipBaru=nip'], { cwd: d });
    expect(api.code, api.stderr).toBe(0);
    const stored = () => query<{ nip_penilai: string; nama_penilai: string }>(join(d, 'asn.db'), 'SELECT nip_penilai, nama_penilai FROM appraisals WHERE nip = ? AND tahun = 2025', nip)[0];
    expect(stored()).toEqual({ nip_penilai: '198012312005011009', nama_penilai: 'Siti Aminah' });
    writeFileSync(join(d, 'ulang.csv'), `NIP,TAHUN,PREDIKAT\n${nip},2025,Baik\n`);
    expect(runAsn(['import', 'ulang.csv'], { cwd: d }).code).toBe(0);
    expect(stored()).toEqual({ nip_penilai: '198012312005011009', nama_penilai: 'Siti Aminah' });
  });
});

/** C(n, k) exactly. */


/** Benjamini–Hochberg by its definition: q(i) = min over j with p(j) ≥ p(i) of p(j)·m / rank(j). */
function bhByHand(ps: number[]): number[] {
  const m = ps.length;
  const sorted = [...ps].sort((x, y) => x - y);
  return ps.map((p) => Math.min(1, ...sorted.map((pj, j) => (pj >= p ? (pj * m) / (j + 1) : Infinity))));
}
