// Turning stage measurements into the tables the issue asks for: per size, the stages with rows/s
// and peak RSS; the targets (PASS/FAIL/n/a); and, with several sizes, the flatness checks.

const int = (n) => Math.round(n).toLocaleString('en-US');
const secs = (s) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const pct = (x) => `${Math.round(x * 100)}%`;
const times = (x) => `${x.toFixed(2)}×`;

/** Targets of issue 6. */
export const LIMITS = {
  importVsRaw: 0.5, // asn import rows/s ≥ 50% of the raw floor
  importRssMb: 250, // import peak RSS
  rankVsExport: 3, // rank ≤ 3 × sqlite3 export of the same data
  auditVsRank: 2,
  reportVsRank: 2,
  calibrateVsRank: 1, // calibration (SPEC §10, issue 14): calibrate ≤ 1 × rank
  // issue 13: the second snapshot and the analyses on two snapshots
  snapshotImport: 1.2,
  twoSnapshots: 1.3,
  rssFlatness: 1.2, // peak RSS at the largest size ≤ 1.2 × at the smallest
  timePerRowFlatness: 1.5, // time per row at the largest size ≤ 1.5 × at the smallest
};
export const IMPORT_STAGES = ['asn-import-personnel', 'asn-import-narrow', 'asn-import-appraisals', 'asn-import-promotions'];

/** Targets of issue 17 (import with every check on, against the baselines of the same run). */
export const RATIO_LIMITS = {
  narrowVsRaw: 0.6, // asn import rows/s ≥ 0.6 of raw on the narrow 13-column file
  wideVsRaw: 0.8, // … ≥ 0.8 on the full SIASN layout
  wideVsSqlite3: 3, // asn import time ≤ 3 × the sqlite3 shell's .import (with the second core)
};

export function ok(stage) {
  return stage !== undefined && stage.status === 'ok';
}

function cell(stage, value) {
  return ok(stage) ? value : 'n/a';
}

/** The stage table of one size as markdown (it reads fine in a terminal too). */
export function stageTable(run) {
  // CPU seconds (user + system, GNU time) last: other work on a shared machine stretches the wall
  // time, much less the CPU time; above the wall time it shows a stage using several cores.
  const lines = ['| stage | rows | seconds | rows/s | peak RSS MB | note | CPU s |', '|---|---:|---:|---:|---:|---|---:|'];
  for (const s of run.stages) {
    const rate = ok(s) && s.seconds > 0 ? int(s.rows / s.seconds) : 'n/a';
    const rss = ok(s) && s.rssMb !== null ? int(s.rssMb) : 'n/a';
    const cpu = ok(s) && s.cpuSeconds != null ? secs(s.cpuSeconds) : 'n/a';
    lines.push(`| ${s.label} | ${int(s.rows)} | ${cell(s, secs(s.seconds ?? 0))} | ${rate} | ${rss} | ${s.note ?? ''} | ${cpu} |`);
  }
  return lines.join('\n');
}

function verdict(pass) {
  return pass ? 'PASS' : 'FAIL';
}

