#!/usr/bin/env node
// The benchmark of issue 6: `npm run bench -- --size 1000000` (or `--size 100000,1000000`).
// Per size: generate (or reuse) the data, then time each stage as a child process — the baselines
// (raw csv-parse + better-sqlite3, sqlite-utils, the sqlite3 shell) and asn's import, rank,
// audit and report — and print the figures with the issue's targets marked PASS/FAIL.
// Writes bench/RESULTS.md, or RESULTS.md and results.json in --out DIR. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, FILES, generatorVersion } from './generate.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measure, methodName } from './lib/measure.mjs';
import { dataLine, flatness, machineLines, ratios, ratioTable, stageTable, targets, targetTable } from './lib/results.mjs';
import { asnCommands, runStage, stagesFor } from './lib/stages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const USAGE = `usage: node bench/run.mjs [--size N[,N...]] [--seed 42] [--out DIR] [--data DIR]
                         [--tools DIR] [--no-baselines] [--no-install] [--keep] [--fail-on-targets]
                         [--stages ID[,ID...]]
  --size      employees; several sizes separated by commas; 100k, 1m, 4.7m work (default 1000000)
  --out DIR   write RESULTS.md, results.json, the data cache and work files under DIR
              (bench/RESULTS.md is then left alone)
  --data DIR  where generated data is cached (default bench/data, or DIR/data with --out)
  --tools DIR where the DuckDB baseline is installed on demand (default bench/.tools, or DIR/tools with --out)
  --no-baselines  only the asn stages (quick smoke run)
  --no-install    do not try apt-get for a missing sqlite3 or sqlite-utils, nor npm for DuckDB
  --keep          keep the databases made by the run
  --fail-on-targets  exit 1 when a target fails
  --stages    run only these stage ids (see bench/lib/stages.mjs), e.g. the national pipeline:
              asn-import-personnel,asn-import-appraisals,asn-import-promotions,asn-rank,asn-audit,asn-report
