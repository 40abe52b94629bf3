/**
 * The import summary on stderr (SPEC §1.6: read / inserted / updated / unchanged / rejected /
 * skipped per file, every reject with line, column, value and reason) and the rejects file.
 */
import { paint } from '../../terminal.js';
import type { FileReport } from '../../../app/import/engine.js';
import type { ImportReport } from '../../../app/import/run.js';

/** On stderr, at most this many rejects and warnings per file (all of them with --verbose). */
const SHOW = 20;

/**
 * The counts of a file. A dry run (validate, import --dry-run) wrote nothing, so it says what the
 * import would do: "would insert 58, would update 3, would leave 2 unchanged, would reject 1".
 */
function countsLine(f: FileReport, dryRun: boolean): string {
  const c = f.counts;
  const parts = dryRun
    ? [
      `${c.rows_read} read`, `would insert ${c.inserted}`, `would update ${c.updated}`, `would leave ${c.unchanged} unchanged`,
      `would reject ${c.rejected}`, `would skip ${c.skipped}`,
    ]
    : [
      `${c.rows_read} read`, `${c.inserted} inserted`, `${c.updated} updated`, `${c.unchanged} unchanged`,
      `${c.rejected} rejected`, `${c.skipped} skipped`,
    ];
  if (c.duplicates > 0) parts.push(`${c.duplicates} identical duplicate${c.duplicates > 1 ? 's' : ''} counted once`);
  return parts.join(', ');
}

export function renderImportSummary(report: ImportReport, opts: { color: boolean; verbose: boolean; quiet: boolean }): string {
  // Colours as marks: the stream sanitises every file name, value and reason (terminal.ts).
  const chalk = paint(opts.color);
  const lines: string[] = [];
  const limit = opts.verbose ? Infinity : SHOW;
  for (const f of report.files) {
    const sheet = f.sheet === null ? '' : `, sheet "${f.sheet}"`;
    const label = f.kind ? `${f.displayName} (${f.kind})${sheet}` : f.displayName;
    if (f.status === 'refused') {
      // The message names the file already.
      lines.push(`${chalk.red('refused')}: ${f.error?.message ?? `${label}: unknown error`}`);
      if (f.error?.hint) lines.push(`  hint: ${f.error.hint}`);
      continue;
    }
    if (opts.quiet && f.status !== 'refused-strict') continue;
    const verb = f.status === 'refused-strict'
      ? chalk.red(report.dryRun ? 'would refuse (--strict)' : 'refused (--strict)')
      : f.status === 'checked' ? 'checked' : chalk.green('imported');
    lines.push(`${verb} ${label}: ${countsLine(f, report.dryRun)}`);
    if (f.status === 'refused-strict') {
      lines.push(report.dryRun
        ? '  nothing from this file would be written: --strict refuses a file with a bad row'
        : '  nothing from this file was written because --strict refuses a file with a bad row');
    }
    if (f.snapshot) lines.push(...snapshotLines(f, chalk));
    if (f.hiddenSheets.length > 0) {
      lines.push(`  hidden sheets skipped: ${f.hiddenSheets.map((s) => `"${s}"`).join(', ')} (name one with --sheet to read it)`);
    }
    if (f.unknownColumns.length > 0) lines.push(`  ignored columns: ${f.unknownColumns.join(', ')}`);
    if (f.counts.rows_read === 0) lines.push(`  ${chalk.yellow('warning')}: no data rows after the header`);
    const rejects = f.rejects.flatMap((r) => r.issues.map((i) => ({ line: r.line, ...i })));
    for (const r of rejects.slice(0, limit)) {
      lines.push(`  ${chalk.red('rejected')} line ${r.line}, ${r.column} "${r.value}": ${r.reason}`);
    }
    if (rejects.length > limit || f.rejectsNotKept > 0) {
      lines.push(`  … ${rejects.length - Math.min(limit, rejects.length) + f.rejectsNotKept} more rejected; write them all with --rejects FILE`);
    }
    for (const w of f.warnings.slice(0, limit)) {
      lines.push(`  ${chalk.yellow('warning')} line ${w.line}, ${w.column} "${w.value}": ${w.reason}`);
    }
    if (f.warningCount > Math.min(limit, f.warnings.length)) {
      lines.push(`  … ${f.warningCount - Math.min(limit, f.warnings.length)} more warnings (--verbose shows ${f.warnings.length === f.warningCount ? 'them' : `the first ${f.warnings.length}`})`);
    }
  }
  if (report.dryRun && !opts.quiet) lines.push('dry run: nothing was written to the database');
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The snapshot of a personnel file (SPEC §9): date and where it came from, joined / changed / left / unchanged. */
function snapshotLines(f: FileReport, chalk: ReturnType<typeof paint>): string[] {
  const s = f.snapshot!;
  const from = s.asOfSource === 'option' ? '--as-of' : s.asOfSource === 'title' ? 'the title rows' : 'the import day';
  const out = [`  snapshot ${s.asOf} (from ${from}): ${s.joined} joined, ${s.changed} changed, ${s.left} left, ${s.unchanged} unchanged`];
  if (s.asOfSource === 'import-day') {
    out.push(`  ${chalk.yellow('warning')}: the file gives no date (no KEADAAN/PER TANGGAL in its title rows), so the snapshot is dated today; give the day the data was true with --as-of DATE`);
  }
  if (s.updatedFrom !== null) out.push(`  this updates the snapshot of ${s.asOf} imported before from ${s.updatedFrom}`);
  if (s.older) out.push(`  older than the newest snapshot: it fills in history at ${s.asOf} and leaves the current state alone (nobody leaves)`);
  if (s.partial) out.push('  --partial: a partial update, nobody leaves');
  if (s.left > 0) out.push(`  left at ${s.asOf} (absent from this snapshot of their ${s.scope.by}): ${s.leavers.slice(0, 10).join(', ')}${s.leavers.length > 10 ? `, … (${s.leavers.length - 10} more)` : ''}`);
  if (s.datedAtSnapshot > 0) {
    out.push(`  ${s.datedAtSnapshot} change${s.datedAtSnapshot > 1 ? 's' : ''} dated at the snapshot date; import riwayat-jabatan (and riwayat-golongan) to date them`);
  }
  return out;
}
