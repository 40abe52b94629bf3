/**
 * `asn report` (SPEC §6, §7): evaluation reports — summary, unit, employee, duk, audit — as
 * Markdown, self-contained HTML, CSV (one table), JSON (every table) or XLSX (a sheet per table).
 */
import { Command } from 'commander';
import { buildReport } from '../../app/report/build-report.js';
import { REPORT_LANGS, REPORT_TYPES, reportTables, type Report, type ReportLang, type ReportRequest, type ReportType } from '../../app/report/types.js';
import { cleanNip } from '../../io/values.js';
import { UsageError } from '../../shared/errors.js';
import { writeAtomically, writeTextAtomically } from '../atomic-write.js';
import { globalOptions, intOption, resolveFormat, type Io } from '../context.js';
import { checkOutputTarget } from '../output-target.js';
import { renderCsv } from '../render/csv.js';
import { renderJsonObject } from '../render/json.js';
import { renderReportHtml } from '../render/report/html.js';
import { labelsFor } from '../render/report/labels.js';
import { machineTable, metaLines, metaObject, peopleTables, yearParams } from '../render/report/localize.js';
import { renderReportMarkdown } from '../render/report/md.js';
import type { DataTable } from '../render/table-data.js';
import { writeXlsx } from '../render/xlsx.js';
// candidates (SPEC §11)
import { addCandidateOptions, candidatesRequest, type CandidatesFlags } from './candidates.js';
// personal cards for everyone (SPEC §12, issue 16)
import { buildCards } from '../../app/report/cards.js';
import { cardFiles, prepareCardDirectory } from '../cards-output.js';
import { countProgress } from '../render/progress.js';
import { cardWriter } from '../render/report/card-render.js';

/** The report's own flags, plus the candidate options of `--type candidates` (SPEC §11). */
interface ReportFlags extends Omit<CandidatesFlags, 'excluded' | 'model'> {
  type: string;
  nip?: string;
  year?: number;
  lang: string;
  out?: string;
  table?: string;
  asOfTime?: string;
  model?: string;
  // personal cards for everyone (SPEC §12, issue 16)
  all?: boolean;
}

const FORMATS = ['md', 'html', 'csv', 'json', 'xlsx'];

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`${flag} ${value} is not known`, `use one of: ${allowed.join(', ')}`);
  return found;
}

/** When the report was made: --as-of-time, else env ASN_REPORT_TIME (stable tests), else now; as ISO 8601 UTC. */
export function reportTime(flag: string | undefined, env: string | undefined, now: Date): string {
  const given = flag ?? (env === undefined || env === '' ? undefined : env);
  if (given === undefined) return now.toISOString();
  const ms = /^\d{4}-\d{2}-\d{2}/.test(given) ? Date.parse(given) : Number.NaN;
  if (Number.isNaN(ms)) {
    const source = flag === undefined ? 'ASN_REPORT_TIME' : '--as-of-time';
    throw new UsageError(`${source} "${given}" is not an ISO 8601 time`, 'e.g. --as-of-time 2026-01-15T08:00:00Z');
  }
  return new Date(ms).toISOString();
}

function checkNip(type: ReportType, nip: string | undefined, all = false): string | undefined {
  if (all) {
    if (nip !== undefined) throw new UsageError('--all writes every employee\'s card; it does not combine with --nip', 'asn report --type employee --all --out kartu/');
    return undefined;
  }
  if (type !== 'employee') {
    if (nip !== undefined) throw new UsageError('--nip applies to --type employee only', 'asn report --type employee --nip 198504182010011001');
    return undefined;
  }
  if (nip === undefined) throw new UsageError('--type employee needs --nip', 'asn report --type employee --nip 198504182010011001');
  const clean = cleanNip(nip);
  if (!clean.ok) throw new UsageError(`--nip ${nip}: ${clean.reason}`, 'give the 18-digit NIP, e.g. --nip 198504182010011001');
  return clean.value;
}

/** The XLSX sheets: what the report states (meta), then every table in people's words, numbers kept. */
function xlsxTables(report: Report): DataTable[] {
  const labels = labelsFor(report.meta.lang);
  const params = yearParams(report.meta);
  const meta: DataTable = {
    name: 'info',
    columns: [{ key: 'label', header: '', type: 'text' }, { key: 'value', header: '', type: 'text' }],
    rows: metaLines(report.meta, labels).map(([label, value]) => ({ label, value })),
  };
  const tables = reportTables(report).flatMap((t) => peopleTables(t, labels, params, { percent: false, split: false }).map((p) => p.table));
  return [meta, ...tables];
}

