/**
 * `asn rank` (SPEC §3, §4, §7): merit scores, ranking per scope, the 9-box, and `--explain NIP`
 * for how one employee's score was made.
 */
import { Command } from 'commander';
import { explainEmployee } from '../../app/population/explain.js';
import { rankEmployees, type RankResult } from '../../app/rank/rank.js';
import type { RankRequest } from '../../app/population/scoring.js';
import { cleanNip } from '../../io/values.js';
import { UsageError } from '../../shared/errors.js';
import { collect, colorWanted, globalOptions, intOption, resolveFormat, type GlobalOptions, type Io } from '../context.js';
import { renderExplainJson, renderExplainText } from '../render/rank/explain.js';
import {
  rankComment, renderRankTable, selectedRows, writeRankCsv, writeRankJson, writeRankNdjson, type RankSelection,
} from '../render/rank/rows.js';

interface RankFlags {
  year?: number;
  by?: string;
  unit?: string[];
  limit?: number;
  all?: boolean;
  explain?: string;
  model?: string;
}

function request(flags: RankFlags, db: string): RankRequest {
  if (flags.by !== undefined && flags.by !== 'unit') {
    throw new UsageError(`--by ${flags.by} is not a scope`, 'use --by unit, or leave it out to rank everyone together');
  }
  return {
    db,
    byUnit: flags.by === 'unit',
    units: flags.unit ?? [],
    ...(flags.year === undefined ? {} : { year: flags.year }),
    ...(flags.model === undefined ? {} : { modelFile: flags.model }),
  };
}

/** The summary on stderr: which model and year, how many ranked; the data itself stays pure on stdout. */
function summary(result: RankResult, selection: RankSelection): string {
  const t = result.totals;
  const rated = t.complete + t.incomplete;
  const hidden = t.unrated > 0 && !selection.all ? '; --all lists them' : '';
  return `${rankComment(result).slice(2)}\n` +
    `ranked ${rated} of ${t.employees} employees (${t.complete} complete, ${t.incomplete} incomplete), ${t.unrated} unrated${hidden}\n`;
}

function explain(nipText: string, req: RankRequest, global: GlobalOptions, io: Io): void {
  const nip = cleanNip(nipText);
  if (!nip.ok) throw new UsageError(`--explain ${nipText}: ${nip.reason}`, 'give the 18-digit NIP, e.g. --explain 198504182010011001');
  // Explain is a text for people by default, also when piped; json gives the same as one object.
  const format = resolveFormat(global.format, ['table', 'json'], io, 'table');
  const result = explainEmployee({ ...req, nip: nip.value });
  io.out(format === 'json' ? renderExplainJson(result) : renderExplainText(result));
}

export function makeRankCommand(io: Io): Command {
  return new Command('rank')
    .description('rank employees by merit score, with the 9-box; --explain NIP shows how one score was made')
    .option('--year <year>', 'evaluation year Y (default: the latest year with appraisals)', intOption('--year', 1900, 2100))
    .option('--by <scope>', 'rank within each unit: --by unit (ranks restart per unit)')
    .option('--unit <name>', 'only employees of this unit, ranked among themselves (repeatable; case-insensitive)', collect)
    .option('--limit <n>', 'show the first N rows of each scope', intOption('--limit', 1, Number.MAX_SAFE_INTEGER))
    .option('--all', 'also list unrated employees, after the ranked ones')
    .option('--explain <nip>', 'explain one employee: inputs, rules, weights, contributions, rank, DUK, box (--limit and --all do not apply)')
    .option('--model <file>', 'merit model JSON overriding any subset of the built-in asn-merit-v1')
    .addHelpText(
      'after',
      '\nColumns: rank, nip, nama, unit, jenis_pegawai, golongan, level, merit, kinerja, kompetensi, pengembangan,\n' +
        '  kualifikasi, disiplin, coverage, status, box, percentile. The model name and hash are the first line of\n' +
        '  table output and go to stderr for csv/json/ndjson, which stay exactly these columns.\n' +
        'Examples:\n  asn rank --by unit --limit 10\n  asn rank --year 2024 --all --format csv > rank-2024.csv\n  asn rank --explain 198504182010011001\n',
    )
    .action((flags: RankFlags, cmd: Command) => {
      const global = globalOptions(cmd);
      const req = request(flags, global.db);
      if (flags.explain !== undefined) {
        explain(flags.explain, req, global, io);
        return;
      }
      const format = resolveFormat(global.format, ['table', 'csv', 'json', 'ndjson'], io);
      const selection: RankSelection = { limit: flags.limit ?? null, all: Boolean(flags.all) };
      const result = rankEmployees(req);
      const rows = selectedRows(result, selection);
      const write = (text: string) => io.out(text);
      if (format === 'csv') writeRankCsv(rows, write);
      else if (format === 'json') writeRankJson(rows, write);
      else if (format === 'ndjson') writeRankNdjson(rows, write);
      else io.out(renderRankTable(result, rows, colorWanted(global.color, 'stdout', io)));
      if (!global.quiet) io.err(summary(result, selection));
    });
}
