// The stages measured at one size, in order: the baselines that import the personnel CSV (raw,
// sqlite-utils, sqlite3, DuckDB; raw and DuckDB also on the narrow 13-column file), the asn
// imports (the narrow personnel file into a database of its own), then rank / audit / report,
// each next to the sqlite3 shell exporting the same joined columns (the cost of just reading and
// writing that data), and rank next to DuckDB computing its inputs in SQL.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measure, tail } from './measure.mjs';
import { SNAPSHOT_1, SNAPSHOT_2 } from './second-snapshot.mjs';

/** What rank reads: every employee with the appraisals of the window {Y−1, Y} (SPEC §3). */
export const RANK_EXPORT_SQL = `SELECT e.nip, e.nama, e.unit, e.jenis_pegawai, e.golongan, e.golongan_code, e.tmt_golongan, e.level,
  e.tmt_cpns, e.pendidikan, e.tahun_lulus, e.tgl_lahir, a.tahun, a.predikat, a.jpm, a.potensi, a.potensi_score, a.jp, a.hukuman_disiplin
FROM employees e LEFT JOIN appraisals a ON a.nip = e.nip AND a.tahun >= (SELECT max(tahun) FROM appraisals) - 1;`;

/** What audit reads: the promotions with their employees, then every employee with all appraisal years (SPEC §5). */
export const AUDIT_EXPORT_SQL = `SELECT p.nip, p.tmt, p.unit, p.jabatan_baru, p.level_baru, p.level_asal, e.nama, e.unit, e.jenis_pegawai,
  e.golongan_code, e.level, e.tmt_cpns FROM promotions p JOIN employees e ON e.nip = p.nip;
SELECT e.nip, e.nama, e.unit, e.jenis_pegawai, e.golongan, e.golongan_code, e.tmt_golongan, e.level,
  e.tmt_cpns, e.pendidikan, e.tahun_lulus, e.tgl_lahir, a.tahun, a.predikat, a.jpm, a.potensi, a.potensi_score, a.jp, a.hukuman_disiplin
FROM employees e LEFT JOIN appraisals a ON a.nip = e.nip;`;

function which(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

/** The subcommands the built asn offers (`asn audit --help` exits 0 even when audit is unknown, so read the list). */
/** The largest size at which the cards stage writes one file per employee. */
const CARDS_MAX_EMPLOYEES = 20_000;

export function asnCommands(bin) {
  const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  const section = r.stdout.split(/^Commands:$/m)[1] ?? '';
  return new Set([...section.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]));
}

/**
 * The stage list for one size. `ctx`: { root, data, work, manifest, baselines, tools, commands }.
 * Each stage: id, label, rows, and either `skip` (a reason) or command/args/okCodes.
 */
