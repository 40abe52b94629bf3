#!/usr/bin/env node
// DuckDB as a baseline (issue 17), one stage per process like every other stage. DuckDB is not a
// dependency of asn: bench/run.mjs installs `@duckdb/node-api` on demand into its own folder
// (TOOLS, see bench/README.md) and passes that folder here.
//   node bench/duckdb-stage.mjs TOOLS version
//   node bench/duckdb-stage.mjs TOOLS load DB FILE.csv TABLE     read_csv into a table, all VARCHAR
//   node bench/duckdb-stage.mjs TOOLS rank-inputs DB OUT.csv      what asn rank reads, folded per employee
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [tools, action, ...rest] = process.argv.slice(2);
if (!tools || !action) {
  process.stderr.write('usage: node bench/duckdb-stage.mjs TOOLS (version | load DB FILE TABLE | rank-inputs DB OUT)\n');
  process.exit(2);
}
const require = createRequire(join(tools, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const sqlString = (s) => `'${String(s).replaceAll("'", "''")}'`;
const quoteId = (s) => `"${String(s).replaceAll('"', '""')}"`;

/**
 * The rank stage's inputs in SQL over the tables loaded from the same CSVs: every employee's
 * fields, with the appraisals of the window {Y−1, Y} (Y = the latest TAHUN, SPEC §3) folded
 * into one row per employee: predikat of both years, JPM, potensi and JP of Y, any discipline.
 * The CSV cells are raw text (no asn clean-up): NIPs lose their spaces, a decimal comma becomes
 * a point, which is the cheap part of what asn's import checks.
 */
export const RANK_INPUTS_SQL = `
WITH w AS (SELECT max(TRY_CAST(TAHUN AS INTEGER)) AS y FROM appraisals),
a AS (
  SELECT replace(NIP, ' ', '') AS nip,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y THEN PREDIKAT END) AS predikat_y,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y THEN "RATING HASIL KERJA" END) AS hasil_y,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y THEN "RATING PERILAKU KERJA" END) AS perilaku_y,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y - 1 THEN PREDIKAT END) AS predikat_y1,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y - 1 THEN "RATING HASIL KERJA" END) AS hasil_y1,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y - 1 THEN "RATING PERILAKU KERJA" END) AS perilaku_y1,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y THEN TRY_CAST(replace(JPM, ',', '.') AS DOUBLE) END) AS jpm,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y THEN POTENSI END) AS potensi,
    max(CASE WHEN TRY_CAST(TAHUN AS INTEGER) = w.y THEN TRY_CAST(JP AS INTEGER) END) AS jp,
    max(CASE WHEN "HUKUMAN DISIPLIN" NOT IN ('', 'Tidak Ada') THEN "HUKUMAN DISIPLIN" END) AS hukuman_disiplin
  FROM appraisals, w
  WHERE TRY_CAST(TAHUN AS INTEGER) >= w.y - 1
  GROUP BY 1
)
SELECT replace(p."NIP BARU", ' ', '') AS nip, p.NAMA, p."JENIS PEGAWAI NAMA", p."GOL AKHIR NAMA", p."TMT GOLONGAN",
  p."TMT CPNS", p."ESELON NAMA", p."JABATAN NAMA", p."TINGKAT PENDIDIKAN NAMA", p."TAHUN LULUS", p."TANGGAL LAHIR",
  p."UNOR NAMA", p."INSTANSI INDUK NAMA", a.predikat_y, a.hasil_y, a.perilaku_y, a.predikat_y1, a.hasil_y1, a.perilaku_y1, a.jpm, a.potensi, a.jp, a.hukuman_disiplin
FROM personnel p LEFT JOIN a ON a.nip = replace(p."NIP BARU", ' ', '')
ORDER BY p."UNOR NAMA", nip`;

async function main() {
  if (action === 'version') {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const rows = (await c.runAndReadAll("SELECT version() AS v, current_setting('threads') AS t")).getRowObjects();
    process.stdout.write(`${String(rows[0].v).replace(/^v/, '')} (${rows[0].t} threads)\n`);
    return 0;
  }
  const [db, a, b] = rest;
  const instance = await DuckDBInstance.create(db);
  const c = await instance.connect();
  if (action === 'load') {
    // One VARCHAR column per CSV column, like the raw and sqlite3 baselines: no type sniffing cost
    // beyond the dialect, no validation.
    await c.run(`CREATE OR REPLACE TABLE ${quoteId(b)} AS SELECT * FROM read_csv(${sqlString(a)}, header = true, delim = ',', quote = '"', all_varchar = true)`);
    const n = (await c.runAndReadAll(`SELECT count(*) AS n FROM ${quoteId(b)}`)).getRowObjects()[0].n;
    process.stderr.write(`duckdb: ${n} rows into ${b}\n`);
  } else if (action === 'rank-inputs') {
    await c.run(`COPY (${RANK_INPUTS_SQL}) TO ${sqlString(a)} (FORMAT csv, HEADER true)`);
    process.stderr.write(`duckdb: rank inputs written to ${a}\n`);
  } else {
    process.stderr.write(`duckdb-stage: unknown action ${action}\n`);
    return 2;
  }
  c.closeSync?.();
  instance.closeSync?.();
  return 0;
}

process.exitCode = await main();
