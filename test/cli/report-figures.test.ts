/**
 * The report's figures of year Y per unit (SPEC §6) — predikat of Y−1 and Y, the latest JPM's
 * category, PNS/CPNS training against the JP target, hukuman disiplin of Y — are counted from
 * the ranking pass, not read again from the tables. Here every one of them is recounted
 * straight from the database with plain SQL, on the hand-written fixtures and on generated
 * data with messy values, and must agree unit by unit.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, ROOT, runAsn, tempDir } from './helpers.js';

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

const PREDIKAT = ['SB', 'B', 'BP', 'K', 'SK'];
/** SPEC §6 JPM categories and the model's JP target (20 JP for PNS and CPNS). */
const category = (jpm: number | null): string => (jpm === null ? 'none' : jpm >= 90 ? 'optimal' : jpm >= 78 ? 'cukup_optimal' : 'kurang_optimal');
const JP_TARGET = 20;

/** SQL's answer for one unit, in the columns of the report's unit tables. */
function expectedUnits(dbFile: string, year: number): Map<string, Row> {
  const units = new Map<string, Row>();
  const of = (unit: string): Row => {
    let row = units.get(unit);
    if (row === undefined) {
      row = { unit, jpm_optimal: 0, jpm_cukup_optimal: 0, jpm_kurang_optimal: 0, jpm_none: 0, pns_cpns: 0, pns_cpns_meeting_jp: 0, ringan: 0, sedang: 0, berat: 0 };
      for (const p of PREDIKAT) row[`predikat_${p.toLowerCase()}`] = 0;
      units.set(unit, row);
    }
    return row;
  };
  // SPEC §9: year Y counts the people in service at T = 31 December Y (appointed by then).
  const IN_SERVICE = `(e.tmt_cpns IS NULL OR e.tmt_cpns <= '${year}-12-31')`;
  const predikat = query<{ unit: string; predikat: string; n: number }>(
    dbFile,
    `SELECT e.unit, a.predikat, count(*) AS n FROM appraisals a JOIN employees e ON e.nip = a.nip
     WHERE a.tahun = ? AND a.predikat IS NOT NULL AND e.unit IS NOT NULL AND ${IN_SERVICE} GROUP BY 1, 2`,
    year,
  );
  for (const r of predikat) of(r.unit)[`predikat_${r.predikat.toLowerCase()}`] = r.n;
  const jpm = query<{ unit: string; jpm: number | null }>(
    dbFile,
    `SELECT e.unit, (SELECT a.jpm FROM appraisals a WHERE a.nip = e.nip AND a.tahun <= ? AND a.jpm IS NOT NULL
                     ORDER BY a.tahun DESC LIMIT 1) AS jpm
     FROM employees e WHERE e.unit IS NOT NULL AND ${IN_SERVICE}`,
    year,
  );
  for (const r of jpm) (of(r.unit)[`jpm_${category(r.jpm)}`] as number)++;
  const training = query<{ unit: string; jp: number | null }>(
    dbFile,
    `SELECT e.unit, a.jp FROM employees e LEFT JOIN appraisals a ON a.nip = e.nip AND a.tahun = ?
     WHERE e.unit IS NOT NULL AND ${IN_SERVICE} AND e.jenis_pegawai IN ('PNS', 'CPNS')`,
    year,
  );
  for (const r of training) {
    const row = of(r.unit);
    (row.pns_cpns as number)++;
    if (r.jp !== null && r.jp >= JP_TARGET) (row.pns_cpns_meeting_jp as number)++;
  }
  const hukuman = query<{ unit: string; hukuman: string; n: number }>(
    dbFile,
    `SELECT e.unit, a.hukuman_disiplin AS hukuman, count(*) AS n FROM appraisals a JOIN employees e ON e.nip = a.nip
     WHERE a.tahun = ? AND a.hukuman_disiplin IN ('ringan', 'sedang', 'berat') AND e.unit IS NOT NULL AND ${IN_SERVICE} GROUP BY 1, 2`,
    year,
  );
  for (const r of hukuman) of(r.unit)[r.hukuman] = r.n;
  return units;
}

