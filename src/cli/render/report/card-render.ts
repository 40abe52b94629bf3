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
import { htmlPageFrame, inlineText, renderReportHtml, type HtmlPageFrame } from './html.js';
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
/** What makes a md cell need escaping (markdown.ts escapeMarkdownCell) or a length in code points (displayLength). */
const MD_SPECIAL = /[|\r\n\uD800-\uDFFF]/;
const TABLE_END = '\n</tbody>\n</table></div>\n</div>';

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
  /** html: the cell's opening tag, and the total row's first (a row header). */
  td: string;
  thRow: string;
  /** html and md: whether a number's text is printed as is (it holds no character to escape): not in a vocabulary or NIP column. */
  plainNumbers: boolean;
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
  /** html: what comes before each cell of a body row (the row's start, or the last cell's end), and the row's end. */
  cellStart: string[];
  rowEnd: string;
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

/** A cell's text in html (html.ts cellHtml), `value` the cell it was formatted from. */
function cellHtml(text: string, p: ColumnPlan, value: ReportCell): string {
  if (typeof value === 'number' && p.plainNumbers) return text;
  const escaped = esc(text);
  return p.nip ? escaped.replace(NIP_GROUPS, '$1<wbr>$2<wbr>$3<wbr>$4') : escaped;
}

