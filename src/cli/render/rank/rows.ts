/**
 * `asn rank` output (SPEC §7): exactly the rank columns, in order, for every format. CSV,
 * JSON and NDJSON are written row by row, so ranking millions of employees never builds one
 * giant string (STYLE "Stream, don't slurp"); each is byte-identical to the whole-table writer.
 */
import type { RankResult } from '../../../app/rank/rank.js';
import type { RankGroup, RankRow } from '../../../app/population/scoring.js';
import { createCsvStream } from '../csv.js';
import { jsonRecord } from '../json.js';
import { columnsOf, type Cell, type Column, type DataTable } from '../table-data.js';
import { renderTextTable } from '../text-table.js';

/**
 * SPEC §7 rank columns. Merit, components, coverage and percentile have 2 decimals (the printing
 * rule of SPEC §3, applied to coverage and percentile too so every score column reads alike).
 */
export const RANK_COLUMNS: readonly Column[] = columnsOf(
  'rank:integer', 'nip:text', 'nama:text', 'unit:text', 'jenis_pegawai:text', 'golongan:text',
  'level:integer', 'merit:2', 'kinerja:2', 'kompetensi:2', 'pengembangan:2', 'kualifikasi:2',
  'disiplin:2', 'coverage:2', 'status:text', 'box:integer', 'percentile:2',
);

/** One ranked (or unrated) employee as a table record keyed by the SPEC column names. */
export function rankRecord(row: RankRow): Record<string, Cell> {
  return {
    rank: row.rank,
    nip: row.nip,
    nama: row.nama,
    unit: row.unit,
    jenis_pegawai: row.jenisPegawai,
    golongan: row.golongan,
    level: row.level,
    merit: row.merit,
    kinerja: row.components.kinerja,
    kompetensi: row.components.kompetensi,
    pengembangan: row.components.pengembangan,
    kualifikasi: row.components.kualifikasi,
    disiplin: row.components.disiplin,
    coverage: row.coverage,
    status: row.status,
    box: row.box,
    percentile: row.percentile,
  };
}

export interface RankSelection {
  /** `--limit N`: the first N rows of each scope (ranked first, then unrated with --all). */
  limit: number | null;
  /** `--all`: list the unrated after the ranked (SPEC §3). */
  all: boolean;
}

/** The rows shown for one scope: ranked, then unrated with --all, cut at --limit (one row object at a time). */
function* shownRows(group: RankGroup, selection: RankSelection): Generator<RankRow> {
  let left = selection.limit ?? Infinity;
  for (const list of selection.all ? [group.ranked, group.unrated] : [group.ranked]) {
    for (const row of list) {
      if (left-- <= 0) return;
      yield row;
    }
  }
}

/** Every shown row of the result, scope after scope. */
export function* selectedRows(result: RankResult, selection: RankSelection): Generator<RankRow> {
  for (const group of result.groups) yield* shownRows(group, selection);
}

/**
 * The header comment naming what produced the numbers (SPEC §3 "which model"), e.g.
 * `# model asn-merit-v1 sha256:1f0c… · year 2025 · scope all`.
 */
export function rankComment(result: Pick<RankResult, 'model' | 'year' | 'byUnit' | 'units' | 'levelsRederived'>): string {
  const scope = result.byUnit ? 'by unit' : 'all';
  const units = result.units.length === 0 ? '' : ` · units ${result.units.join(' | ')}`;
  const levels = result.levelsRederived ? ' · levels from the model' : '';
  return `# model ${result.model.name} sha256:${result.model.hash} · year ${result.year} · scope ${scope}${units}${levels}`;
}

/** Collects lines and hands them to `write` in blocks, so millions of rows are not millions of writes. */
export function batchedWriter(write: (text: string) => void, blockSize = 1000): { line(text: string): void; flush(): void } {
  let buffer: string[] = [];
  return {
    line(text) {
      buffer.push(text);
      if (buffer.length >= blockSize) this.flush();
    },
    flush() {
      if (buffer.length > 0) write(buffer.join(''));
      buffer = [];
    },
  };
}

/** CSV: header, then one line per row; the same bytes as renderCsv of the whole table. */
export function writeRankCsv(rows: Iterable<RankRow>, write: (text: string) => void, blockSize = 1000): void {
  const csv = createCsvStream(RANK_COLUMNS);
  write(csv.header());
  let block: Array<Record<string, Cell>> = [];
  for (const row of rows) {
    block.push(rankRecord(row));
    if (block.length >= blockSize) {
      write(csv.rows(block));
      block = [];
    }
  }
  if (block.length > 0) write(csv.rows(block));
}

/** JSON array of objects, 2-space indent (the same bytes as renderJson of the whole table). */
export function writeRankJson(rows: Iterable<RankRow>, write: (text: string) => void): void {
  const out = batchedWriter(write);
  let first = true;
  for (const row of rows) {
    const text = JSON.stringify(jsonRecord(RANK_COLUMNS, rankRecord(row)), null, 2).replace(/\n/g, '\n  ');
    out.line(`${first ? '[\n' : ',\n'}  ${text}`);
    first = false;
  }
  out.line(first ? '[]\n' : '\n]\n');
  out.flush();
}

/** NDJSON: one compact object per line. */
export function writeRankNdjson(rows: Iterable<RankRow>, write: (text: string) => void): void {
  const out = batchedWriter(write);
  for (const row of rows) out.line(`${JSON.stringify(jsonRecord(RANK_COLUMNS, rankRecord(row)))}\n`);
  out.flush();
}

/** Terminal table: the comment line, then one table (with --by unit the unit column shows the scope). */
export function renderRankTable(result: RankResult, rows: Iterable<RankRow>, color: boolean): string {
  const table: DataTable = { name: 'rank', columns: [...RANK_COLUMNS], rows: [...rows].map(rankRecord) };
  return `${rankComment(result)}\n${renderTextTable(table, { color })}`;
}
