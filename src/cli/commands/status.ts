/** `asn status` (SPEC §7): what the database holds, its schema version, the last imports. */
import { Command } from 'commander';
import { getStatus, type StatusReport } from '../../app/status/status.js';
import { colorWanted, globalOptions, intOption, resolveFormat, type Io } from '../context.js';
import { renderCsv } from '../render/csv.js';
import { renderJsonObject } from '../render/json.js';
import type { DataTable } from '../render/table-data.js';
import { renderTextTable } from '../render/text-table.js';

function tables(s: StatusReport): DataTable[] {
  return [
    {
      name: 'tables',
      title: `Database ${s.database}, schema version ${s.schemaVersion}`,
      columns: [{ key: 'table', type: 'text' }, { key: 'rows', type: 'integer' }],
      rows: Object.entries(s.counts).map(([table, rows]) => ({ table, rows })),
    },
    {
      name: 'years',
      title: 'Appraisal years',
      columns: [{ key: 'tahun', type: 'integer' }, { key: 'appraisals', type: 'integer' }, { key: 'with_predikat', type: 'integer' }],
      rows: s.years,
    },
    {
      name: 'units',
      title: 'Units',
      columns: [{ key: 'unit', type: 'text' }, { key: 'employees', type: 'integer' }, { key: 'pns', type: 'integer' }, { key: 'pppk', type: 'integer' }],
      rows: s.units,
    },
    {
      name: 'imports',
      title: 'Last imports',
      columns: [
        { key: 'id', type: 'integer' }, { key: 'imported_at', type: 'text' }, { key: 'file_name', type: 'text' },
        { key: 'kind', type: 'text' }, { key: 'rows_read', type: 'integer' }, { key: 'inserted', type: 'integer' },
        { key: 'updated', type: 'integer' }, { key: 'unchanged', type: 'integer' }, { key: 'rejected', type: 'integer' },
        { key: 'skipped', type: 'integer' }, { key: 'sha256', type: 'text' },
      ],
      rows: s.imports.map((i) => ({ ...i })),
    },
    // history (SPEC §9): the snapshots
    {
      name: 'snapshots',
      title: 'Snapshots',
      columns: [
        { key: 'as_of', type: 'text' }, { key: 'file_name', type: 'text' }, { key: 'rows', type: 'integer' },
        { key: 'joined', type: 'integer' }, { key: 'changed', type: 'integer' }, { key: 'left', type: 'integer' },
        { key: 'unchanged', type: 'integer' }, { key: 'dated_at_snapshot', type: 'integer' },
      ],
      rows: s.snapshots.map((x) => ({ ...x, left: x.leavers })),
    },
  ];
}

export function makeStatusCommand(io: Io): Command {
  return new Command('status')
    .description('show what the database holds: rows per table, appraisal years, units, schema version, last imports')
    .option('--imports <n>', 'how many recent imports to list', intOption('--imports', 1, 1000), 10)
    .addHelpText('after', '\nFormats: table (sections), json (one object), csv (the last imports).\nExample:\n  asn status --format json\n')
    .action((flags: { imports: number }, cmd: Command) => {
      const global = globalOptions(cmd);
      const format = resolveFormat(global.format, ['table', 'csv', 'json'], io);
      const status = getStatus(global.db, flags.imports);
      const all = tables(status);
      if (format === 'json') {
        io.out(renderJsonObject({ database: status.database, schema_version: status.schemaVersion, ...Object.fromEntries(all.map((t) => [t.name, t])) }));
      } else if (format === 'csv') {
        io.out(renderCsv(all[3]!));
      } else {
        const color = colorWanted(global.color, 'stdout', io);
        io.out(all.map((t) => `${t.title}\n${renderTextTable(t, { color })}`).join('\n'));
      }
    });
}
