/**
 * `asn import FILE...` and `asn validate FILE...` (SPEC §1.6, §7): read personnel, appraisal
 * and promotion files into the database; validate is the same checks with nothing written.
 */
import { Command, Option } from 'commander';
import { importExitCode, runImport, type ImportReport } from '../../app/import/run.js';
import { FILE_KINDS, parseMapOption, type Field, type FileKind } from '../../io/headers.js';
import { UsageError } from '../../shared/errors.js';
import { collect, colorWanted, globalOptions, type Io } from '../context.js';
import { checkOutputTarget, openOutputFile } from '../output-target.js';
import { progressPrinter } from '../render/progress.js';
import { dateOption, todayOf } from '../date-option.js';
import { renderImportSummary } from '../render/import/summary.js';

interface ImportFlags {
  kind?: FileKind;
  sheet?: string;
  map?: string[];
  strict?: boolean;
  dryRun?: boolean;
  rejects?: string;
  asOf?: string;
  partial?: boolean;
  full?: boolean;
}

function addInputOptions(command: Command): Command {
  return command
    .argument('<files...>', 'CSV or XLSX files; - reads stdin')
    .addOption(new Option('--kind <kind>', 'file kind, when the headers do not tell').choices([...FILE_KINDS]))
    .option('--sheet <name>', 'XLSX: the sheet to read (default: the first with a header row)')
    .option('--map <header=field>', 'treat column HEADER as FIELD, e.g. --map "NO INDUK=nip" (repeatable)', collect)
    .option('--strict', 'refuse a whole file when one row is bad')
    .option('--rejects <file>', 'write the rejected rows as CSV with line, column and reason')
    // history (SPEC §9): the snapshot date and how absent people are read
    .option('--as-of <date>', 'snapshot date of the personnel files (default: the date in the title rows, else today)', dateOption('--as-of'))
    .addOption(new Option('--partial', 'personnel files update some people only: nobody leaves').conflicts('full'))
    .option('--full', 'confirm a snapshot in which more than 10% of the previous people are absent (they left)');
}

function parseMaps(values: string[] = []): Array<[string, Field]> {
  return values.map((value) => {
    const parsed = parseMapOption(value);
    if (!parsed) throw new UsageError(`--map "${value}" is not HEADER=field with a known field`, 'e.g. --map "NO INDUK=nip"; fields are listed in README "Columns"');
    return parsed;
  });
}

async function execute(files: string[], flags: ImportFlags, command: Command, io: Io, dryRun: boolean): Promise<void> {
  const global = globalOptions(command);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const now = process.env.ASN_NOW ?? new Date().toISOString();
  if (flags.asOf !== undefined && flags.asOf > todayOf(now)) {
    throw new UsageError(`--as-of ${flags.asOf} is in the future (today is ${todayOf(now)})`, 'a snapshot is dated by the day its data was true: give that date');
  }
  const rejects = flags.rejects;
  // SPEC §1.7: --rejects never overwrites the database or an input, nor replaces a device.
  if (rejects !== undefined) checkOutputTarget('--rejects', rejects, { db: global.db, inputs: files });
  const showProgress = !global.quiet && io.stderrIsTTY;
  const progress = showProgress ? progressPrinter(io) : null;
  const report: ImportReport = await runImport(files, {
    db: global.db,
    ...(flags.kind === undefined ? {} : { kind: flags.kind }),
    ...(flags.sheet === undefined ? {} : { sheet: flags.sheet }),
    map: parseMaps(flags.map),
    strict: Boolean(flags.strict),
    dryRun,
    ...(rejects === undefined ? {} : { openRejects: () => openOutputFile(rejects) }),
    now,
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    partial: Boolean(flags.partial),
    full: Boolean(flags.full),
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  if (!global.quiet || report.files.some((f) => f.status !== 'imported' && f.status !== 'checked')) {
    io.err(renderImportSummary(report, { color: colorWanted(global.color, 'stderr', io), verbose: global.verbose, quiet: global.quiet }));
  }
  if (report.rejectsError !== undefined) {
    io.err(`asn: error: --rejects ${rejects ?? ''}: ${report.rejectsError.message}\n`);
    if (report.rejectsError.hint) io.err(`  hint: ${report.rejectsError.hint}\n`);
  }
  process.exitCode = importExitCode(report);
}

export function makeImportCommand(io: Io): Command {
  const command = addInputOptions(new Command('import'))
    .description('import personnel snapshots, riwayat, appraisal and promotion files (CSV or XLSX) into the database')
    .option('--dry-run', 'check everything, write nothing')
    .addHelpText('after', '\nExamples:\n  asn import personnel.csv appraisals.xlsx promotions.csv\n  asn import --strict --rejects rejects.csv data/*.csv\n  asn import --as-of 2024-12-31 pegawai-2024.csv\n  asn import riwayat-jabatan.csv riwayat-golongan.csv\n');
  return command.action(async (files: string[], flags: ImportFlags, cmd: Command) => execute(files, flags, cmd, io, Boolean(flags.dryRun)));
}

export function makeValidateCommand(io: Io): Command {
  const command = addInputOptions(new Command('validate'))
    .description('check files with every import rule and write nothing (exit 1 when a row is rejected)')
    .addHelpText('after', '\nExample:\n  asn validate --rejects problems.csv personnel.csv\n');
  return command.action(async (files: string[], flags: ImportFlags, cmd: Command) => execute(files, flags, cmd, io, true));
}