Example: npm run bench -- --size 100000,1000000`;

function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replaceAll('_', ''));
  if (!m) throw new Error(`--size ${text}: expected a number such as 100000, 100k, 4.7m`);
  const n = Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
  if (n < 1) throw new Error(`--size ${text}: must be at least 1`);
  return n;
}

function parseArgs(argv) {
  const args = { sizes: [1_000_000], seed: DEFAULT_SEED, out: null, data: null, tools: null, baselines: true, install: true, keep: false, failOnTargets: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--size' || a === '--sizes') args.sizes = value().split(',').map(parseSize);
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--out') args.out = resolve(value());
    else if (a === '--data') args.data = resolve(value());
    else if (a === '--tools') args.tools = resolve(value());
    else if (a === '--no-baselines') args.baselines = false;
    else if (a === '--no-install') args.install = false;
    else if (a === '--keep') args.keep = true;
    else if (a === '--fail-on-targets') args.failOnTargets = true;
    else if (a === '--stages') args.stages = new Set(value().split(',').map((id) => id.trim()).filter(Boolean));
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  args.sizes = [...new Set(args.sizes)].sort((x, y) => x - y);
  return args;
}

const log = (text) => process.stderr.write(`${text}\n`);
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** A baseline tool, installed with apt-get when missing and allowed (root, apt-get present). */
function ensureTool(tool, pkg, install, work) {
  if (has(tool)) return { present: true, note: null };
  if (!install) return { present: false, note: 'not installed; --no-install' };
  if (process.getuid?.() !== 0 || !has('apt-get')) return { present: false, note: 'not installed; apt-get not available to this user' };
  log(`${tool} is missing: trying apt-get install -y ${pkg}`);
  const logFile = join(work, `apt-${pkg}.log`);
  const fd = openSync(logFile, 'w');
  spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: ['ignore', fd, fd], timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  closeSync(fd);
  return has(tool) ? { present: true, note: `installed by this run with apt-get` } : { present: false, note: `apt-get install ${pkg} failed, see ${logFile}` };
}

/**
 * DuckDB (issue 17) is not a dependency of asn, so `npm ci` never downloads it: `@duckdb/node-api`
 * is installed here on demand into its own folder, once, and loaded from there by
 * bench/duckdb-stage.mjs. Returns { present, note, version }.
 */
const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';
function ensureDuckdb(dir, install, work) {
  const probe = () => spawnSync(process.execPath, [join(here, 'duckdb-stage.mjs'), dir, 'version'], { encoding: 'utf8', timeout: 60_000 });
  const installed = existsSync(join(dir, 'node_modules/@duckdb/node-api/package.json'));
  let note = null;
  if (!installed) {
    if (!install) return { present: false, note: 'not installed; --no-install', version: null };
    if (!has('npm')) return { present: false, note: 'not installed; npm not found', version: null };
    log(`DuckDB is missing: npm install ${DUCKDB_PACKAGE} into ${dir}`);
    mkdirSync(dir, { recursive: true });
    // Its own package.json, so npm never walks up to asn's.
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'asn-bench-tools', private: true, description: 'baselines installed by bench/run.mjs' }, null, 2)}\n`);
    const logFile = join(work, 'npm-duckdb.log');
    const fd = openSync(logFile, 'w');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', DUCKDB_PACKAGE], { cwd: dir, stdio: ['ignore', fd, fd], timeout: 600_000 });
    closeSync(fd);
    if (r.status !== 0) return { present: false, note: `npm install ${DUCKDB_PACKAGE} failed (${r.error?.message ?? `exit ${r.status}`}), see ${logFile}`, version: null };
    note = `${DUCKDB_PACKAGE} installed by this run into ${relative(root, dir).startsWith('..') ? dir : relative(root, dir)}`;
  }
  const p = probe();
  if (p.status !== 0) return { present: false, note: `DuckDB does not load here: ${(p.stderr || p.error?.message || '').trim().split('\n').at(-1)}`, version: null };
  return { present: true, note, version: p.stdout.trim() };
}

