/**
 * `asn audit` (alias `flag`, SPEC §5, §7): promotions where seniority beat competence, the
 * summary with the sign test (`--summary`), and one event's whole pool (`--event NIP@DATE`).
 */
import { Command, Option } from 'commander';
import { auditEventDetail } from '../../app/audit/event.js';
import { auditPromotions, type AuditRequest } from '../../app/audit/audit.js';
import { UsageError } from '../../shared/errors.js';
import { parseEventRef, parseMargin } from '../audit-options.js';
import { dateOption } from '../date-option.js';
import { collect, colorWanted, globalOptions, resolveFormat, type GlobalOptions, type Io } from '../context.js';
import { auditComment, auditMessage, auditTable, renderAuditText, summaryTable } from '../render/audit/rows.js';
import { renderEventJson, renderEventText } from '../render/audit/event.js';
import { renderCsv } from '../render/csv.js';
import { renderJson, renderNdjson } from '../render/json.js';
import { auditFairness } from '../../app/fairness/fairness.js';
import { candidatesTable, fairnessMessage, fairnessTable } from '../render/audit/fairness.js';
import { renderTextTable } from '../render/text-table.js';

interface AuditFlags {
  scope: AuditRequest['scope'];
  margin: number;
  eligibility: AuditRequest['eligibility'];
  from?: string;
  to?: string;
  unit?: string[];
  failOnFlags?: boolean;
  summary?: boolean;
  event?: string;
  model?: string;
  // fairness (SPEC §12, issue 16)
  fairness?: boolean;
  candidates?: boolean;
}