function csvTable(report: Report, wanted: string | undefined): DataTable {
  const tables = reportTables(report);
  const names = tables.map((t) => t.name).join(', ');
  if (tables.length === 0) throw new UsageError('this report has no tables yet', 'import data first: asn import personnel.csv appraisals.csv promotions.csv');
  if (wanted === undefined) throw new UsageError('--format csv writes one table: name it with --table', `tables: ${names}`);
  const table = tables.find((t) => t.name === wanted);
  if (table === undefined) throw new UsageError(`no table "${wanted}" in this report`, `tables: ${names}`);
  return machineTable(table);
}

/**
 * `--type employee --all --out DIR` (SPEC §12): one card per employee in service at T as
 * `DIR/<NIP>.md` or `.html` (print-ready: the same A4 CSS as every html report), a progress bar
 * on a TTY.
 */
function writeAllCards(flags: ReportFlags, type: ReportType, lang: ReportLang, global: ReturnType<typeof globalOptions>, io: Io): void {
  if (type !== 'employee') throw new UsageError('--all applies to --type employee only', 'asn report --type employee --all --out kartu/');
  if (flags.out === undefined) throw new UsageError('--all needs --out DIR (one file per employee)', 'asn report --type employee --all --out kartu/');
  if (flags.table !== undefined) throw new UsageError('--table applies to --format csv only', 'cards are md or html');
  const format = global.format ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--all writes md or html cards, not ${format}`, 'asn report --type employee --all --out kartu/ --format html');
  checkNip(type, flags.nip, true);
  prepareCardDirectory(flags.out);
  const generatedAt = reportTime(flags.asOfTime, process.env.ASN_REPORT_TIME, new Date());
  const run = buildCards({
    db: global.db, lang, generatedAt,
    ...(flags.year === undefined ? {} : { year: flags.year }),
    ...(flags.model === undefined ? {} : { modelFile: flags.model }),
  });
  const progress = io.stderrIsTTY && !global.quiet ? countProgress(io, 'cards') : null;
  // The cards' own writer: the bytes of renderReportHtml / renderReportMarkdown, from templates made once.
  const writer = cardWriter();
  const writeCard = cardFiles(flags.out, format);
  let written = 0;
  try {
    for (const card of run.cards) {
      writeCard(card.meta.nip ?? '', format === 'html' ? writer.html(card) : writer.md(card));
      written++;
      progress?.update(written, run.total);
    }
  } finally {
    run.cards.return(undefined);
  }
  progress?.done();
  if (!global.quiet) io.err(`wrote ${written} employee card${written === 1 ? '' : 's'} (${format}) to ${flags.out}\n`);
}

async function emit(report: Report, format: string, flags: ReportFlags, io: Io): Promise<void> {
  if (format === 'xlsx') {
    const out = flags.out as string;
    await writeAtomically(out, (stream) => writeXlsx(xlsxTables(report), stream));
    return;
  }
  let text: string;
  if (format === 'csv') text = renderCsv(csvTable(report, flags.table));
  else if (format === 'json') {
    const tables = Object.fromEntries(reportTables(report).map((t) => [t.name, machineTable(t)]));
    text = renderJsonObject({ meta: metaObject(report), ...tables });
  } else if (format === 'html') text = renderReportHtml(report);
  else text = renderReportMarkdown(report);
  if (flags.out === undefined) io.out(text);
  else await writeTextAtomically(flags.out, text);
}

/** candidates (SPEC §11): the options of `asn candidates`, for --type candidates only. */
function candidateOptions(type: ReportType, flags: ReportFlags, db: string): ReportRequest['candidates'] {
  const given = (['level', 'eselon', 'post', 'unit', 'instansi', 'date', 'limit'] as const).filter((k) => flags[k] !== undefined);
  if (type !== 'candidates') {
    if (given.length > 0) throw new UsageError(`${given.map((k) => `--${k}`).join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to --type candidates only`, 'asn report --type candidates --level 6 --format html --out calon.html');
    return undefined;
  }
  if (flags.year !== undefined) throw new UsageError('--year does not apply to --type candidates: its merit year is year(D) − 1', 'give the date instead: --date 2026-01-15');
  const req = candidatesRequest(flags, db);
  return {
    vacancy: req.vacancy, units: req.units,
    ...(req.instansi === undefined ? {} : { instansi: req.instansi }),
    ...(req.date === undefined ? {} : { date: req.date }),
    ...(flags.limit === undefined ? {} : { limit: flags.limit }),
  };
}

/** candidates (SPEC §11): --level | --eselon | --post, --unit | --instansi, --date, --limit, after the other options. */
function withCandidateOptions(command: Command): Command {
  return addCandidateOptions(command).option('--limit <n>', '--type candidates: the first N candidates', intOption('--limit', 1, Number.MAX_SAFE_INTEGER));
}

export function makeReportCommand(io: Io): Command {
  return withCandidateOptions(new Command('report')
    .description('evaluation reports (summary, unit, employee, duk, audit, candidates, public) as md, html, csv, json or xlsx')
    .option('--type <type>', `report type: ${REPORT_TYPES.join('|')}`, 'summary')
    .option('--nip <nip>', 'the employee of --type employee')
    .option('--year <year>', 'evaluation year Y (default: the latest year with appraisals)', intOption('--year', 1900, 2100))
    .option('--lang <lang>', `language of the labels: ${REPORT_LANGS.join('|')}`, 'id')
    .option('--out <file>', 'write to this file (atomically) instead of stdout; needed for xlsx')
    .option('--table <name>', 'the table --format csv writes (without it, the names are listed)')
    .option('--as-of-time <iso>', 'the time stated as "made at" (env ASN_REPORT_TIME; default now)')
    .option('--model <file>', 'merit model JSON overriding any subset of the built-in asn-merit-v1')
    // personal cards for everyone (SPEC §12, issue 16)
    .option('--all', 'with --type employee: one card per employee in service at T, written as --out DIR/<NIP>.md|html')
    .addHelpText(
      'after',
      '\nFormats (global --format): md (default), html (self-contained, charts, prints on A4), csv (--table NAME),\n' +
        '  json (one object: meta and every table), xlsx (a sheet per table; needs --out).\n' +
        'Examples:\n  asn report --format html --out ringkasan-2025.html\n  asn report --type unit --lang en --format xlsx --out units.xlsx\n' +
        '  asn report --type employee --nip 198504182010011001\n  asn report --type duk --year 2025 --format csv --table duk_pns > duk.csv\n' +
        '  asn report --type candidates --eselon III.a --unit "Dinas Kesehatan" --format html --out calon-administrator.html\n' +
        '  asn report --type employee --all --out kartu/ --format html\n  asn report --type public --format html --out publik-2025.html\n',
    ))
    .action(async (flags: ReportFlags, cmd: Command) => {
      const global = globalOptions(cmd);
      const type = oneOf('--type', flags.type, REPORT_TYPES);
      const lang: ReportLang = oneOf('--lang', flags.lang, REPORT_LANGS);
      if (flags.all) {
        writeAllCards(flags, type, lang, global, io);
        return;
      }
      const format = resolveFormat(global.format, FORMATS, io, 'md');
      if (format === 'xlsx' && flags.out === undefined) throw new UsageError('--format xlsx needs --out FILE', 'asn report --format xlsx --out report.xlsx');
      if (flags.table !== undefined && format !== 'csv') throw new UsageError('--table applies to --format csv only', 'json and xlsx hold every table');
      const nip = checkNip(type, flags.nip);
      // SPEC §1.7: --out never overwrites the database or an input, nor replaces a device.
      if (flags.out !== undefined) {
        checkOutputTarget('--out', flags.out, { db: global.db, inputs: flags.model === undefined ? [] : [flags.model] });
      }
      const candidates = candidateOptions(type, flags, global.db);
      const generatedAt = reportTime(flags.asOfTime, process.env.ASN_REPORT_TIME, new Date());
      const report = buildReport({
        db: global.db, type, lang, generatedAt,
        ...(flags.year === undefined ? {} : { year: flags.year }),
        ...(nip === undefined ? {} : { nip }),
        ...(flags.model === undefined ? {} : { modelFile: flags.model }),
        ...(candidates === undefined ? {} : { candidates }),
      });
      await emit(report, format, flags, io);
      if (!global.quiet && flags.out !== undefined) io.err(`wrote ${type} report (${format}) to ${flags.out}\n`);
    });
}