function reportJson(dir: string, type: string): Json {
  const r = runAsn(['report', '--type', type, '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** The report's unit tables joined per unit, only the columns SQL recounts. */
function reportedUnits(json: Json, keys: string[]): Map<string, Row> {
  const units = new Map<string, Row>();
  for (const table of ['unit_predikat', 'unit_competence']) {
    for (const row of json[table] as Row[]) {
      const unit = row.unit as string;
      const merged = units.get(unit) ?? { unit };
      for (const k of keys) if (k in row) merged[k] = row[k];
      units.set(unit, merged);
    }
  }
  return units;
}

const datasets: Array<[string, () => string]> = [
  ['minimal', () => importFixture('minimal', ['personnel.csv', 'appraisals.csv', 'promotions.csv'])],
  ['promotions', () => importFixture('promotions', ['personnel.csv', 'appraisals.csv', 'promotions.csv'])],
  ['generated, 3,000 employees with messy values', importGenerated],
];

function importFixture(name: string, files: string[]): string {
  const dir = tempDir(name);
  const r = runAsn(['import', ...files.map((f) => `${name}/${f}`)], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** bench/generate.mjs data: hukuman, missing JPM and JP, PPPK and CPNS, over 100 units. */
function importGenerated(): string {
  const dir = tempDir();
  const gen = spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '--size', '3000', '--out', join(dir, 'data')], { encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  // exit 1: the generator plants invalid rows on purpose
  const r = runAsn(['import', 'data/personnel.csv', 'data/appraisals.csv'], { cwd: dir });
  expect(r.code, r.stderr).toBe(1);
  return dir;
}

describe.each(datasets)('report figures of year Y = SQL recount (%s)', (_name, make) => {
  let dir: string;
  beforeAll(() => {
    dir = make();
  });

  it('unit report: predikat of Y, latest JPM, PNS/CPNS training, hukuman of Y — unit by unit', () => {
    const json = reportJson(dir, 'unit');
    const year = (json.meta as Row).year as number;
    const expected = expectedUnits(join(dir, 'asn.db'), year);
    const keys = Object.keys([...expected.values()][0] ?? {}).filter((k) => k !== 'unit');
    const reported = reportedUnits(json, keys);
    expect(expected.size).toBeGreaterThan(0);
    for (const [unit, row] of expected) expect(reported.get(unit), unit).toEqual(row);
  });

  it('top 10 and each unit\'s best, picked without sorting everyone, = asn rank --limit 10 and --by unit --limit 1', () => {
    const rank = (args: string[]) => {
      const r = runAsn(['rank', ...args, '--format', 'json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Row[];
    };
    const summary = reportJson(dir, 'summary');
    const keys = ['rank', 'nip', 'merit', 'percentile'];
    const pick = (rows: Row[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
    expect(pick(summary.top_merit as Row[])).toEqual(pick(rank(['--limit', '10'])));
    const best = rank(['--by', 'unit', '--limit', '1']);
    const units = reportJson(dir, 'unit').unit_merit as Row[];
    expect(units.filter((u) => u.top_nip !== null && u.unit !== '(all)').map((u) => [u.unit, u.top_nip, u.top_merit])).toEqual(best.map((b) => [b.unit, b.nip, b.merit]));
  });

  it('summary report: predikat of Y−1 and Y over everyone', () => {
    const json = reportJson(dir, 'summary');
    const year = (json.meta as Row).year as number;
    const counts = (tahun: number) =>
      Object.fromEntries(
        query<{ predikat: string; n: number }>(
          join(dir, 'asn.db'),
          'SELECT predikat, count(*) AS n FROM appraisals WHERE tahun = ? AND predikat IS NOT NULL GROUP BY 1',
          tahun,
        ).map((r) => [r.predikat, r.n]),
      );
    const prev = counts(year - 1);
    const current = counts(year);
    for (const row of (json.predikat as Row[]).filter((r) => PREDIKAT.includes(r.predikat as string))) {
      expect(row.count_prev, `${String(row.predikat)} ${year - 1}`).toBe(prev[row.predikat as string] ?? 0);
      expect(row.count_y, `${String(row.predikat)} ${year}`).toBe(current[row.predikat as string] ?? 0);
    }
  });
});
