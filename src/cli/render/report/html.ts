/**
 * The report as one self-contained HTML file (SPEC §6 `--format html`): inline CSS and SVG, no
 * script, no font or image from the network, so it opens offline and prints on A4. Accessible:
 * one h1, h2 per section, h3 per table, tables with caption and `th scope`, charts as
 * `role="img"` SVG with title and description, plus a visible caption. Everything from the data
 * is escaped.
 */
import type { Block, Report, ReportSection } from '../../../app/report/types.js';
import { escapeHtml } from '../html.js';
import { renderChart } from './charts.js';
import { REPORT_CSS } from './css.js';
import { labelsFor, type ReportLabels } from './labels.js';
import { metaLines, noteText, peopleTables, reportHeading, tableTitle, yearParams } from './localize.js';
import { columnHeader, formatCell, isNumericColumn, type DataTable } from '../table-data.js';

/** Tables wider than this print in a smaller font (class "wide"). */
const WIDE_COLUMNS = 9;
/** Tables wider than this (the audit's events, the employee's findings) take a smaller font still on screen. */
const WIDEST_COLUMNS = 13;
/** A table of at most this many rows is kept on one printed page with its heading (class "short"). */
const SHORT_ROWS = 25;
/** NIP columns: the 18 digits may wrap between the groups of the NIP (birth date, TMT CPNS, gender, serial). */
const NIP_GROUPS = /^(\d{8})(\d{6})(\d)(\d{3})$/;

function isNipColumn(key: string): boolean {
  return key === 'nip' || key.endsWith('_nip');
}

/** A cell's escaped text; an 18-digit NIP gets line-break opportunities (<wbr>) between its groups, copied as digits only. */
function cellHtml(text: string, key: string): string {
  const escaped = escapeHtml(text);
  return isNipColumn(key) ? escaped.replace(NIP_GROUPS, '$1<wbr>$2<wbr>$3<wbr>$4') : escaped;
}
/** A section holding a table wider than this prints on landscape A4 pages. */
const LANDSCAPE_COLUMNS = 11;

/** Whether people see a table of more than LANDSCAPE_COLUMNS columns in this section. */
function needsLandscape(section: ReportSection): boolean {
  return section.blocks.some((b) => {
    if (b.kind !== 'table') return false;
    const hidden = new Set([...(b.table.peopleHide ?? []), ...(b.table.groupBy === undefined ? [] : [b.table.groupBy])]);
    return b.table.columns.filter((c) => !hidden.has(c.key)).length > LANDSCAPE_COLUMNS;
  });
}

