#!/usr/bin/env node
// Benchmark data at any size: `node bench/generate.mjs --size 100000 --out bench/data/100k [--seed 42]`.
// Writes personnel.csv (the SIASN "download data pegawai" layout, SPEC §1.2), appraisals.csv
// (2024 and 2025 per employee), promotions.csv (about 3% of employees a year, 2025–2026) and
// personnel-narrow.csv (the same employees in the 13 columns asn reads, issue 17), then
// manifest.json, whose presence means the folder is complete. Streaming: rows are batched into
// ~64 KB chunks and written with backpressure, so memory stays flat whatever --size is.
// Deterministic: the same --size and --seed give byte-identical files.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planInstansi } from './lib/org.mjs';
import { PersonFactory } from './lib/person.mjs';
import { Rng } from './lib/random.mjs';
import { APPRAISAL_HEADER, NARROW_PERSONNEL_HEADER, PERSONNEL_HEADER, PROMOTION_HEADER, RowWriter } from './lib/rows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CHUNK = 64 * 1024;
export const DEFAULT_SEED = 42;
export const FILES = ['personnel.csv', 'appraisals.csv', 'promotions.csv', 'personnel-narrow.csv'];

/** A hash of the generator's own source: cached data made by another version is regenerated. */
export function generatorVersion() {
  const h = createHash('sha256');
  for (const f of ['generate.mjs', 'lib/random.mjs', 'lib/vocabulary.mjs', 'lib/org.mjs', 'lib/person.mjs', 'lib/rows.mjs']) {
    h.update(readFileSync(join(here, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/** One output file: a string buffer flushed in ~64 KB chunks, waiting for 'drain' when asked to. */
class Sink {
  constructor(file, header) {
    this.stream = createWriteStream(file, { highWaterMark: 1024 * 1024 });
    this.buf = `${header}\n`;
    this.rows = 0;
  }

  /** Returns a promise only when the stream asked us to wait (so the hot loop rarely awaits). */
  add(text, rows) {
    this.buf += text;
    this.rows += rows;
    if (this.buf.length < CHUNK) return null;
    const ok = this.stream.write(this.buf);
    this.buf = '';
    return ok ? null : once(this.stream, 'drain');
  }

  async close() {
    if (this.buf.length > 0) this.stream.write(this.buf);
    this.buf = '';
    this.stream.end();
    await once(this.stream, 'finish');
    return this.stream.bytesWritten;
  }
}

/**
 * Generates `size` employees into `out`. `onProgress(done)` is called every 100,000 employees.
 * Returns the manifest it wrote.
 */
export async function generate({ size, out, seed = DEFAULT_SEED, onProgress = () => {} }) {
  mkdirSync(out, { recursive: true });
  rmSync(join(out, 'manifest.json'), { force: true });
  const started = process.hrtime.bigint();
  const rng = new Rng(seed);
  const writer = new RowWriter(rng, new PersonFactory(rng));
  const personnel = new Sink(join(out, 'personnel.csv'), PERSONNEL_HEADER);
  const appraisals = new Sink(join(out, 'appraisals.csv'), APPRAISAL_HEADER);
  const promotions = new Sink(join(out, 'promotions.csv'), PROMOTION_HEADER);
  const narrow = new Sink(join(out, 'personnel-narrow.csv'), NARROW_PERSONNEL_HEADER);

  let k = 0;
  let plan = planInstansi(rng, k);
  let u = 0;
  let j = 0;
  let units = 1;
  for (let i = 0; i < size; i++) {
    if (j >= plan.units[u].size) {
      j = 0;
      units++;
      if (++u >= plan.units.length) {
        plan = planInstansi(rng, ++k);
        u = 0;
      }
    }
    const [p, a, pr, n] = writer.employee(plan.instansi, plan.units[u], j++, i);
    const waits = [personnel.add(p, 1), appraisals.add(a, 2), pr === '' ? null : promotions.add(pr, 1), narrow.add(n, 1)];
    for (const w of waits) if (w !== null) await w;
    if ((i + 1) % 100_000 === 0) onProgress(i + 1);
  }
  const bytes = {
    personnel: await personnel.close(),
    appraisals: await appraisals.close(),
    promotions: await promotions.close(),
    narrow: await narrow.close(),
  };
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const c = writer.counts;
  const manifest = {
    generator: 'bench/generate.mjs',
    version: generatorVersion(),
    size,
    seed,
    seconds: Math.round(seconds * 100) / 100,
    instansi: k + 1,
    units,
    files: {
      'personnel.csv': { rows: personnel.rows, bytes: bytes.personnel },
      'appraisals.csv': { rows: appraisals.rows, bytes: bytes.appraisals },
      'promotions.csv': { rows: promotions.rows, bytes: bytes.promotions },
      'personnel-narrow.csv': { rows: narrow.rows, bytes: bytes.narrow },
    },
    pppk: c.pppk,
    messyPersonnelRows: c.messy,
    invalidPersonnelRows: c.invalid,
    messyAppraisalRows: c.appraisalMessy,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function parseArgs(argv) {
  const args = { size: 100_000, seed: DEFAULT_SEED, out: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--size') args.size = Number(value().replaceAll('_', ''));
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--out') args.out = value();
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.size) || args.size < 1) throw new Error('--size must be a positive integer');
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\nusage: node bench/generate.mjs --size N --out DIR [--seed 42] [--quiet]\n`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write('usage: node bench/generate.mjs --size N --out DIR [--seed 42] [--quiet]\n' +
      'Example: node bench/generate.mjs --size 100000 --out bench/data/100k\n');
    return;
  }
  const out = args.out ?? join(here, 'data', String(args.size));
  const m = await generate({
    size: args.size, out, seed: args.seed,
    onProgress: args.quiet || !process.stderr.isTTY ? undefined : (done) => process.stderr.write(`  ${done.toLocaleString('en')} employees\r`),
  });
  if (!args.quiet && process.stderr.isTTY) process.stderr.write('\x1b[K');
  const rows = Object.values(m.files).reduce((s, f) => s + f.rows, 0);
  const mb = Object.values(m.files).reduce((s, f) => s + f.bytes, 0) / 1e6;
  process.stdout.write(
    `generated ${m.size} employees in ${m.instansi} instansi / ${m.units} units (${m.pppk} PPPK), ` +
      `${m.files['appraisals.csv'].rows} appraisal rows, ${m.files['promotions.csv'].rows} promotions → ${out}\n` +
      `${rows} rows in ${m.seconds.toFixed(2)} s: ${Math.round(rows / m.seconds)} rows/s, ` +
      `${Math.round(m.size / m.seconds)} employees/s, ${mb.toFixed(1)} MB written (${(mb / m.seconds).toFixed(1)} MB/s)\n` +
      `messy but valid personnel rows: ${m.messyPersonnelRows}, invalid personnel rows: ${m.invalidPersonnelRows}\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
