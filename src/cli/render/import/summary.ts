/**
 * The import summary on stderr (SPEC §1.6: read / inserted / updated / unchanged / rejected /
 * skipped per file, every reject with line, column, value and reason) and the rejects file.
 */
import { paint } from '../../terminal.js';
import type { FileReport } from '../../../app/import/engine.js';
import type { ImportReport } from '../../../app/import/run.js';

/** On stderr, at most this many rejects and warnings per file (all of them with --verbose). */
const SHOW = 20;

function countsLine(f: FileReport): string {
  const c = f.counts;
  const parts = [
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
      ? chalk.red('refused (--strict)')
      : f.status === 'checked' ? 'checked' : chalk.green('imported');
    lines.push(`${verb} ${label}: ${countsLine(f)}`);
    if (f.status === 'refused-strict') lines.push('  nothing from this file was written because --strict refuses a file with a bad row');
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