/** Code points, not UTF-16 units (markdown.ts). */
function displayLength(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

const SPACES: string[] = [];
const DASHES: string[] = [];

/** `n` spaces (none below 1), the short ones made once. */
function spaces(n: number): string {
  if (n <= 0) return '';
  if (n > 200) return ' '.repeat(n);
  return (SPACES[n] ??= ' '.repeat(n));
}

/** max(3, n) dashes: a column's rule under the header (markdown.ts). */
function dashes(n: number): string {
  const k = Math.max(3, n);
  if (k > 200) return '-'.repeat(k);
  return (DASHES[k] ??= '-'.repeat(k));
}

function makePlan(table: ReportTable, labels: ReportLabels, params: Record<string, string | number>): TablePlan {
  const title = tableTitle(labels, table.name, params);
  const columns = table.columns.map((c): ColumnPlan => {
    const header = columnLabel(labels, table.name, c.key, params);
    const base: Column = c.decimals === undefined ? { key: c.key, type: c.type } : { key: c.key, type: c.type, decimals: c.decimals };
    const column: Column = { ...base, header, type: c.vocab !== undefined ? 'text' : c.type };
    const cls = isNumericColumn(column) ? ' class="num"' : column.type === 'date' ? ' class="date"' : '';
    const nip = c.key === 'nip' || c.key.endsWith('_nip');
    return {
      from: c, column, nip,
      cls, td: `<td${cls}>`, thRow: `<th scope="row"${cls}>`,
      plainNumbers: c.vocab === undefined && !nip,
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
    cellStart: columns.map((c, i) => (i === 0 ? `\n<tr>${c.td}` : `</td>${c.td}`)),
    rowEnd: columns.length === 0 ? '\n<tr></tr>' : '</td></tr>',
    totalLabel: table.total === undefined ? '' : labels.total[table.total.kind],
    htmlHead: `<div class="table-block">\n${tableOpen}`,
    htmlHeadShort: `<div class="table-block short">\n${tableOpen}`,
    htmlEmpty: `<div class="table-block short">\n<h3>${esc(title)}</h3>\n<p class="empty">${esc(labels.noRows)}</p>\n</div>`,
    landscape: columns.length > LANDSCAPE_COLUMNS,
    mdTitle: `### ${title}\n`,
    headerWidths: columns.map((c) => Math.max(3, displayLength(c.headerMd))),
  };
}

/** A note's text and its html (notes name commands as `code`). */
interface NoteText {
  text: string;
  html: string;
}

/**
 * What the cards of one language and year share: labels, the table plans (by the table's columns
 * array, then name and total), the notes, the chart writer, the section heads and the page frame.
 */
class CardContext {
  readonly params: Record<string, string | number>;
  private readonly plans = new WeakMap<readonly ReportColumn[], Map<string, Map<string, TablePlan>>>();
  private readonly notes = new Map<string, Map<string, NoteText>>();
  private chartDraw: ReturnType<typeof componentsChart> | null = null;
  private figureTitle: string | null = null;
  private figureOpen = '';
  private readonly sectionHeads = new Map<string, string>();
  private readonly frames = new Map<string, HtmlPageFrame>();
  readonly metaHtml: string;
  readonly metaMd: string;

  constructor(
    readonly meta: ReportMeta,
    readonly labels: ReportLabels,
  ) {
    this.params = yearParams(meta);
    // The constant meta parts (SPEC §6: Y, T, model, database, time made) of this run's cards.
    const lines = metaLines(meta, labels);
    this.metaHtml = lines.map(([dt, dd]) => `<dt>${escapeHtml(dt)}</dt><dd>${escapeHtml(dd)}</dd>`).join('\n');
    this.metaMd = lines.map(([label, value]) => `- ${label}: ${value}`).join('\n') + '\n';
  }

  plan(table: ReportTable): TablePlan {
    let byName = this.plans.get(table.columns);
    if (byName === undefined) {
      byName = new Map();
      this.plans.set(table.columns, byName);
    }
    let byTotal = byName.get(table.name);
    if (byTotal === undefined) {
      byTotal = new Map();
      byName.set(table.name, byTotal);
    }
    const total = table.total?.kind ?? '';
    let plan = byTotal.get(total);
    if (plan === undefined) {
      plan = makePlan(table, this.labels, this.params);
      byTotal.set(total, plan);
    }
    return plan;
  }

  note(block: Extract<Block, { kind: 'note' }>): NoteText {
    const p = block.note.params;
    let key = '';
    if (p !== undefined) for (const k in p) key += `\u0000${k}=${String(p[k])}`;
    let byParams = this.notes.get(block.note.id);
    if (byParams === undefined) {
      byParams = new Map();
      this.notes.set(block.note.id, byParams);
    }
    let made = byParams.get(key);
    if (made === undefined) {
      const text = noteText(this.labels, block.note.id, { ...this.params, ...p });
      made = { text, html: `<p class="note">${inlineText(text)}</p>` };
      byParams.set(key, made);
    }
    return made;
  }

  /** The components chart (fits() lets only that one through) as its html figure. */
  figure(spec: Extract<Block, { kind: 'chart' }>['chart']): string {
    this.chartDraw ??= componentsChart(this.labels, this.params);
    const chart = this.chartDraw(spec as Extract<typeof spec, { type: 'components' }>);
    if (chart.title !== this.figureTitle) {
      this.figureOpen = `<figure class="chart" data-chart="components">\n<figcaption>${escapeHtml(chart.title)}</figcaption>\n`;
      this.figureTitle = chart.title;
    }
    return `${this.figureOpen}${chart.svg}</figure>`;
  }

  /** A section's opening tag and heading, up to its first block. */
  sectionHead(n: number, id: ReportSection['id'], landscape: boolean): string {
    const key = `${n}${landscape ? 'l' : ''}${id}`;
    let head = this.sectionHeads.get(key);
    if (head === undefined) {
      head = `<section class="report-section${landscape ? ' landscape' : ''}" id="section-${n}" data-section="${id}" aria-labelledby="section-${n}-title">\n` +
        `<h2 id="section-${n}-title">${n}. ${escapeHtml(this.labels.sections[id])}</h2>\n`;
      this.sectionHeads.set(key, head);
    }
    return head;
  }

  /** The page around the sections (html.ts htmlPageFrame), with the contents of these sections. */
  frame(report: Report): HtmlPageFrame {
    let key = '';
    for (const s of report.sections) key += `${s.id}\u0000`;
    let frame = this.frames.get(key);
    if (frame === undefined) {
      const labels = this.labels;
      const toc = report.sections.length > 1
        ? `<nav class="toc" aria-label="${escapeHtml(labels.contents)}"><strong>${escapeHtml(labels.contents)}</strong><ol>${
          report.sections.map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(labels.sections[s.id])}</a></li>`).join('')}</ol></nav>`
        : '';
      frame = htmlPageFrame(report, labels, this.metaHtml, toc);
      this.frames.set(key, frame);
    }
    return frame;
  }
}

/** The card's writer for one run: a context per language, year and the run's constant meta. */
class CardWriter {
  private readonly contexts = new Map<string, CardContext>();
  /** md: one table's cell texts and lengths, reused from table to table. */
  private readonly mdTexts: string[] = [];
  private readonly mdLengths: number[] = [];
  private last: CardContext | null = null;

  private context(meta: ReportMeta): CardContext {
    const last = this.last;
    if (last !== null && sameRun(last.meta, meta)) return last;
    const key = [meta.lang, meta.year, meta.referenceDate, meta.model.name, meta.model.hash, meta.model.file, meta.database, meta.generatedAt].join('\u0000');
    let ctx = this.contexts.get(key);
    if (ctx === undefined) {
      ctx = new CardContext(meta, labelsFor(meta.lang));
      this.contexts.set(key, ctx);
    }
    this.last = ctx;
    return ctx;
  }

  /**
   * The cells of every row as md text (escaped) into `texts`, row after row, the total row last
   * (localize.ts peopleTables, ungrouped), their lengths into `lengths`; returns the rows' count.
   */
  private cellsMd(table: ReportTable, plan: TablePlan, labels: ReportLabels, texts: string[], lengths: number[]): number {
    const columns = plan.columns;
    const push = (text: string): void => {
      // One test for both: most cells need no escape and are as long as they look.
      if (!MD_SPECIAL.test(text)) {
        texts.push(text);
        lengths.push(text.length);
        return;
      }
      const escaped = escapeMarkdownCell(text);
      texts.push(escaped);
      lengths.push(displayLength(escaped));
    };
    for (const row of table.rows) {
      for (let i = 0; i < columns.length; i++) {
        const p = columns[i]!;
        const value = row[p.from.key] ?? null;
        const text = cellText(labels, p, value);
        if (typeof value === 'number' && p.plainNumbers) {
          texts.push(text);
          lengths.push(text.length);
        } else push(text);
      }
    }
    if (table.total === undefined) return table.rows.length;
    const given = table.total.row;
    for (let i = 0; i < columns.length; i++) {
      const p = columns[i]!;
      if (i === 0) push(formatCell(plan.totalLabel, p.column));
      else push(p.from.key in given ? formatCell(peopleValue(labels, p.from, given[p.from.key] ?? null), p.column) : '');
    }
    return table.rows.length + 1;
  }

  private tableHtml(table: ReportTable, plan: TablePlan, labels: ReportLabels): string {
    const rows = table.rows;
    if (rows.length === 0) return plan.htmlEmpty;
    const columns = plan.columns;
    let html = rows.length <= SHORT_ROWS ? plan.htmlHeadShort : plan.htmlHead;
    // Two string pieces a cell (its start, its text): the page is joined once, when written.
    const cellStart = plan.cellStart;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let i = 0; i < columns.length; i++) {
        const p = columns[i]!;
        const value = row[p.from.key] ?? null;
        html += cellStart[i]!;
        html += cellHtml(cellText(labels, p, value), p, value);
      }
      html += plan.rowEnd;
    }
    if (table.total !== undefined) {
      const given = table.total.row;
      html += '\n<tr class="total">';
      for (let i = 0; i < columns.length; i++) {
        const p = columns[i]!;
        if (i === 0) html += p.thRow + cellHtml(formatCell(plan.totalLabel, p.column), p, plan.totalLabel) + '</th>';
        else {
          const value = given[p.from.key] ?? null;
          html += p.td + (p.from.key in given ? cellHtml(formatCell(peopleValue(labels, p.from, value), p.column), p, value) : '') + '</td>';
        }
      }
      html += '</tr>';
    }
    return html + TABLE_END;
  }

  private tableMd(table: ReportTable, plan: TablePlan, labels: ReportLabels): string {
    if (table.rows.length === 0) return `${plan.mdTitle}\n_${labels.noRows}_\n`;
    const texts = this.mdTexts;
    const lengths = this.mdLengths;
    texts.length = 0;
    lengths.length = 0;
    const count = this.cellsMd(table, plan, labels, texts, lengths);
    const columns = plan.columns;
    const n = columns.length;
    const widths = plan.headerWidths.slice();
    for (let k = 0; k < texts.length; k++) {
      const i = k % n;
      if (lengths[k]! > widths[i]!) widths[i] = lengths[k]!;
    }
    // A line of padded cells (markdown.ts): right-aligned number columns, the rest left.
    let md = `${plan.mdTitle}\n|`;
    for (let i = 0; i < n; i++) {
      const text = columns[i]!.headerMd;
      const fill = spaces(widths[i]! - displayLength(text));
      md += columns[i]!.right ? ` ${fill}${text} |` : ` ${text}${fill} |`;
    }
    md += '\n|';
    for (let i = 0; i < n; i++) md += columns[i]!.right ? ` ${dashes(widths[i]! - 1)}: |` : ` ${dashes(widths[i]!)} |`;
    for (let r = 0; r < count; r++) {
      md += '\n|';
      for (let i = 0; i < n; i++) {
        const k = r * n + i;
        const text = texts[k]!;
        const fill = spaces(widths[i]! - lengths[k]!);
        md += columns[i]!.right ? ` ${fill}${text} |` : ` ${text}${fill} |`;
      }
    }
    return `${md}\n`;
  }

  html(report: Report): string {
    if (!fits(report)) return renderReportHtml(report);
    const ctx = this.context(report.meta);
    const labels = ctx.labels;
    const heading = esc(reportHeading(report.meta, labels));
    const frame = ctx.frame(report);
    let html = frame.head + heading + frame.middle + heading + frame.top;
    const sections = report.sections;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      let landscape = false;
      for (const block of s.blocks) if (block.kind === 'table' && ctx.plan(block.table).landscape) landscape = true;
      html += ctx.sectionHead(i + 1, s.id, landscape);
      // The blocks one a line; consecutive charts share one <div class="charts"> (html.ts blocksHtml).
      let first = true;
      let inCharts = false;
      for (const block of s.blocks) {
        if (block.kind === 'chart') {
          if (inCharts) html += '\n';
          else {
            html += first ? '<div class="charts">\n' : '\n<div class="charts">\n';
            inCharts = true;
          }
          html += ctx.figure(block.chart);
        } else {
          if (inCharts) {
            html += '\n</div>';
            inCharts = false;
          }
          if (!first) html += '\n';
          html += block.kind === 'note' ? ctx.note(block).html : this.tableHtml(block.table, ctx.plan(block.table), labels);
        }
        first = false;
      }
      if (inCharts) html += '\n</div>';
      html += '\n</section>\n';
    }
    return html + frame.end;
  }

  md(report: Report): string {
    if (!fits(report)) return renderReportMarkdown(report);
    const ctx = this.context(report.meta);
    const labels = ctx.labels;
    let md = `# ${reportHeading(report.meta, labels)}\n\n${ctx.metaMd}`;
    report.sections.forEach((section, i) => {
      md += `\n## ${i + 1}. ${labels.sections[section.id]}\n`;
      for (const block of section.blocks) {
        // md.ts draws only the 9-box of the charts (fits() keeps that one out of here).
        if (block.kind === 'note') md += `\n> ${ctx.note(block).text}\n`;
        else if (block.kind === 'table') md += `\n${this.tableMd(block.table, ctx.plan(block.table), labels)}`;
      }
    });
    return md;
  }
}

/** Whether two cards' meta give the same constant parts (the fields of CardWriter's context key). */
function sameRun(a: ReportMeta, b: ReportMeta): boolean {
  return a.lang === b.lang && a.year === b.year && a.referenceDate === b.referenceDate && a.model.name === b.model.name
    && a.model.hash === b.model.hash && a.model.file === b.model.file && a.database === b.database && a.generatedAt === b.generatedAt;
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