/** The targets for one size: `[{ target, measured, result }]`. */
export function targets(run) {
  const by = Object.fromEntries(run.stages.map((s) => [s.id, s]));
  const rate = (s) => s.rows / s.seconds;
  const out = [];
  const imp = by['asn-import-personnel'];
  const raw = by.raw;
  if (ok(imp) && ok(raw)) {
    const r = rate(imp) / rate(raw);
    out.push({ target: `asn import personnel rows/s ≥ ${pct(LIMITS.importVsRaw)} of raw rows/s`, measured: `${pct(r)} (${int(rate(imp))} vs ${int(rate(raw))} rows/s)`, result: verdict(r >= LIMITS.importVsRaw) });
  } else {
    out.push({ target: `asn import personnel rows/s ≥ ${pct(LIMITS.importVsRaw)} of raw rows/s`, measured: reason(imp, raw), result: 'n/a' });
  }
  const su = by['sqlite-utils'];
  if (ok(imp) && ok(su)) {
    out.push({ target: 'asn import personnel faster than sqlite-utils insert --csv', measured: `${secs(imp.seconds)} s vs ${secs(su.seconds)} s (${times(su.seconds / imp.seconds)} faster)`, result: verdict(imp.seconds < su.seconds) });
  } else {
    out.push({ target: 'asn import personnel faster than sqlite-utils insert --csv', measured: reason(imp, su), result: 'n/a' });
  }
  const imports = IMPORT_STAGES.map((id) => by[id]).filter((s) => ok(s) && s.rssMb !== null);
  if (imports.length > 0) {
    const peak = imports.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
    out.push({ target: `import peak RSS ≤ ${LIMITS.importRssMb} MB`, measured: `${int(peak.rssMb)} MB (${peak.label})`, result: verdict(peak.rssMb <= LIMITS.importRssMb) });
  } else {
    out.push({ target: `import peak RSS ≤ ${LIMITS.importRssMb} MB`, measured: 'no import measured', result: 'n/a' });
  }
  out.push(ratio(by['asn-rank'], by['export-rank'], LIMITS.rankVsExport, 'rank ≤ 3 × sqlite3 export'));
  out.push(ratio(by['asn-audit'], by['asn-rank'], LIMITS.auditVsRank, 'audit ≤ 2 × rank'));
  out.push(ratio(by['asn-report'], by['asn-rank'], LIMITS.reportVsRank, 'report html ≤ 2 × rank'));
  out.push(ratio(by['asn-calibrate'], by['asn-rank'], LIMITS.calibrateVsRank, 'calibrate ≤ 1 × rank'));
  // SPEC §12 (issue 16): every employee's card in under 2 × one summary report
  // (asn-report is `report --format html`, whose --type defaults to summary; CPU seconds added: wall times stretch on a shared machine)
  const cards = ratio(by['asn-report-cards'], by['asn-report'], 2, 'cards --all ≤ 2 × report summary');
  if (cards.result !== 'n/a') cards.measured = cards.measured.replace(/\)$/, `${cpuNote(by['asn-report-cards'], by['asn-report'], (x, y) => x / y, times)})`);
  out.push(cards);
  // issue 13 (SPEC §9): a second snapshot (3% changed, 1% left, 1% joined) and rank / audit / report on two snapshots
  out.push(ratio(by['asn-import-snapshot-2'], by['asn-import-personnel'], LIMITS.snapshotImport, 'second snapshot import ≤ 1.2 × the first'));
  out.push(ratio(by['asn-rank-2'], by['asn-rank'], LIMITS.twoSnapshots, 'rank on two snapshots ≤ 1.3 × one'));
  out.push(ratio(by['asn-audit-2'], by['asn-audit'], LIMITS.twoSnapshots, 'audit on two snapshots ≤ 1.3 × one'));
  out.push(ratio(by['asn-report-2'], by['asn-report'], LIMITS.twoSnapshots, 'report html on two snapshots ≤ 1.3 × one'));
  return out;
}

/**
 * Issue 17's ratios: asn import against raw on both layouts (speed ratio, higher is better), and
 * asn's time divided by the sqlite3 shell's and DuckDB's (lower is better). `[{ target, measured, result }]`.
 */
export function ratios(run) {
  const by = Object.fromEntries(run.stages.map((s) => [s.id, s]));
  const out = [];
  const speed = (id, baseId, limit, what) => {
    const target = `${what}: asn import rows/s ÷ raw rows/s ≥ ${limit}`;
    const [a, b] = [by[id], by[baseId]];
    if (!ok(a) || !ok(b)) return out.push({ target, measured: reason(a, b), result: 'n/a' });
    const r = (a.rows / a.seconds) / (b.rows / b.seconds);
    return out.push({ target, measured: `${r.toFixed(2)} (${secs(a.seconds)} s vs ${secs(b.seconds)} s${cpuNote(a, b, (x, y) => (a.rows / x) / (b.rows / y))})`, result: verdict(r >= limit) });
  };
  const slower = (id, baseId, limit, what) => {
    const target = `${what}${limit === null ? '' : ` ≤ ${limit}×`}`;
    const [a, b] = [by[id], by[baseId]];
    if (!ok(a) || !ok(b)) return out.push({ target, measured: reason(a, b), result: 'n/a' });
    const r = a.seconds / b.seconds;
    return out.push({ target, measured: `${times(r)} (${secs(a.seconds)} s vs ${secs(b.seconds)} s${cpuNote(a, b, (x, y) => x / y, times)})`, result: limit === null ? '—' : verdict(r <= limit) });
  };
  speed('asn-import-narrow', 'raw-narrow', RATIO_LIMITS.narrowVsRaw, 'narrow 13-column file');
  speed('asn-import-personnel', 'raw', RATIO_LIMITS.wideVsRaw, 'full SIASN layout (66 columns)');
  slower('asn-import-personnel', 'sqlite3-import', RATIO_LIMITS.wideVsSqlite3, 'asn import personnel time ÷ sqlite3 .import time');
  slower('asn-import-personnel', 'duckdb-personnel', null, 'asn import personnel time ÷ DuckDB read_csv time');
  slower('asn-import-narrow', 'duckdb-narrow', null, 'asn import narrow file time ÷ DuckDB read_csv time');
  slower('asn-import-appraisals', 'duckdb-appraisals', null, 'asn import appraisals time ÷ DuckDB read_csv time');
  slower('asn-rank', 'duckdb-rank', null, 'asn rank time ÷ DuckDB SQL of the rank inputs time');
  return out;
}