/** Reuses bench data made by the same generator version, size and seed; else generates it (timed). */
async function ensureData(size, seed, dir, scratch) {
  const manifestFile = join(dir, 'manifest.json');
  const version = generatorVersion();
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (m.version === version && m.size === size && m.seed === seed && FILES.every((f) => existsSync(join(dir, f)))) {
      const rows = Object.values(m.files).reduce((s, f) => s + f.rows, 0);
      return { manifest: m, stage: { id: 'generate', label: 'generate data (bench/generate.mjs)', rows, status: 'n/a', seconds: null, rssMb: null, note: `cached in ${relative(root, dir) || dir} (made in ${m.seconds} s)` } };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`[${size.toLocaleString('en-US')}] generating data into ${dir}`);
  const stderrFile = join(scratch, 'generate.stderr.txt');
  const m = await measure(process.execPath, [join(here, 'generate.mjs'), '--size', String(size), '--seed', String(seed), '--out', dir, '--quiet'], { cwd: root, env: process.env, stderrFile, scratch });
  if (m.code !== 0 || !existsSync(manifestFile)) throw new Error(`data generation failed (exit ${m.code}): ${readFileSync(stderrFile, 'utf8').slice(-500)}`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const rows = Object.values(manifest.files).reduce((s, f) => s + f.rows, 0);
  return { manifest, stage: { id: 'generate', label: 'generate data (bench/generate.mjs)', rows, status: 'ok', seconds: m.seconds, rssMb: m.rssMb, cpuSeconds: m.cpuSeconds, method: m.method, note: 'all four files' } };
}

/** Reads the inputs once so that no stage pays for a cold page cache more than another. */
async function warm(dir) {
  for (const f of FILES) {
    for await (const chunk of createReadStream(join(dir, f), { highWaterMark: 1 << 20 })) void chunk;
  }
}

function fmtStage(s) {
  if (s.status !== 'ok') return `${s.status}${s.note ? ` (${s.note})` : ''}`;
  const rate = Math.round(s.rows / s.seconds).toLocaleString('en-US');
  return `${s.seconds.toFixed(2)} s, ${rate} rows/s${s.rssMb === null ? '' : `, ${Math.round(s.rssMb)} MB`}`;
}

function commandLine(argv) {
  const rest = argv.join(' ');
  return process.env.npm_lifecycle_event === 'bench' ? `npm run bench${rest ? ` -- ${rest}` : ''}` : `node bench/run.mjs${rest ? ` ${rest}` : ''}`;
}

/** The stages a user runs for one year's work (issue 17): import the three files, rank, audit, report html. */
const PIPELINE = ['asn-import-personnel', 'asn-import-appraisals', 'asn-import-promotions', 'asn-rank', 'asn-audit', 'asn-report'];

/** Wall time of the whole pipeline, the sum of its stages run one after the other; null when one did not run. */
function pipelineLine(run) {
  const stages = PIPELINE.map((id) => run.stages.find((s) => s.id === id));
  if (stages.some((s) => !s || typeof s.seconds !== 'number')) return null;
  const wall = stages.reduce((sum, s) => sum + s.seconds, 0);
  const cpu = stages.every((s) => typeof s.cpuSeconds === 'number') ? stages.reduce((sum, s) => sum + s.cpuSeconds, 0) : null;
  const peak = Math.max(...stages.map((s) => s.rssMb ?? 0));
  return `Pipeline (import personnel, appraisals, promotions → rank → audit → report html): ${(wall / 60).toFixed(1)} min wall (${wall.toFixed(0)} s)${cpu === null ? '' : `, ${cpu.toFixed(0)} CPU s`}, highest peak RSS ${Math.round(peak)} MB.`;
}

function sizeSection(run) {
  const pipeline = pipelineLine(run);
  return [
    `## ${run.size.toLocaleString('en-US')} employees (seed ${run.seed})`, '',
    dataLine(run), '',
    stageTable(run), '',
    ...(pipeline ? [pipeline, ''] : []),
    '### Targets', '',
    targetTable(run.targets), '',
    '### Ratios (issue 17)', '',
    ratioTable(run.ratios),
  ].join('\n');
}

function markdown({ runs, flat, machine, command, notes }) {
  const parts = [
    '# asn benchmark results', '',
    `Command: \`${command}\``, '',
    ...machineLines(machine, runs[0]?.method ?? methodName(process.execPath)), '',
    'What each stage and baseline is, and the targets: see [README.md](README.md) in bench/.', '',
    ...runs.flatMap((r) => [sizeSection(r), '']),
  ];
  if (flat) parts.push(`## Flatness (${flat.span} employees)`, '', targetTable(flat.checks), '');
  if (notes.length > 0) parts.push('## Notes', '', ...notes.map((n) => `- ${n}`), '');
  return parts.join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    log(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const bin = join(root, 'bin/asn.js');
  if (!existsSync(join(root, 'dist/cli/main.js'))) {
    log('bench: dist/ is missing; build first with `npm run build`');
    return 3;
  }
  const dataRoot = args.data ?? (args.out ? join(args.out, 'data') : join(here, 'data'));
  mkdirSync(dataRoot, { recursive: true });
  if (args.out) mkdirSync(args.out, { recursive: true });
  const scratch = mkdtempSync(join(dataRoot, 'work-'));
  const notes = [];
  const tools = { sqlite3: false, sqliteUtils: false, duckdb: null };
  if (args.baselines) {
    const s3 = ensureTool('sqlite3', 'sqlite3', args.install, scratch);
    const su = ensureTool('sqlite-utils', 'sqlite-utils', args.install, scratch);
    Object.assign(tools, { sqlite3: s3.present, sqlite3Note: s3.note, sqliteUtils: su.present, sqliteUtilsNote: su.note });
    if (s3.note) notes.push(`sqlite3: ${s3.note}`);
    if (su.note) notes.push(`sqlite-utils: ${su.note}`);
    const toolsDir = args.tools ?? (args.out ? join(args.out, 'tools') : join(here, '.tools'));
    const dk = ensureDuckdb(toolsDir, args.install, scratch);
    Object.assign(tools, { duckdb: dk.present ? toolsDir : null, duckdbNote: dk.note, duckdbVersion: dk.version });
    if (dk.note) notes.push(`DuckDB: ${dk.note}`);
  } else {
    notes.push('--no-baselines: raw, sqlite-utils, sqlite3 and DuckDB stages skipped, so the ratio targets are n/a');
  }
  const commands = asnCommands(bin);
  for (const c of ['audit', 'report']) if (!commands.has(c)) notes.push(`\`asn ${c}\` does not exist in this build: its stage and target are n/a`);
  const machine = { ...describeMachine(root), duckdb: tools.duckdbVersion ?? null };
  const env = { ...process.env, TZ: 'UTC', NO_COLOR: '1' };
  const runs = [];
  try {
    for (const size of args.sizes) {
      const tag = `[${size.toLocaleString('en-US')}]`;
      const dataDir = join(dataRoot, `${size}-seed${args.seed}`);
      const { manifest, stage: genStage } = await ensureData(size, args.seed, dataDir, scratch);
      const work = mkdtempSync(join(scratch, `${size}-`));
      await warm(dataDir);
      const results = [genStage];
      const all = stagesFor({ root, data: dataDir, work, manifest, baselines: args.baselines, tools, commands });
      const unknown = args.stages ? [...args.stages].filter((id) => !all.some((s) => s.id === id)) : [];
      if (unknown.length > 0) throw new Error(`--stages: no stage ${unknown.join(', ')}`);
      for (const stage of all.filter((s) => !args.stages || args.stages.has(s.id))) {
        const r = await runStage(stage, { work, env, onStart: (s) => process.stderr.write(`${tag} ${s.label} … `) });
        if (r.status !== 'n/a' || stage.command) process.stderr.write(`${r.status === 'n/a' ? `${tag} ${r.label} … ` : ''}${fmtStage(r)}\n`);
        results.push(r);
      }
      const run = { size, seed: args.seed, manifest, stages: results, method: results.find((s) => s.method)?.method ?? null };
      run.targets = targets(run);
      run.ratios = ratios(run);
      runs.push(run);
      process.stdout.write(`\n${sizeSection(run)}\n`);
      if (!args.keep) rmSync(work, { recursive: true, force: true });
      else notes.push(`databases of ${size.toLocaleString('en-US')} kept in ${work}`);
    }
  } finally {
    if (!args.keep) rmSync(scratch, { recursive: true, force: true });
  }
  machine.loadAtEnd = Math.round(loadavg()[0] * 100) / 100;
  const flat = flatness(runs);
  if (flat) process.stdout.write(`\n## Flatness (${flat.span} employees)\n\n${targetTable(flat.checks)}\n`);
  const md = markdown({ runs, flat, machine, command: commandLine(argv), notes });
  const resultsFile = args.out ? join(args.out, 'RESULTS.md') : join(here, 'RESULTS.md');
  writeFileSync(resultsFile, md);
  if (args.out) writeFileSync(join(args.out, 'results.json'), `${JSON.stringify({ machine, command: commandLine(argv), runs, flatness: flat, notes }, null, 2)}\n`);
  log(`\nwrote ${relative(process.cwd(), resultsFile) || resultsFile}`);
  const failed = [...runs.flatMap((r) => [...r.targets, ...r.ratios]), ...(flat?.checks ?? [])].some((t) => t.result === 'FAIL');
  return args.failOnTargets && failed ? 1 : 0;
}

process.exitCode = await main();