function request(flags: AuditFlags, db: string): AuditRequest {
  if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to) {
    throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`, 'swap them: --from is the first day, --to the last (both included)');
  }
  return {
    db, scope: flags.scope, margin: flags.margin, eligibility: flags.eligibility, units: flags.unit ?? [],
    ...(flags.from === undefined ? {} : { from: flags.from }),
    ...(flags.to === undefined ? {} : { to: flags.to }),
    ...(flags.model === undefined ? {} : { modelFile: flags.model }),
  };
}

/** SPEC §7 exit 1 "flags with --fail-on-flags", said on stderr so a script's log shows why. */
function failOnFlags(flags: AuditFlags, flagged: number, global: GlobalOptions, io: Io): void {
  if (!flags.failOnFlags || flagged === 0) return;
  if (!global.quiet) io.err(`${flagged} flagged promotion${flagged === 1 ? '' : 's'}: exit 1 (--fail-on-flags)\n`);
  process.exitCode = 1;
}

/** `--fairness` (SPEC §12): the fairness table, or with `--candidates` every candidate-event it counts. */
function showFairness(flags: AuditFlags, req: AuditRequest, global: GlobalOptions, io: Io): void {
  if (flags.summary) throw new UsageError('--fairness and --summary are two tables; ask for one', 'asn audit --fairness --format csv');
  const format = resolveFormat(global.format, ['table', 'csv', 'json', 'ndjson'], io);
  const { audit, fairness } = auditFairness(req, Boolean(flags.candidates));
  const table = flags.candidates ? candidatesTable(fairness) : fairnessTable(fairness);
  if (format === 'csv') io.out(renderCsv(table));
  else if (format === 'json') io.out(renderJson(table));
  else if (format === 'ndjson') io.out(renderNdjson(table));
  else {
    const comment = auditComment(audit.model, audit.settings, audit.levelsRederived);
    io.out(`${comment}\n${table.rows.length === 0 ? 'no candidates to count\n' : renderTextTable(table, { color: colorWanted(global.color, 'stdout', io) })}`);
  }
  if (!global.quiet) io.err(auditMessage(audit) + fairnessMessage(fairness));
  failOnFlags(flags, audit.overall.flagged, global, io);
}

function showEvent(value: string, flags: AuditFlags, req: AuditRequest, global: GlobalOptions, io: Io): void {
  if (flags.summary || flags.from !== undefined || flags.to !== undefined || (flags.unit ?? []).length > 0) {
    throw new UsageError('--event shows one event; it does not combine with --summary, --from, --to or --unit');
  }
  // A text for people by default, also when piped (like rank --explain); json gives the same as one object.
  const format = resolveFormat(global.format, ['table', 'json'], io, 'table');
  const detail = auditEventDetail({ ...req, ...parseEventRef(value) });
  io.out(format === 'json' ? renderEventJson(detail) : renderEventText(detail, colorWanted(global.color, 'stdout', io)));
  failOnFlags(flags, detail.row.flagged ? 1 : 0, global, io);
}

export function makeAuditCommand(io: Io): Command {
  return new Command('audit')
    .alias('flag')
    .description('flag promotions where seniority (DUK order) beat competence (merit), and test the bias (SPEC §5)')
    .addOption(new Option('--scope <scope>', "the pool: P's unit, P's instansi, or everyone").choices(['unit', 'instansi', 'all']).default('unit'))
    .option('--margin <n>', 'merit points a passed-over candidate must lead by', parseMargin, 10)
    .addOption(new Option('--eligibility <mode>', 'strict: pool needs predikat ≥ B and no sedang/berat hukdis in the two years before D')
      .choices(['strict', 'basic']).default('strict'))
    .option('--from <date>', 'only promotions with TMT on or after this date (2025-01-01, 01-01-2025, 1 Januari 2025, …)', dateOption('--from'))
    .option('--to <date>', 'only promotions with TMT on or before this date (any date form of the import)', dateOption('--to'))
    .option('--unit <name>', 'only promotions in this unit (repeatable; case-insensitive); pools still use everyone in scope', collect)
    .option('--fail-on-flags', 'exit 1 when any promotion is flagged (for scripts and CI)')
    .option('--summary', 'print the summary (overall, then per unit: flag rate, percentiles, sign test) instead of the events')
    .option('--event <nip@date>', "one event's whole pool: merit, DUK position, eligibility and why each person was excluded")
    .option('--model <file>', 'merit model JSON overriding any subset of the built-in asn-merit-v1')
    // fairness (SPEC §12, issue 16)
    .option('--fairness', 'selection rates by jenis kelamin and age band: promotions (pool ∪ {P} of each audited event) and SB of the latest year')
    .option('--candidates', 'with --fairness: every candidate-event counted (recount the figures by hand)')
    .addHelpText(
      'after',
      '\nColumns: nip, nama, tmt, unit, jabatan_baru, pool_size, merit, merit_rank, seniority_rank, flagged, severity,\n' +
        '  best_candidate_nip, best_candidate_merit, merit_gap, passed_over, status (audited, skipped, insufficient-data,\n' +
        '  no-pool), status_reason (why an event was not audited, in words). Events are ordered by tmt, then nip.\n' +
        '  Dates take the import\'s forms: 2025-01-01, 01-01-2025, 01/01/2025, 1 Januari 2025. The model name and hash\n' +
        '  are the first line of table output and go to stderr for csv/json/ndjson, which stay exactly these columns.\n' +
        'Examples:\n  asn audit --format csv > audit.csv\n  asn audit --summary --from "1 Januari 2025"\n' +
        '  asn audit --event 197003141997031001@2025-01-06\n' +
        '  asn audit --fairness --format csv > fairness.csv\n  asn audit --fairness --candidates --format csv > candidates.csv\n' +
        '  asn flag --fail-on-flags --quiet --format json > flags.json\n',
    )
    .action((flags: AuditFlags, cmd: Command) => {
      const global = globalOptions(cmd);
      const req = request(flags, global.db);
      if (flags.candidates && !flags.fairness) throw new UsageError('--candidates applies to --fairness only', 'asn audit --fairness --candidates --format csv');
      if (flags.event !== undefined) {
        if (flags.fairness) throw new UsageError('--event shows one event; it does not combine with --fairness');
        showEvent(flags.event, flags, req, global, io);
        return;
      }
      if (flags.fairness) {
        showFairness(flags, req, global, io);
        return;
      }
      const format = resolveFormat(global.format, ['table', 'csv', 'json', 'ndjson'], io);
      const result = auditPromotions(req);
      const table = flags.summary ? summaryTable(result) : auditTable(result);
      if (format === 'csv') io.out(renderCsv(table));
      else if (format === 'json') io.out(renderJson(table));
      else if (format === 'ndjson') io.out(renderNdjson(table));
      else io.out(renderAuditText(result, Boolean(flags.summary), colorWanted(global.color, 'stdout', io)));
      if (!global.quiet) io.err(auditMessage(result));
      failOnFlags(flags, result.overall.flagged, global, io);
    });
}
