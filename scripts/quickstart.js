// The README's first command ends here: the main job on the bundled fixtures, step by step,
// with the outputs written to one folder (default ./quickstart-output).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'quickstart-output');
const db = join(out, 'asn.db');
mkdirSync(out, { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

const fixtures = (...names) => names.map((n) => join(root, 'fixtures', n));

/** Runs one asn command; its stdout goes to `stdoutFile` when given. Stops on failure. */
function step(title, args, stdoutFile) {
  process.stderr.write(`\n== ${title}\n$ asn ${args.join(' ')}${stdoutFile ? ` > ${stdoutFile}` : ''}\n`);
  const r = spawnSync(process.execPath, [join(root, 'bin/asn.js'), '--db', db, ...args], {
    stdio: ['ignore', stdoutFile ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
  });
  if (stdoutFile) writeFileSync(join(out, stdoutFile), r.stdout);
  if (r.status !== 0) {
    process.stderr.write(`quickstart: "${title}" failed with exit ${r.status}\n`);
    process.exit(r.status ?? 1);
  }
}

step('import the bundled fixtures', ['import', ...fixtures('minimal/personnel.csv', 'minimal/appraisals.csv', 'minimal/promotions.csv')]);
step('what the database holds', ['status', '--format', 'table']);
step('rank by merit within each unit', ['rank', '--by', 'unit', '--format', 'csv'], 'rank.csv');
step('explain one score', ['rank', '--explain', '198504182010011001'], 'explain.txt');
step('audit the promotions', ['audit', '--format', 'csv'], 'audit.csv');
step('seniority-bias summary', ['audit', '--summary', '--format', 'csv'], 'audit-summary.csv');
step('the evaluation report (HTML)', ['report', '--format', 'html', '--out', join(out, 'laporan.html')]);
step('the evaluation report (Markdown)', ['report'], 'laporan.md');
process.stderr.write(`\nquickstart: done; outputs are in ${out}\n`);
