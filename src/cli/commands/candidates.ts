/**
 * `asn candidates` (SPEC §11, §7): for a vacant post, who may be appointed, best by merit first,
 * and with `--excluded` everyone left out with every reason.
 */
import { Command } from 'commander';
import { listCandidates, type CandidatesRequest } from '../../app/candidates/candidates.js';
import { VACANCY_FORMS, type VacancyInput } from '../../app/candidates/vacancy.js';
import { parseDateOption } from '../date-option.js';
import { UsageError } from '../../shared/errors.js';
import { collect, colorWanted, globalOptions, intOption, resolveFormat, type Io } from '../context.js';
import { renderCsv } from '../render/csv.js';
import { renderJson, renderJsonObject, renderNdjson } from '../render/json.js';
import { candidatesComment, candidatesSummary, candidatesTable, excludedTable } from '../render/candidates/rows.js';
import { renderTextTable } from '../render/text-table.js';

export interface CandidatesFlags {
  level?: string;
  eselon?: string;
  post?: string;
  unit?: string[];
  instansi?: string;
  date?: string;
  limit?: number;
  excluded?: boolean;
  model?: string;
}

/** Exactly one of --level, --eselon, --post (exit 2 with the forms otherwise). */
export function vacancyInput(flags: Pick<CandidatesFlags, 'level' | 'eselon' | 'post'>): VacancyInput {
  const given = (['level', 'eselon', 'post'] as const).filter((k) => flags[k] !== undefined);
  if (given.length !== 1) {
    const what = given.length === 0 ? 'which post? none of --level, --eselon, --post was given' : `give only one of ${given.map((k) => `--${k}`).join(', ')}`;
    throw new UsageError(what, VACANCY_FORMS);
  }
  if (flags.level !== undefined) {
    const n = /^\s*\d+\s*$/.test(flags.level) ? Number(flags.level) : Number.NaN;
    if (!Number.isInteger(n)) throw new UsageError(`--level ${flags.level} is not a post level from 5 to 9`, VACANCY_FORMS);
    return { kind: 'level', value: n };
  }
  if (flags.eselon !== undefined) return { kind: 'eselon', value: flags.eselon };
  return { kind: 'post', value: flags.post as string };
}

/** `--date`: any date form of SPEC §1.3 (§7 "every date option"), as YYYY-MM-DD — the shared date-option parser. */
export function dateFlag(value: string): string {
  return parseDateOption('--date', value);
}

/** The request of `asn candidates` and of `asn report --type candidates`. */
export function candidatesRequest(flags: CandidatesFlags, db: string): CandidatesRequest {
  if (flags.instansi !== undefined && (flags.unit ?? []).length > 0) {
    throw new UsageError('give --unit or --instansi, not both', 'the scope is one unit (or several --unit), or one instansi, or everyone');
  }
  return {
    db,
    vacancy: vacancyInput(flags),
    units: flags.unit ?? [],
    ...(flags.instansi === undefined ? {} : { instansi: flags.instansi }),
    ...(flags.date === undefined ? {} : { date: dateFlag(flags.date) }),
    ...(flags.model === undefined ? {} : { modelFile: flags.model }),
  };
}

/** The options shared with `asn report --type candidates`. */
export function addCandidateOptions(command: Command): Command {
  return command
    .option('--level <level>', 'level of the vacant post: 5 pengawas, 6 administrator, 7 JPT pratama, 8 JPT madya, 9 JPT utama')
    .option('--eselon <eselon>', 'eselon of the vacant post (I.a … IV.b), instead of --level')
    .option('--post <text>', 'title of the vacant post with a jenjang or structural word ("Analis Kebijakan Ahli Madya"), instead of --level')
    .option('--unit <name>', 'only people of this unit (repeatable; case-insensitive)', collect)
    .option('--instansi <name>', 'only people of this instansi (case-insensitive)')
    .option('--date <date>', 'D: the date of the appointment (default: the newest snapshot date)');
}

export function makeCandidatesCommand(io: Io): Command {
  return addCandidateOptions(new Command('candidates').description('who may fill a vacant post (PP 11/2017 as amended by PP 17/2020), best by merit first; --excluded: who is left out and why'))
    .option('--limit <n>', 'list the first N candidates (the excluded are always listed whole)', intOption('--limit', 1, Number.MAX_SAFE_INTEGER))
    .option('--excluded', 'list the excluded pool members with every reason (csv, ndjson, table: instead of the list; json: a second key)')
    .option('--model <file>', 'merit model JSON overriding any subset of the built-in asn-merit-v1 (eligibility thresholds included)')
    .addHelpText(
      'after',
      '\nColumns: rank, nip, nama, unit, golongan, level, merit, box, predikat_1, predikat_2, service_years, years_at_level,\n' +
        '  age, years_to_bup, succession_pool; --excluded: nip, nama, unit, reasons. D, the level, the scope, the model and\n' +
        '  its hash are the first lines of table output and go to stderr for csv/json/ndjson.\n' +
        'Examples:\n  asn candidates --level 6 --unit "Dinas Kesehatan"\n  asn candidates --eselon IV.a --date 2026-01-15 --format csv > calon.csv\n' +
        '  asn candidates --post "Kepala Bidang Administrator" --excluded --format csv > tidak-memenuhi.csv\n',
    )
    .action((flags: CandidatesFlags, cmd: Command) => {
      const global = globalOptions(cmd);
      const format = resolveFormat(global.format, ['table', 'csv', 'json', 'ndjson'], io);
      const result = listCandidates(candidatesRequest(flags, global.db));
      const list = candidatesTable(result, flags.limit ?? null);
      const excluded = excludedTable(result);
      const shown = flags.excluded ? excluded : list;
      if (format === 'csv') io.out(renderCsv(shown));
      else if (format === 'ndjson') io.out(renderNdjson(shown));
      else if (format === 'json') io.out(flags.excluded ? renderJsonObject({ candidates: list, excluded }) : renderJson(list));
      else io.out(`${candidatesComment(result)}${renderTextTable(shown, { color: colorWanted(global.color, 'stdout', io) })}`);
      if (!global.quiet) {
        if (format !== 'table') io.err(candidatesComment(result));
        io.err(candidatesSummary(result, Boolean(flags.excluded)));
      }
    });
}