export function stagesFor(ctx) {
  const { root, data, work, manifest, baselines, tools, commands } = ctx;
  const node = process.execPath;
  const bin = join(root, 'bin/asn.js');
  const db = join(work, 'asn.db');
  const file = (name) => join(data, name);
  const rows = (name) => manifest.files[name].rows;
  const employees = manifest.size;
  const noBaseline = baselines ? null : 'skipped (--no-baselines)';
  const noDuckdb = noBaseline ?? (tools.duckdb ? null : `DuckDB not available${tools.duckdbNote ? ` (${tools.duckdbNote})` : ''}`);
  const duck = (...a) => [join(root, 'bench/duckdb-stage.mjs'), tools.duckdb ?? '', ...a];
  const duckDb = join(work, 'duck.db');
  const needs = (cmd) => (commands.has(cmd) ? null : `no \`asn ${cmd}\` command in this build`);
  return [
    {
      id: 'raw', label: 'raw import: csv-parse + 1 prepared insert', rows: rows('personnel.csv'), skip: noBaseline,
      command: node, args: [join(root, 'bench/raw-import.mjs'), file('personnel.csv'), join(work, 'raw.db')], cleanup: ['raw.db'],
    },
    {
      id: 'sqlite-utils', label: 'sqlite-utils insert --csv', rows: rows('personnel.csv'),
      skip: noBaseline ?? (tools.sqliteUtils ? null : `sqlite-utils not installed${tools.sqliteUtilsNote ? ` (${tools.sqliteUtilsNote})` : ''}`),
      command: 'sqlite-utils', args: ['insert', join(work, 'su.db'), 'personnel', file('personnel.csv'), '--csv'], cleanup: ['su.db'],
    },
    {
      id: 'sqlite3-import', label: 'sqlite3 .import --csv (C ceiling)', rows: rows('personnel.csv'),
      skip: noBaseline ?? (tools.sqlite3 ? null : `sqlite3 not installed${tools.sqlite3Note ? ` (${tools.sqlite3Note})` : ''}`),
      command: 'sqlite3', args: [join(work, 's3.db'), `.import --csv ${file('personnel.csv')} personnel`], cleanup: ['s3.db'],
    },
    {
      id: 'raw-narrow', label: 'raw import, narrow 13-column file', rows: rows('personnel-narrow.csv'), skip: noBaseline,
      command: node, args: [join(root, 'bench/raw-import.mjs'), file('personnel-narrow.csv'), join(work, 'raw-narrow.db')], cleanup: ['raw-narrow.db'],
    },
    {
      id: 'duckdb-personnel', label: 'DuckDB read_csv personnel into a table', rows: rows('personnel.csv'), skip: noDuckdb,
      command: node, args: duck('load', duckDb, file('personnel.csv'), 'personnel'),
    },
    {
      id: 'duckdb-narrow', label: 'DuckDB read_csv narrow file into a table', rows: rows('personnel-narrow.csv'), skip: noDuckdb,
      command: node, args: duck('load', duckDb, file('personnel-narrow.csv'), 'personnel_narrow'),
    },
    { id: 'asn-import-personnel', label: 'asn import personnel', rows: rows('personnel.csv'), command: node, args: [bin, '--db', db, 'import', '--as-of', SNAPSHOT_1, file('personnel.csv')], okCodes: [0, 1] },
    {
      id: 'asn-import-narrow', label: 'asn import personnel, narrow 13-column file', rows: rows('personnel-narrow.csv'),
      command: node, args: [bin, '--db', join(work, 'asn-narrow.db'), 'import', file('personnel-narrow.csv')], okCodes: [0, 1], cleanup: ['asn-narrow.db'],
    },
    { id: 'asn-import-appraisals', label: 'asn import appraisals', rows: rows('appraisals.csv'), command: node, args: [bin, '--db', db, 'import', file('appraisals.csv')], okCodes: [0, 1] },
    { id: 'asn-import-promotions', label: 'asn import promotions', rows: rows('promotions.csv'), command: node, args: [bin, '--db', db, 'import', file('promotions.csv')], okCodes: [0, 1] },
    { id: 'asn-rank', label: 'asn rank --by unit --format csv', rows: employees, skip: needs('rank'), command: node, args: [bin, '--db', db, 'rank', '--by', 'unit', '--format', 'csv'] },
    {
      id: 'export-rank', label: 'sqlite3 -csv export of rank inputs', rows: employees, skip: noBaseline ?? (tools.sqlite3 ? null : 'sqlite3 not installed'),
      command: 'sqlite3', args: ['-readonly', '-csv', '-header', db, RANK_EXPORT_SQL],
    },
    // calibration (SPEC §10): both tables are computed whatever --table prints.
    { id: 'asn-calibrate', label: 'asn calibrate --format json', rows: employees, skip: needs('calibrate'), command: node, args: [bin, '--db', db, 'calibrate', '--format', 'json'] },
    {
      id: 'duckdb-appraisals', label: 'DuckDB read_csv appraisals into a table', rows: rows('appraisals.csv'), skip: noDuckdb,
      command: node, args: duck('load', duckDb, file('appraisals.csv'), 'appraisals'),
    },
    {
      id: 'duckdb-rank', label: 'DuckDB SQL of rank inputs, folded, to CSV', rows: employees, skip: noDuckdb,
      command: node, args: duck('rank-inputs', duckDb, join(work, 'duck-rank.csv')), cleanup: ['duck-rank.csv'],
    },
    { id: 'asn-audit', label: 'asn audit --format csv', rows: employees, skip: needs('audit'), command: node, args: [bin, '--db', db, 'audit', '--format', 'csv'] },
    {
      id: 'export-audit', label: 'sqlite3 -csv export of audit inputs', rows: employees, skip: noBaseline ?? (tools.sqlite3 ? null : 'sqlite3 not installed'),
      command: 'sqlite3', args: ['-readonly', '-csv', '-header', db, AUDIT_EXPORT_SQL],
    },
    {
      id: 'asn-report', label: 'asn report --format html', rows: employees, skip: needs('report'),
      command: node, args: [bin, '--db', db, 'report', '--format', 'html', '--out', join(work, 'report.html')], cleanup: ['report.html'],
    },
    // personal cards for everyone (SPEC §12, issue 16): every card from one scored population
    {
      id: 'asn-report-cards', label: 'asn report --type employee --all --format html', rows: employees,
      // One HTML file per employee: at a million that is tens of GB of cards, so the stage runs at small sizes.
      skip: employees > CARDS_MAX_EMPLOYEES ? `cards are measured at --size ${CARDS_MAX_EMPLOYEES} or less (one file per employee)` : needs('report'),
      command: node, args: [bin, '--db', db, '--format', 'html', 'report', '--type', 'employee', '--all', '--out', join(work, 'cards')], cleanupDirs: ['cards'],
    },
    {
      id: 'db-size-1', label: 'database size with one snapshot', rows: employees, noteFromStderr: true,
      command: node, args: ['-e', `const fs=require('fs');const f=${JSON.stringify(db)};let n=0;for(const s of ['','-wal'])try{n+=fs.statSync(f+s).size}catch{}console.error('database '+(n/1048576).toFixed(1)+' MB')`],
    },
    // issue 13 (SPEC §9): next year's snapshot — 3% changed, 1% left, 1% joined — and the analyses on two snapshots
    {
      id: 'make-snapshot-2', label: 'make the second snapshot (bench/second-snapshot.mjs)', rows: rows('personnel.csv'),
      command: node, args: [join(root, 'bench/second-snapshot.mjs'), file('personnel.csv'), join(work, 'personnel-2.csv')],
    },
    {
      id: 'asn-import-snapshot-2', label: `asn import personnel, second snapshot (--as-of ${SNAPSHOT_2})`, rows: rows('personnel.csv'),
      command: node, args: [bin, '--db', db, 'import', '--as-of', SNAPSHOT_2, join(work, 'personnel-2.csv')], okCodes: [0, 1], cleanup: ['personnel-2.csv'],
      // Exit 1 is the planted rejected rows; a snapshot refused by the 10% guard is also exit 1 and must not pass as a timing.
      failIfStderr: /^refused:/m,
    },
    { id: 'asn-rank-2', label: 'asn rank --by unit --format csv (two snapshots)', rows: employees, skip: needs('rank'), command: node, args: [bin, '--db', db, 'rank', '--by', 'unit', '--format', 'csv'] },
    { id: 'asn-audit-2', label: 'asn audit --format csv (two snapshots)', rows: employees, skip: needs('audit'), command: node, args: [bin, '--db', db, 'audit', '--format', 'csv'] },
    {
      id: 'asn-report-2', label: 'asn report --format html (two snapshots)', rows: employees, skip: needs('report'),
      command: node, args: [bin, '--db', db, 'report', '--format', 'html', '--out', join(work, 'report.html')], cleanup: ['report.html'],
    },
    {
      id: 'db-size-2', label: 'database size after the second snapshot', rows: employees, noteFromStderr: true,
      command: node, args: ['-e', `const fs=require('fs');const f=${JSON.stringify(db)};let n=0;for(const s of ['','-wal'])try{n+=fs.statSync(f+s).size}catch{}console.error('database '+(n/1048576).toFixed(1)+' MB')`],
    },
  ];
}

