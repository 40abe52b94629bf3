/**
 * The command line (SPEC §7): global options, one file per command, and the single place
 * where results and errors become exit codes.
 */
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { processIo, type Io } from './context.js';
import { reportError } from './errors.js';
import { makeAuditCommand } from './commands/audit.js';
import { makeImportCommand, makeValidateCommand } from './commands/import.js';
import { makeRankCommand } from './commands/rank.js';
import { makeReportCommand } from './commands/report.js';
import { makeStatusCommand } from './commands/status.js';
// calibration (SPEC §10)
import { makeCalibrateCommand } from './commands/calibrate.js';
// candidates (SPEC §11)
import { makeCandidatesCommand } from './commands/candidates.js';
// history (SPEC §9)
import { makeHistoryCommand } from './commands/history.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Applies the settings every command shares: usage errors exit 2 instead of commander exiting. */
function shared(command: Command, io: Io): Command {
  command
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(`asn: ${s.replace(/^error: /, 'error: ')}`) });
  return command;
}

export function makeProgram(io: Io = processIo): Command {
  const program = shared(new Command('asn'), io)
    .description('Merit-system analytics for the Indonesian civil service (ASN): import, rank, audit, report.')
    .version(version(), '--version', 'print the version')
    .addOption(new Option('--db <path>', 'database file (env ASN_DB, default ./asn.db)'))
    .addOption(new Option('--format <format>', 'output format: table|csv|json|ndjson (report: md|html|csv|json|xlsx)'))
    .option('--quiet', 'print nothing on stderr but errors')
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .option('--verbose', 'more detail, and stack traces on internal errors')
    .addHelpText('after', '\nExample:\n  asn import personnel.csv appraisals.csv && asn rank --by unit --format csv > rank.csv\n');
  for (const make of [makeImportCommand, makeValidateCommand, makeRankCommand, makeAuditCommand, makeReportCommand, makeStatusCommand, makeHistoryCommand]) {
    program.addCommand(shared(make(io), io));
  }
  // calibration (SPEC §10)
  program.addCommand(shared(makeCalibrateCommand(io), io));
  // candidates (SPEC §11)
  program.addCommand(shared(makeCandidatesCommand(io), io));
  return program;
}

export async function run(argv: string[], io: Io = processIo): Promise<void> {
  const program = makeProgram(io);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, io, argv.includes('--verbose'));
  }
}
