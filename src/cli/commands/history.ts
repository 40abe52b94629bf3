/** `asn history NIP [--at DATE]` (SPEC §9): the three timelines of one person, and the state at a date. */
import { Command } from 'commander';
import { personHistory, type HistoryResult } from '../../app/history/history.js';
import { cleanNip } from '../../io/values.js';
import { UsageError } from '../../shared/errors.js';
import { colorWanted, globalOptions, resolveFormat, type Io } from '../context.js';
import { dateOption } from '../date-option.js';
import { renderCsv } from '../render/csv.js';
import { renderJsonObject } from '../render/json.js';
import { columnsOf, type DataTable } from '../render/table-data.js';
import { renderTextTable } from '../render/text-table.js';

function entriesTable(r: HistoryResult): DataTable {
  return {
    name: 'timelines',
    columns: columnsOf('timeline:text', 'valid_from:date', 'source:text', 'level:integer', 'jabatan:text', 'eselon:text', 'unit:text', 'unor_id:text',
      'instansi:text', 'golongan:text', 'tmt_golongan:date', 'status:text', 'reason:text', 'file:text', 'line:integer'),
    rows: r.entries.map((e) => ({
      timeline: e.timeline, valid_from: e.validFrom, source: e.source, level: e.level, jabatan: e.jabatan, eselon: e.eselon, unit: e.unit,
      unor_id: e.unorId, instansi: e.instansi, golongan: e.golongan, tmt_golongan: e.tmtGolongan, status: e.status, reason: e.reason,
      file: e.file, line: e.line,
    })),
  };
}

function stateTable(r: HistoryResult): DataTable {
  return {
    name: 'state',
    columns: columnsOf('date:date', 'field:text', 'value:text', 'assumed:boolean', 'valid_from:date', 'source:text', 'file:text', 'line:integer'),
    rows: (r.at?.fields ?? []).map((f) => ({
      date: r.at!.date, field: f.field, value: f.value === null ? null : String(f.value), assumed: f.assumed, valid_from: f.validFrom,
      source: f.source, file: f.file, line: f.line,
    })),
  };
}

export function makeHistoryCommand(io: Io): Command {
  return new Command('history')
    .description('show one employee\'s post, rank and status timelines, each entry with its file and line; --at DATE: the state at that date')
    .argument('<nip>', 'the employee\'s NIP')
    .option('--at <date>', 'the state at this date (assumed values marked)', dateOption('--at'))
    .addHelpText('after', '\nFormats: table (both), csv (the state with --at, else the timelines), json (one object).\nExamples:\n  asn history 198605202010032002\n  asn history 198605202010032002 --at 2024-07-01 --format csv\n')
    .action((nipText: string, flags: { at?: string }, cmd: Command) => {
      const global = globalOptions(cmd);
      const nip = cleanNip(nipText);
      if (!nip.ok) throw new UsageError(`${nipText}: ${nip.reason}`, 'give the 18-digit NIP, e.g. asn history 198605202010032002');
      const format = resolveFormat(global.format, ['table', 'csv', 'json'], io);
      const result = personHistory({ db: global.db, nip: nip.value, ...(flags.at === undefined ? {} : { at: flags.at }) });
      const tables = [entriesTable(result), ...(result.at ? [stateTable(result)] : [])];
      if (format === 'json') {
        io.out(renderJsonObject({ nip: result.nip, nama: result.nama, at: result.at?.date ?? null, timelines: tables[0], ...(result.at ? { state: tables[1] } : {}) }));
      } else if (format === 'csv') {
        io.out(renderCsv(tables[tables.length - 1]!));
      } else {
        const color = colorWanted(global.color, 'stdout', io);
        const head = `${result.nip} ${result.nama}`;
        io.out([`${head}: timelines`, renderTextTable(tables[0]!, { color }), ...(result.at ? [`State at ${result.at.date}`, renderTextTable(tables[1]!, { color })] : [])].join('\n'));
      }
    });
}