/** Runs one stage (or records why it did not run). Never throws for a failing child. */
export async function runStage(stage, { work, env, onStart = () => {} }) {
  const base = { id: stage.id, label: stage.label, rows: stage.rows, seconds: null, rssMb: null, cpuSeconds: null, method: null };
  if (stage.skip) return { ...base, status: 'n/a', note: stage.skip };
  onStart(stage);
  const stderrFile = join(work, `${stage.id}.stderr.txt`);
  try {
    const m = await measure(stage.command, stage.args, { cwd: work, env, stderrFile, scratch: work });
    const okCodes = stage.okCodes ?? [0];
    if (!okCodes.includes(m.code)) {
      const why = tail(stderrFile, 3).replace(/\s*\n\s*/g, ' / ').slice(0, 200);
      return { ...base, status: 'failed', note: `exit ${m.code}${why ? `: ${why}` : ''}`, seconds: m.seconds };
    }
    if (stage.failIfStderr && stage.failIfStderr.test(readFileSync(stderrFile, 'utf8'))) {
      return { ...base, status: 'failed', note: `stderr: ${tail(stderrFile, 2).replace(/\s*\n\s*/g, ' / ').slice(0, 200)}`, seconds: m.seconds };
    }
    const note = stage.noteFromStderr ? tail(stderrFile, 1).trim() : stage.okCodes && m.code === 1 ? 'exit 1: rejected rows, as planted' : '';
    return { ...base, status: 'ok', seconds: m.seconds, rssMb: m.rssMb, cpuSeconds: m.cpuSeconds, method: m.method, note };
  } catch (error) {
    return { ...base, status: 'failed', note: `could not start: ${error.message}` };
  } finally {
    for (const d of stage.cleanupDirs ?? []) rmSync(join(work, d), { recursive: true, force: true });
    for (const f of stage.cleanup ?? []) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(work, f + suffix), { force: true });
    }
  }
}