/** Escaped text with `command` spans as <code> (the notes name commands to run). */
export function inlineText(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * A table with caption, header cells `th scope="col"`, and the total row (when `totalLast`) as a
 * row whose first cell is `th scope="row"`. Number columns are right-aligned (class "num").
 */
export function reportTableHtml(table: DataTable, opts: { caption: string | null; totalLast: boolean }): string {
  const num = table.columns.map((c) => (isNumericColumn(c) ? ' class="num"' : c.type === 'date' ? ' class="date"' : ''));
  const wide = table.columns.length > WIDEST_COLUMNS ? ' class="wide widest"' : table.columns.length > WIDE_COLUMNS ? ' class="wide"' : '';
  const lines = [`<div class="table-wrap"><table${wide} data-table="${escapeHtml(table.name)}">`];
  if (opts.caption !== null) lines.push(`<caption class="visually-hidden">${escapeHtml(opts.caption)}</caption>`);
  lines.push(`<thead><tr>${table.columns.map((c, i) => `<th scope="col"${num[i] ?? ''}>${escapeHtml(columnHeader(c))}</th>`).join('')}</tr></thead>`);
  lines.push('<tbody>');
  table.rows.forEach((row, r) => {
    const total = opts.totalLast && r === table.rows.length - 1;
    const cells = table.columns.map((c, i) => {
      const value = cellHtml(formatCell(row[c.key], c), c.key);
      return total && i === 0 ? `<th scope="row"${num[i] ?? ''}>${value}</th>` : `<td${num[i] ?? ''}>${value}</td>`;
    });
    lines.push(`<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`);
  });
  lines.push('</tbody>', '</table></div>');
  return lines.join('\n');
}

function tableBlockHtml(block: Extract<Block, { kind: 'table' }>, labels: ReportLabels, params: Record<string, string | number>): string {
  const { table } = block;
  const title = tableTitle(labels, table.name, params);
  // Print: a short table stays on one page with its heading; a long one breaks between rows.
  const short = (rows: number) => (rows <= SHORT_ROWS ? ' short' : '');
  const parts = [`<div class="table-block${short(table.rows.length)}">`, `<h3>${escapeHtml(title)}</h3>`];
  if (table.rows.length === 0) {
    parts.push(`<p class="empty">${escapeHtml(labels.noRows)}</p>`, '</div>');
    return parts.join('\n');
  }
  for (const { heading, table: shown } of peopleTables(table, labels, params, { percent: true, split: true })) {
    const html = reportTableHtml(shown, { caption: heading ?? title, totalLast: heading === null && table.total !== undefined });
    if (heading === null) parts.push(html);
    else parts.push(`<div class="sub-table${short(shown.rows.length)}">`, `<h4>${escapeHtml(heading)}</h4>`, html, '</div>');
  }
  parts.push('</div>');
  return parts.join('\n');
}

function chartHtml(block: Extract<Block, { kind: 'chart' }>, labels: ReportLabels, params: Record<string, string | number>): string {
  const chart = renderChart(block.chart, labels, params);
  return `<figure class="chart" data-chart="${chart.kind}">\n<figcaption>${escapeHtml(chart.title)}</figcaption>\n${chart.svg}</figure>`;
}

/** Blocks in order; consecutive charts share one flexible row. */
function blocksHtml(blocks: readonly Block[], labels: ReportLabels, params: Record<string, string | number>): string {
  const out: string[] = [];
  let charts: string[] = [];
  const flush = () => {
    if (charts.length > 0) out.push(`<div class="charts">\n${charts.join('\n')}\n</div>`);
    charts = [];
  };
  for (const block of blocks) {
    if (block.kind === 'chart') {
      charts.push(chartHtml(block, labels, params));
      continue;
    }
    flush();
    if (block.kind === 'note') out.push(`<p class="note">${inlineText(noteText(labels, block.note.id, { ...params, ...block.note.params }))}</p>`);
    else out.push(tableBlockHtml(block, labels, params));
  }
  flush();
  return out.join('\n');
}

export function renderReportHtml(report: Report): string {
  const labels = labelsFor(report.meta.lang);
  const params = yearParams(report.meta);
  const heading = reportHeading(report.meta, labels);
  const meta = metaLines(report.meta, labels).map(([dt, dd]) => `<dt>${escapeHtml(dt)}</dt><dd>${escapeHtml(dd)}</dd>`).join('\n');
  const toc = report.sections
    .map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(labels.sections[s.id])}</a></li>`)
    .join('');
  const sections = report.sections.map((s, i) =>
    `<section class="report-section${needsLandscape(s) ? ' landscape' : ''}" id="section-${i + 1}" data-section="${s.id}" aria-labelledby="section-${i + 1}-title">\n` +
      `<h2 id="section-${i + 1}-title">${i + 1}. ${escapeHtml(labels.sections[s.id])}</h2>\n${blocksHtml(s.blocks, labels, params)}\n</section>`,
  );
  const tocHtml = report.sections.length > 1 ? `<nav class="toc" aria-label="${escapeHtml(labels.contents)}"><strong>${escapeHtml(labels.contents)}</strong><ol>${toc}</ol></nav>` : '';
  return htmlPage(report, labels, escapeHtml(heading), meta, tocHtml, sections);
}

/** The constant pieces of a page around its heading (twice) and its sections: see htmlPage. */
export interface HtmlPageFrame {
  /** Up to the heading in `<title>`. */
  head: string;
  /** From `</title>` (the style sheet) to the heading in `<h1>`. */
  middle: string;
  /** From `</h1>` (meta block, contents) to the first section. */
  top: string;
  /** From `</main>` to the end. */
  end: string;
}

/**
 * The page around a report's sections, without its heading: head with the style sheet, meta
 * block, contents, footer. Made once per run by the cards' own writer (card-render.ts), which
 * joins the pieces itself; `metaHtml` comes escaped.
 */
export function htmlPageFrame(report: Report, labels: ReportLabels, metaHtml: string, toc: string): HtmlPageFrame {
  return {
    head: `<!DOCTYPE html>\n<html lang="${labels.htmlLang}">\n<head>\n<meta charset="utf-8">\n` +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>',
    middle: `</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<header class="report-head">\n<h1>`,
    top: `</h1>\n<dl class="meta">\n${metaHtml}\n</dl>\n</header>\n${toc}\n<main>\n`,
    end: `</main>\n<footer class="report-foot">${escapeHtml(labels.madeBy)} · ${escapeHtml(report.meta.model.name)} · ${escapeHtml(report.meta.generatedAt)}</footer>\n</body>\n</html>\n`,
  };
}

/**
 * The page around a report's sections: head with the style sheet, heading, meta block, contents,
 * footer. Shared by every report and the cards' own writer (card-render.ts, through
 * htmlPageFrame), so both give the same bytes. `heading` and `metaHtml` come escaped.
 */
export function htmlPage(report: Report, labels: ReportLabels, heading: string, metaHtml: string, toc: string, sections: readonly string[]): string {
  const frame = htmlPageFrame(report, labels, metaHtml, toc);
  return `${frame.head}${heading}${frame.middle}${heading}${frame.top}${sections.length > 0 ? `${sections.join('\n')}\n` : ''}${frame.end}`;
}
