/**
 * `asn calibrate` (SPEC §10, §7): is the appraisal itself objective? The distribution pattern of
 * PermenPANRB 6/2022 per unit and instansi, and appraiser leniency by nip_penilai.
 */
import { Command, Option } from 'commander';
import { calibrate, type CalibrateRequest, type CalibrationResult } from '../../app/calibrate/calibrate.js';
import { UsageError } from '../../shared/errors.js';
import { colorWanted, globalOptions, intOption, resolveFormat, type GlobalOptions, type Io } from '../context.js';
import { renderCsv } from '../render/csv.js';
import { renderJsonObject, renderNdjson, tableRecords } from '../render/json.js';
import {
  appraisersTable, calibrateMessage, distributionTable, renderCalibrateText, type CalibrateTableName,
} from '../render/calibrate/tables.js';

interface CalibrateFlags {
  year?: number;
  orgPredikat?: string;
  orgPredikatFile?: string;
  minN: number;
  table: CalibrateTableName;
  failOnFlags?: boolean;
}

function request(flags: CalibrateFlags, db: string): CalibrateRequest {
  if (flags.orgPredikat !== undefined && flags.orgPredikatFile !== undefined) {
    throw new UsageError('--org-predikat and --org-predikat-file do not combine', 'give one predikat for every scope, or a file with one per unit or instansi');
  }
  return {
    db, minN: flags.minN,
    ...(flags.year === undefined ? {} : { year: flags.year }),
    ...(flags.orgPredikat === undefined ? {} : { orgPredikat: flags.orgPredikat }),
    ...(flags.orgPredikatFile === undefined ? {} : { orgPredikatFile: flags.orgPredikatFile }),
  };
}

/** SPEC §10: exit 1 when any scope is tidak sesuai or any appraiser lenient or strict. */
function failOnFlags(flags: CalibrateFlags, result: CalibrationResult, global: GlobalOptions, io: Io): void {
  const t = result.totals;
  if (!flags.failOnFlags || t.tidakSesuai + t.lenient + t.strict === 0) return;
  if (!global.quiet) io.err(`${t.tidakSesuai} scopes tidak sesuai, ${t.lenient} lenient and ${t.strict} strict appraisers: exit 1 (--fail-on-flags)\n`);
  process.exitCode = 1;
}

export function makeCalibrateCommand(io: Io): Command {
  return new Command('calibrate')
    .description('check the predikat of a year: PermenPANRB 6/2022 distribution pattern per unit/instansi, and appraiser leniency (SPEC §10)')
    .option('--year <year>', 'evaluation year Y (default: the latest year with appraisals)', intOption('--year', 1900, 2100))
    .option('--org-predikat <predikat>', 'the organisation predikat of every scope: Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang')
    .option('--org-predikat-file <file>', 'CSV with unit,predikat or instansi,predikat rows (others: Baik)')
    .option('--min-n <n>', 'scopes and appraisers with fewer people are too-small (not tested)', intOption('--min-n', 1, 1_000_000), 5)
    .addOption(new Option('--table <table>', 'which table csv and ndjson print (json and table print both)').choices(['distribution', 'appraisers']).default('distribution'))
    .option('--fail-on-flags', 'exit 1 when any scope is tidak sesuai or any appraiser lenient or strict')
    .addHelpText(
      'after',
      '\nColumns: distribution: year, scope, name, n, sb, b, bp, k, sk, org_predikat, verdict, broken_rules;\n' +
        '  appraisers: year, nip_penilai, nama_penilai, unit, n, sb, b, bp, k, sk, share_sb, share_sb_rest, p, q, flag\n' +
        '  (flag lenient/strict when q < 0.10; flat when all appraisees have one predikat; ok; too-small).\n' +
        '  A flag is a question for the HR office, not a verdict on a person.\n' +
        'Examples:\n  asn calibrate\n  asn calibrate --year 2024 --table appraisers --format csv > penilai.csv\n' +
        '  asn calibrate --org-predikat-file predikat-organisasi.csv --fail-on-flags --quiet\n',
    )
    .action((flags: CalibrateFlags, cmd: Command) => {
      const global = globalOptions(cmd);
      const req = request(flags, global.db);
      const format = resolveFormat(global.format, ['table', 'csv', 'json', 'ndjson'], io);
      const result = calibrate(req);
      const chosen = flags.table === 'appraisers' ? appraisersTable(result) : distributionTable(result);
      if (format === 'csv') io.out(renderCsv(chosen));
      else if (format === 'ndjson') io.out(renderNdjson(chosen));
      else if (format === 'json') io.out(renderJsonObject({ distribution: tableRecords(distributionTable(result)), appraisers: tableRecords(appraisersTable(result)) }));
      else io.out(renderCalibrateText(result, colorWanted(global.color, 'stdout', io)));
      if (!global.quiet) io.err(calibrateMessage(result));
      failOnFlags(flags, result, global, io);
    });
}
