/**
 * The report as Markdown (SPEC §6 `--format md`, the default): headings, the facts that say what
 * produced it, notes as quotes, padded pipe tables that read as plain text too, and the 9-box as
 * a small grid. The other charts are left out: their figures are in the tables next to them.
 */
import type { Block, ChartSpec, Report } from '../../../app/report/types.js';
import { fill, labelsFor, vocabWord, type ReportLabels } from './labels.js';
import { metaLines, noteText, peopleTables, reportHeading, tableTitle, yearParams } from './localize.js';
import { escapeMarkdownCell, renderMarkdownTable } from '../markdown.js';
import type { DataTable } from '../table-data.js';

function talentGridMarkdown(spec: Extract<ChartSpec, { type: 'talent-grid' }>, labels: ReportLabels, params: Record<string, string | number>): string {
  const t = labels.charts.talentGrid;
  const kinerja = ['below', 'meets', 'above'];
  const potensial = ['tinggi', 'menengah', 'rendah'];
  const table: DataTable = {
    name: 'talent_grid',
    columns: [
      { key: 'row', header: `${t.rowAxis} \\ ${t.columnAxis}`, type: 'text' },
      ...kinerja.map((k) => ({ key: k, header: vocabWord(labels, 'kinerja', k) ?? k, type: 'text' as const })),
    ],
    rows: spec.boxes.map((row, r) => {
      const out: Record<string, string> = { row: vocabWord(labels, 'potensial', potensial[r] ?? '') ?? '' };
      row.forEach((box, c) => {
        out[kinerja[c] ?? ''] = `${fill(t.cell, { box })}: ${spec.counts[box] ?? 0}`;
      });
      return out;
    }),
  };
  return `**${escapeMarkdownCell(fill(t.title, params))}**\n\n${renderMarkdownTable(table)}`;
}

function blockMarkdown(block: Block, labels: ReportLabels, params: Record<string, string | number>): string | null {
  switch (block.kind) {
    case 'note':
      return `> ${noteText(labels, block.note.id, { ...params, ...block.note.params })}\n`;
    case 'chart':
      return block.chart.type === 'talent-grid' ? talentGridMarkdown(block.chart, labels, params) : null;
    case 'table': {
      const parts = [`### ${tableTitle(labels, block.table.name, params)}\n`];
      const tables = peopleTables(block.table, labels, params, { percent: true, split: true });
      if (block.table.rows.length === 0) parts.push(`_${labels.noRows}_\n`);
      else {
        for (const { heading, table } of tables) {
          if (heading !== null) parts.push(`#### ${heading}\n`);
          parts.push(renderMarkdownTable(table));
        }
      }
      return parts.join('\n');
    }
  }
}

export function renderReportMarkdown(report: Report): string {
  const labels = labelsFor(report.meta.lang);
  const params = yearParams(report.meta);
  const out: string[] = [`# ${reportHeading(report.meta, labels)}\n`];
  out.push(metaLines(report.meta, labels).map(([label, value]) => `- ${label}: ${value}`).join('\n') + '\n');
  report.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${labels.sections[section.id]}\n`);
    for (const block of section.blocks) {
      const text = blockMarkdown(block, labels, params);
      if (text !== null) out.push(text);
    }
  });
  return out.join('\n');
}