/** The same ratio on CPU seconds, when both stages have them: "; CPU 2.1 s vs 1.0 s: 0.48". */
function cpuNote(a, b, ratioOf, format = (x) => x.toFixed(2)) {
  if (a.cpuSeconds == null || b.cpuSeconds == null || a.cpuSeconds <= 0 || b.cpuSeconds <= 0) return '';
  return `; CPU ${secs(a.cpuSeconds)} s vs ${secs(b.cpuSeconds)} s: ${format(ratioOf(a.cpuSeconds, b.cpuSeconds))}`;
}

export function ratioTable(rows) {
  return ['| ratio (target of issue 17, — = no target) | measured | result |', '|---|---|---|', ...rows.map((t) => `| ${t.target} | ${t.measured} | ${t.result} |`)].join('\n');
}

function ratio(stage, base, limit, target) {
  if (!ok(stage) || !ok(base)) return { target, measured: reason(stage, base), result: 'n/a' };
  const r = stage.seconds / base.seconds;
  return { target, measured: `${times(r)} (${secs(stage.seconds)} s vs ${secs(base.seconds)} s)`, result: verdict(r <= limit) };
}

function reason(...stages) {
  const missing = stages.find((s) => !ok(s));
  if (missing === undefined) return '';
  return `${missing?.label ?? 'stage'}: ${missing?.note || 'not run'}`;
}

/** Flatness between the smallest and the largest size (only when several sizes ran). */
export function flatness(runs) {
  if (runs.length < 2) return null;
  const sorted = [...runs].sort((a, b) => a.size - b.size);
  const small = sorted[0];
  const large = sorted.at(-1);
  const span = `${int(small.size)} → ${int(large.size)}`;
  const out = [];
  for (const id of IMPORT_STAGES) {
    const a = small.stages.find((s) => s.id === id);
    const b = large.stages.find((s) => s.id === id);
    const target = `${b?.label ?? id}: peak RSS at ${int(large.size)} ≤ ${LIMITS.rssFlatness} × at ${int(small.size)}`;
    if (!ok(a) || !ok(b) || a.rssMb === null || b.rssMb === null) out.push({ target, measured: 'n/a', result: 'n/a' });
    else out.push({ target, measured: `${int(b.rssMb)} MB vs ${int(a.rssMb)} MB (${times(b.rssMb / a.rssMb)})`, result: verdict(b.rssMb <= LIMITS.rssFlatness * a.rssMb) });
  }
  for (const b of large.stages) {
    const a = small.stages.find((s) => s.id === b.id);
    const target = `${b.label}: time per row at ${int(large.size)} ≤ ${LIMITS.timePerRowFlatness} × at ${int(small.size)}`;
    if (!ok(a) || !ok(b) || a.rows === 0 || b.rows === 0) {
      out.push({ target, measured: 'n/a', result: 'n/a' });
      continue;
    }
    const us = (s) => (s.seconds / s.rows) * 1e6;
    const r = us(b) / us(a);
    out.push({ target, measured: `${us(b).toFixed(1)} µs vs ${us(a).toFixed(1)} µs per row (${times(r)})`, result: verdict(r <= LIMITS.timePerRowFlatness) });
  }
  return { span, checks: out };
}

export function targetTable(rows) {
  return ['| target | measured | result |', '|---|---|---|', ...rows.map((t) => `| ${t.target} | ${t.measured} | ${t.result} |`)].join('\n');
}

export function dataLine(run) {
  const f = run.manifest.files;
  const mb = (x) => (x.bytes / 1e6).toFixed(1);
  return `data: personnel.csv ${int(f['personnel.csv'].rows)} rows (${mb(f['personnel.csv'])} MB), ` +
    `appraisals.csv ${int(f['appraisals.csv'].rows)} rows (${mb(f['appraisals.csv'])} MB), ` +
    `promotions.csv ${int(f['promotions.csv'].rows)} rows, personnel-narrow.csv ${int(f['personnel-narrow.csv'].rows)} rows (${mb(f['personnel-narrow.csv'])} MB, 13 columns); ${int(run.manifest.invalidPersonnelRows)} personnel rows invalid on purpose ` +
    `(rejected, with their appraisals and promotions as unknown NIPs), ${int(run.manifest.messyPersonnelRows)} messy but valid`;
}

export function machineLines(m, method) {
  return [
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB`,
    `- OS: ${m.os}`,
    `- Node ${m.node}; better-sqlite3 ${m.betterSqlite3 ?? 'n/a'}; sqlite3 shell ${m.sqlite3 ?? 'not installed'}; sqlite-utils ${m.sqliteUtils ?? 'not installed'}; DuckDB ${m.duckdb ?? 'not installed'}`,
    `- tree: ${m.commit ?? 'not a git checkout'}`,
    `- date: ${m.date}; 1-minute load average ${m.loadAtStart} at the start, ${m.loadAtEnd ?? 'n/a'} at the end (above 0.5 at the start means something else was running)`,
    `- wall time: the runner's clock around each child process; peak RSS: ${method}`,
  ];
}
