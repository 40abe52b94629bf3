/**
 * The personal cards of `asn report --type employee --all` (SPEC §12) as html and md, ten
 * thousand at a time: the same bytes as the report writers (html.ts, md.ts) give for a card,
 * from a template compiled once per table and run — headers, captions, classes, the style
 * sheet, the meta block and the section heads are made once; per card only the cells are
 * formatted. A card of another shape (a grouped table, a chart other than the components bars)
 * goes to the report writers. test/unit/card-render.test.ts holds the two to the same bytes.
 */
import type { Block, Report, ReportCell, ReportColumn, ReportMeta, ReportSection, ReportTable } from '../../../app/report/types.js';
import { escapeHtml } from '../html.js';
import { escapeMarkdownCell } from '../markdown.js';
import { formatCell, isNumericColumn, type Cell, type Column } from '../table-data.js';
import { componentsChart, type CardChart } from './card-chart.js';
import { htmlPage, inlineText, renderReportHtml } from './html.js';
import { columnLabel, labelsFor, vocabWord, type ReportLabels } from './labels.js';
import { metaLines, noteText, percentText, reportHeading, tableTitle, yearParams } from './localize.js';
import { renderReportMarkdown } from './md.js';

// The layout rules of html.ts, the same numbers.
const WIDE_COLUMNS = 9;
const WIDEST_COLUMNS = 13;
const SHORT_ROWS = 25;
const LANDSCAPE_COLUMNS = 11;
const NIP_GROUPS = /^(\d{8})(\d{6})(\d)(\d{3})$/;
const HTML_SPECIAL = /[&<>"']/;

/** escapeHtml, skipping the replace for text without a special character (most cells). */
function esc(text: string): string {
  return HTML_SPECIAL.test(text) ? escapeHtml(text) : text;
}

interface ColumnPlan {
  from: ReportColumn;
  /** The column as people see it (localize.ts peopleColumn): vocab columns are text. */
  column: Column;
  nip: boolean;
  /** html: ' class="num"', ' class="date"' or ''. */
  cls: string;
  /** md: right-aligned. */
  right: boolean;
  headerHtml: string;
  headerMd: string;
  /** The formatted text of vocabulary cells, by value. */
  words: Map<ReportCell, string> | null;
}

interface TablePlan {
  name: string;
  title: string;
  columns: ColumnPlan[];
  totalLabel: string;
  /** html: everything up to the first body row, and the empty-table block. */
  htmlHead: string;
  htmlHeadShort: string;
  htmlEmpty: string;
  landscape: boolean;
  /** md: the title line. */
  mdTitle: string;
  headerWidths: number[];
}

/** A cell as people read it (localize.ts peopleCell, with shares as percentages). */
function peopleValue(labels: ReportLabels, c: ReportColumn, value: ReportCell): Cell {
  if (c.vocab !== undefined) return vocabWord(labels, c.vocab, value);
  if (c.key === 'unit' && value === null) return labels.noUnit;
  if (c.percent === true) return typeof value === 'number' ? percentText(value) : typeof value === 'string' ? value : null;
  return value;
}

function cellText(labels: ReportLabels, p: ColumnPlan, value: ReportCell): string {
  if (p.words !== null) {
    const known = p.words.get(value);
    if (known !== undefined) return known;
    const text = formatCell(peopleValue(labels, p.from, value), p.column);
    p.words.set(value, text);
    return text;
  }
  return formatCell(peopleValue(labels, p.from, value), p.column);
}

function cellHtml(text: string, p: ColumnPlan): string {
  const escaped = esc(text);
  return p.nip ? escaped.replace(NIP_GROUPS, '$1<wbr>$2<wbr>$3<wbr>$4') : escaped;
}

/** Code points, not UTF-16 units (markdown.ts). */
function displayLength(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

function makePlan(table: ReportTable, labels: ReportLabels, params: Record<string, string | number>): TablePlan {
  const title = tableTitle(labels, table.name, params);
  const columns = table.columns.map((c): ColumnPlan => {
    const header = columnLabel(labels, table.name, c.key, params);
    const base: Column = c.decimals === undefined ? { key: c.key, type: c.type } : { key: c.key, type: c.type, decimals: c.decimals };
    const column: Column = { ...base, header, type: c.vocab !== undefined ? 'text' : c.type };
    return {
      from: c, column, nip: c.key === 'nip' || c.key.endsWith('_nip'),
      cls: isNumericColumn(column) ? ' class="num"' : column.type === 'date' ? ' class="date"' : '',
      right: isNumericColumn(column),
      headerHtml: esc(header), headerMd: escapeMarkdownCell(header),
      words: c.vocab !== undefined ? new Map() : null,
    };
  });
  const wide = columns.length > WIDEST_COLUMNS ? ' class="wide widest"' : columns.length > WIDE_COLUMNS ? ' class="wide"' : '';
  const tableOpen = [
    `<h3>${esc(title)}</h3>`,
    `<div class="table-wrap"><table${wide} data-table="${esc(table.name)}">`,
    `<caption class="visually-hidden">${esc(title)}</caption>`,
    `<thead><tr>${columns.map((c) => `<th scope="col"${c.cls}>${c.headerHtml}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ].join('\n');
  return {
    name: table.name, title, columns,
    totalLabel: table.total === undefined ? '' : labels.total[table.total.kind],
    htmlHead: `<div class="table-block">\n${tableOpen}`,
    htmlHeadShort: `<div class="table-block short">\n${tableOpen}`,
    htmlEmpty: `<div class="table-block short">\n<h3>${esc(title)}</h3>\n<p class="empty">${esc(labels.noRows)}</p>\n</div>`,
    landscape: columns.length > LANDSCAPE_COLUMNS,
    mdTitle: `### ${title}\n`,
    headerWidths: columns.map((c) => Math.max(3, displayLength(c.headerMd))),
  };
}

/** The card's writer for one run: plans by table (its columns array) and the constant parts by meta. */
class CardWriter {
  private readonly plans = new WeakMap<readonly ReportColumn[], Map<string, TablePlan>>();
  private readonly notes = new Map<string, string>();
  private readonly charts = new Map<string, ReturnType<typeof componentsChart>>();
  private metaKey = '';
  private metaHtml = '';
  private metaMd = '';

  private plan(table: ReportTable, labels: ReportLabels, params: Record<string, string | number>, lang: string): TablePlan {
    let byName = this.plans.get(table.columns);
    if (byName === undefined) {
      byName = new Map();
      this.plans.set(table.columns, byName);
    }
    const key = `${lang}\u0000${String(params.y)}\u0000${table.name}\u0000${table.total?.kind ?? ''}`;
    let plan = byName.get(key);
    if (plan === undefined) {
      plan = makePlan(table, labels, params);
      byName.set(key, plan);
    }
    return plan;
  }

  /** The cells of every row as text, the total row last (localize.ts peopleTables, ungrouped). */
  private cells(table: ReportTable, plan: TablePlan, labels: ReportLabels): string[][] {
    const out: string[][] = [];
    for (const row of table.rows) {
      const cells: string[] = [];
      for (const p of plan.columns) cells.push(cellText(labels, p, row[p.from.key] ?? null));
      out.push(cells);
    }
    if (table.total !== undefined) {
      const given = table.total.row;
      const cells: string[] = [];
      plan.columns.forEach((p, i) => {
        if (i === 0) cells.push(formatCell(plan.totalLabel, p.column));
        else cells.push(p.from.key in given ? formatCell(peopleValue(labels, p.from, given[p.from.key] ?? null), p.column) : '');
      });
      out.push(cells);
    }
    return out;
  }

  private tableHtml(table: ReportTable, labels: ReportLabels, params: Record<string, string | number>, lang: string): string {
    const plan = this.plan(table, labels, params, lang);
    if (table.rows.length === 0) return plan.htmlEmpty;
    const rows = this.cells(table, plan, labels);
    let html = table.rows.length <= SHORT_ROWS ? plan.htmlHeadShort : plan.htmlHead;
    const totalAt = table.total === undefined ? -1 : rows.length - 1;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      let line = r === totalAt ? '\n<tr class="total">' : '\n<tr>';
      for (let i = 0; i < cells.length; i++) {
        const p = plan.columns[i]!;
        line += r === totalAt && i === 0 ? `<th scope="row"${p.cls}>${cellHtml(cells[i]!, p)}</th>` : `<td${p.cls}>${cellHtml(cells[i]!, p)}</td>`;
      }
      html += `${line}</tr>`;
    }
    return `${html}\n</tbody>\n</table></div>\n</div>`;
  }

  private tableMd(table: ReportTable, labels: ReportLabels, params: Record<string, string | number>, lang: string): string {
    const plan = this.plan(table, labels, params, lang);
    if (table.rows.length === 0) return `${plan.mdTitle}\n_${labels.noRows}_\n`;
    const rows = this.cells(table, plan, labels);
    const widths = plan.headerWidths.slice();
    for (const cells of rows) {
      for (let i = 0; i < cells.length; i++) {
        const text = escapeMarkdownCell(cells[i]!);
        cells[i] = text;
        const length = displayLength(text);
        if (length > widths[i]!) widths[i] = length;
      }
    }
    const line = (cells: readonly string[]): string => {
      let out = '|';
      for (let i = 0; i < cells.length; i++) {
        const text = cells[i]!;
        const fill = ' '.repeat(Math.max(0, widths[i]! - displayLength(text)));
        out += plan.columns[i]!.right ? ` ${fill}${text} |` : ` ${text}${fill} |`;
      }
      return out;
    };
    let align = '|';
    for (let i = 0; i < widths.length; i++) {
      align += plan.columns[i]!.right ? ` ${'-'.repeat(Math.max(3, widths[i]! - 1))}: |` : ` ${'-'.repeat(Math.max(3, widths[i]!))} |`;
    }
    let md = `${plan.mdTitle}\n${line(plan.columns.map((c) => c.headerMd))}\n${align}`;
    for (const cells of rows) md += `\n${line(cells)}`;
    return `${md}\n`;
  }

  private noteTextOf(labels: ReportLabels, block: Extract<Block, { kind: 'note' }>, params: Record<string, string | number>, lang: string): string {
    const p = block.note.params ?? {};
    let key = `${lang}\u0000${String(params.y)}\u0000${block.note.id}`;
    for (const k in p) key += `\u0000${k}=${String(p[k])}`;
    let text = this.notes.get(key);
    if (text === undefined) {
      text = noteText(labels, block.note.id, { ...params, ...p });
      this.notes.set(key, text);
    }
    return text;
  }

  private chart(spec: Extract<Block, { kind: 'chart' }>['chart'], labels: ReportLabels, params: Record<string, string | number>, lang: string): CardChart {
    const key = `${lang}\u0000${String(params.y)}`;
    let draw = this.charts.get(key);
    if (draw === undefined) {
      draw = componentsChart(labels, params);
      this.charts.set(key, draw);
    }
    // fits() lets only the components chart through.
    return draw(spec as Extract<typeof spec, { type: 'components' }>);
  }

  /** The constant meta parts (SPEC §6: Y, T, model, database, time made) of this run's cards. */
  private meta(meta: ReportMeta, labels: ReportLabels): void {
    const key = [meta.lang, meta.year, meta.referenceDate, meta.model.name, meta.model.hash, meta.model.file, meta.database, meta.generatedAt].join('\u0000');
    if (key === this.metaKey) return;
    const lines = metaLines(meta, labels);
    this.metaHtml = lines.map(([dt, dd]) => `<dt>${escapeHtml(dt)}</dt><dd>${escapeHtml(dd)}</dd>`).join('\n');
    this.metaMd = lines.map(([label, value]) => `- ${label}: ${value}`).join('\n') + '\n';
    this.metaKey = key;
  }

  html(report: Report): string {
    if (!fits(report)) return renderReportHtml(report);
    const labels = labelsFor(report.meta.lang);
    const params = yearParams(report.meta);
    const lang = report.meta.lang;
    const heading = esc(reportHeading(report.meta, labels));
    this.meta(report.meta, labels);
    const sections = report.sections.map((s, i) => {
      const out: string[] = [];
      let charts: string[] = [];
      let landscape = false;
      const flush = () => {
        if (charts.length > 0) out.push(`<div class="charts">\n${charts.join('\n')}\n</div>`);
        charts = [];
      };
      for (const block of s.blocks) {
        if (block.kind === 'chart') {
          const chart = this.chart(block.chart, labels, params, lang);
          charts.push(`<figure class="chart" data-chart="components">\n<figcaption>${escapeHtml(chart.title)}</figcaption>\n${chart.svg}</figure>`);
          continue;
        }
        flush();
        if (block.kind === 'note') out.push(`<p class="note">${inlineText(this.noteTextOf(labels, block, params, lang))}</p>`);
        else {
          if (this.plan(block.table, labels, params, lang).landscape) landscape = true;
          out.push(this.tableHtml(block.table, labels, params, lang));
        }
      }
      flush();
      const n = i + 1;
      return `<section class="report-section${landscape ? ' landscape' : ''}" id="section-${n}" data-section="${s.id}" aria-labelledby="section-${n}-title">\n` +
        `<h2 id="section-${n}-title">${n}. ${escapeHtml(labels.sections[s.id])}</h2>\n${out.join('\n')}\n</section>`;
    });
    const toc = report.sections.length > 1
      ? `<nav class="toc" aria-label="${escapeHtml(labels.contents)}"><strong>${escapeHtml(labels.contents)}</strong><ol>${
        report.sections.map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(labels.sections[s.id])}</a></li>`).join('')}</ol></nav>`
      : '';
    return htmlPage(report, labels, heading, this.metaHtml, toc, sections);
  }

  md(report: Report): string {
    if (!fits(report)) return renderReportMarkdown(report);
    const labels = labelsFor(report.meta.lang);
    const params = yearParams(report.meta);
    const lang = report.meta.lang;
    this.meta(report.meta, labels);
    const out: string[] = [`# ${reportHeading(report.meta, labels)}\n`, this.metaMd];
    report.sections.forEach((section, i) => {
      out.push(`## ${i + 1}. ${labels.sections[section.id]}\n`);
      for (const block of section.blocks) {
        // md.ts draws only the 9-box of the charts (fits() keeps that one out of here).
        if (block.kind === 'note') out.push(`> ${this.noteTextOf(labels, block, params, lang)}\n`);
        else if (block.kind === 'table') out.push(this.tableMd(block.table, labels, params, lang));
      }
    });
    return out.join('\n');
  }
}

/** Whether every block is of the shapes a card has: ungrouped tables, notes, the components chart. */
function fits(report: Report): boolean {
  return report.sections.every((s: ReportSection) => s.blocks.every((b) =>
    b.kind === 'note' || (b.kind === 'chart' && b.chart.type === 'components')
    || (b.kind === 'table' && b.table.groupBy === undefined && (b.table.peopleHide?.length ?? 0) === 0)));
}

/** One writer per run of `--all`: `html(card)` / `md(card)` give the bytes of renderReportHtml / renderReportMarkdown. */
export function cardWriter(): { html(report: Report): string; md(report: Report): string } {
  const writer = new CardWriter();
  return { html: (r) => writer.html(r), md: (r) => writer.md(r) };
}
