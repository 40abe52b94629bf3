/**
 * Inline SVG charts for the HTML report (SPEC §6: "no network: inline CSS and SVG charts —
 * predikat bars, 9-box heat grid, merit histogram per unit; prints well on A4").
 * Self-contained: no script, no external font, fixed size and viewBox; `role="img"` with
 * `<title>` and `<desc>` so screen readers announce what the chart shows. All text is escaped.
 */
import { format2, roundHalfAwayFromZero } from '../../domain/numbers.js';
import { escapeHtml } from './html.js';

/** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
const INK = '#1a1a1a';
const AXIS = '#555555';
const GRID = '#dddddd';
/** Heat-grid ends: white to ColorBrewer Blues #08519c, a single-hue (colour-blind safe) ramp. */
const HEAT_LOW: Rgb = [255, 255, 255];
const HEAT_HIGH: Rgb = [8, 81, 156];

type Rgb = [number, number, number];

/**
 * The largest value, at least 0. A loop, not Math.max(...values): a chart with one bar per unit
 * has 100,000+ values at national scale, more arguments than a call can take.
 */
function maxOf(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

export interface BarSeries {
  name: string;
  values: number[];
  color?: string;
}

export interface BarChartOptions {
  title: string;
  desc: string;
  categories: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
}

export interface HeatCell {
  label: string;
  count: number;
}

export interface HeatGridOptions {
  title: string;
  desc: string;
  /** Row labels, top to bottom (e.g. kinerja Tinggi, Sedang, Rendah). */
  rows: string[];
  columns: string[];
  /** cells[row][column]. */
  cells: HeatCell[][];
  rowAxis: string;
  columnAxis: string;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface HistogramOptions {
  title: string;
  desc: string;
  bins: HistogramBin[];
  width?: number;
  height?: number;
}

/** Coordinates with at most 2 decimals: short, and byte-identical output across runs (SPEC §7). */
function n(x: number): string {
  return String(roundHalfAwayFromZero(x, 2));
}

function size(value: number | undefined, fallback: number, min: number): number {
  return value !== undefined && Number.isFinite(value) && value >= min ? Math.round(value) : fallback;
}

/** Value labels: counts as integers, anything else with two decimals (SPEC §3 printing rule). */
function valueLabel(value: number): string {
  return Number.isInteger(value) ? String(value) : format2(value);
}

/** The FNV-1a (32-bit) offset basis: the hash of no text. */
export const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a (32-bit) over the code points of `text`, continuing from `hash`: hashing "ab" is
 * hashing "b" from the hash of "a", so a text with a constant start (the cards' chart
 * descriptions, card-chart.ts) hashes that start once. A surrogate pair is one code point.
 */
export function fnv1a(text: string, hash: number = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    h ^= code;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A chart's element id from the FNV-1a hash of `${title}\u0000${desc}`. */
export function chartIdOf(hash: number): string {
  return `asn-chart-${hash.toString(16).padStart(8, '0')}`;
}

/** Deterministic element id (FNV-1a of title and desc), so several charts on a page do not clash. */
function chartId(title: string, desc: string): string {
  return chartIdOf(fnv1a(`${title}\u0000${desc}`));
}

function svgOpen(kind: string, width: number, height: number, title: string, desc: string): string {
  const id = chartId(title, desc);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `style="font-family: system-ui, sans-serif">\n` +
    `<title id="${id}-title">${escapeHtml(title)}</title>\n<desc id="${id}-desc">${escapeHtml(desc)}</desc>\n`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeHtml(content)}</text>`;
}

/** A round axis maximum and tick step (1, 2 or 5 × 10^k), about four gridlines. */
export function niceScale(maxValue: number, integersOnly: boolean): { top: number; step: number } {
  if (!(maxValue > 0)) return { top: 1, step: 1 };
  const raw = maxValue / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  if (integersOnly) step = Math.max(1, Math.round(step));
  return { top: Math.ceil(maxValue / step - 1e-9) * step, step };
}

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  max: number;
}

/** Horizontal gridlines with their value labels, and the baseline. */
function yAxis(plot: Plot, step: number): string {
  const parts: string[] = [];
  // Count ticks by index: adding 0.1 repeatedly would drift off the round values.
  const ticks = Math.round(plot.max / step);
  for (let k = 0; k <= ticks; k += 1) {
    const v = k * step;
    const y = plot.top + plot.height - (v / plot.max) * plot.height;
    parts.push(`<line x1="${n(plot.left)}" y1="${n(y)}" x2="${n(plot.left + plot.width)}" y2="${n(y)}" stroke="${v === 0 ? AXIS : GRID}"/>`);
    parts.push(text(plot.left - 6, y + 4, String(roundHalfAwayFromZero(v, 2)), ` text-anchor="end" font-size="11" fill="${AXIS}"`));
  }
  return parts.join('\n');
}

function barHeight(value: number, plot: Plot): number {
  return (Math.max(0, value) / plot.max) * plot.height;
}

/**
 * Grouped vertical bars, e.g. predikat SB…SK for year Y and Y−1: one group per category, one
 * `<rect class="bar">` per series in it, the value above each bar, a legend on top.
 * Missing or non-finite values draw no bar.
 */
export function barChart(opts: BarChartOptions): string {
  const width = size(opts.width, 640, 200);
  const height = size(opts.height, 320, 160);
  const finite = opts.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const scale = niceScale(maxOf(finite), finite.every((v) => Number.isInteger(v)));
  const plot: Plot = { left: 48, top: 40, width: width - 60, height: height - 78, max: scale.top };
  const parts = [svgOpen('bar', width, height, opts.title, opts.desc), yAxis(plot, scale.step)];

  let legendX = plot.left;
  opts.series.forEach((series, s) => {
    const color = escapeHtml(series.color ?? PALETTE[s % PALETTE.length] ?? INK);
    parts.push(`<rect class="legend-key" x="${n(legendX)}" y="10" width="12" height="12" fill="${color}"/>`);
    parts.push(text(legendX + 16, 20, series.name, ` font-size="12" fill="${INK}"`));
    legendX += 16 + [...series.name].length * 7 + 20;
  });

  const groupWidth = opts.categories.length > 0 ? plot.width / opts.categories.length : plot.width;
  const barWidth = (groupWidth * 0.8) / Math.max(1, opts.series.length);
  const baseline = plot.top + plot.height;
  opts.categories.forEach((category, c) => {
    const groupX = plot.left + c * groupWidth;
    opts.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === undefined || !Number.isFinite(value)) return;
      const color = escapeHtml(series.color ?? PALETTE[s % PALETTE.length] ?? INK);
      const x = groupX + groupWidth * 0.1 + s * barWidth;
      const h = barHeight(value, plot);
      parts.push(
        `<rect class="bar" data-series="${escapeHtml(series.name)}" data-category="${escapeHtml(category)}" ` +
          `x="${n(x + 1)}" y="${n(baseline - h)}" width="${n(Math.max(1, barWidth - 2))}" height="${n(h)}" fill="${color}"/>`,
      );
      parts.push(text(x + barWidth / 2, baseline - h - 4, valueLabel(value), ` text-anchor="middle" font-size="10" fill="${INK}"`));
    });
    parts.push(text(groupX + groupWidth / 2, baseline + 18, category, ` text-anchor="middle" font-size="12" fill="${INK}"`));
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}

/**
 * Category labels of horizontal bars: characters a line, lines at most, line height, font size,
 * and the width one character may take at that size (wide fonts such as DejaVu Sans included).
 */
const HBAR_LABEL = { perLine: 28, maxLines: 3, lineHeight: 14, fontSize: 12, charWidth: 7.6 } as const;
const HBAR_THICKNESS = 12;

/**
 * Grouped horizontal bars for long category names (unit names such as "Bidang Pengembangan
 * Kompetensi Aparatur"): each category is a row with its name wrapped on up to three lines at
 * the left (`<text class="category">`), one `<rect class="bar">` per series beside it, the value
 * after each bar, a legend on top and the value axis at the bottom. The height follows the
 * number of rows, so names never overlap however many there are. Missing values draw no bar.
 */
export function horizontalBarChart(opts: BarChartOptions): string {
  const width = size(opts.width, 640, 320);
  const finite = opts.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const scale = niceScale(maxOf(finite), finite.every((v) => Number.isInteger(v)));
  const labels = opts.categories.map((c) => wrapWords(c, HBAR_LABEL.perLine, HBAR_LABEL.maxLines));
  let longest = 1;
  for (const lines of labels) for (const line of lines) longest = Math.max(longest, [...line].length);
  // The label column is as wide as the longest line needs, so the names stay inside the chart.
  const left = Math.ceil(longest * HBAR_LABEL.charWidth) + 16;
  const plotWidth = width - left - 36;
  const top = 34;
  const barsHeight = Math.max(1, opts.series.length) * (HBAR_THICKNESS + 3);
  const rowHeights = labels.map((lines) => Math.max(lines.length * HBAR_LABEL.lineHeight, barsHeight) + 10);
  const plotHeight = rowHeights.reduce((sum, h) => sum + h, 0);
  const height = top + plotHeight + 30;
  const parts = [svgOpen('hbar', width, height, opts.title, opts.desc)];

  let legendX = left;
  opts.series.forEach((series, s) => {
    const color = escapeHtml(series.color ?? PALETTE[s % PALETTE.length] ?? INK);
    parts.push(`<rect class="legend-key" x="${n(legendX)}" y="10" width="12" height="12" fill="${color}"/>`);
    parts.push(text(legendX + 16, 20, series.name, ` font-size="12" fill="${INK}"`));
    legendX += 16 + [...series.name].length * 7 + 20;
  });
  // Vertical gridlines with their values under the plot; counted by index so they stay round.
  const ticks = Math.round(scale.top / scale.step);
  for (let k = 0; k <= ticks; k += 1) {
    const v = k * scale.step;
    const x = left + (v / scale.top) * plotWidth;
    parts.push(`<line x1="${n(x)}" y1="${top}" x2="${n(x)}" y2="${n(top + plotHeight)}" stroke="${v === 0 ? AXIS : GRID}"/>`);
    parts.push(text(x, top + plotHeight + 16, String(roundHalfAwayFromZero(v, 2)), ` text-anchor="middle" font-size="11" fill="${AXIS}"`));
  }
  let y = top;
  opts.categories.forEach((category, c) => {
    const rowHeight = rowHeights[c] ?? 0;
    const lines = labels[c] ?? [];
    const textTop = y + (rowHeight - lines.length * HBAR_LABEL.lineHeight) / 2 + HBAR_LABEL.fontSize - 2;
    const tspans = lines.map((line, i) => `<tspan x="${left - 8}" y="${n(textTop + i * HBAR_LABEL.lineHeight)}">${escapeHtml(line)}</tspan>`).join('');
    parts.push(`<text class="category" text-anchor="end" font-size="${HBAR_LABEL.fontSize}" fill="${INK}"><title>${escapeHtml(category)}</title>${tspans}</text>`);
    const barsTop = y + (rowHeight - barsHeight) / 2;
    opts.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === undefined || !Number.isFinite(value)) return;
      const color = escapeHtml(series.color ?? PALETTE[s % PALETTE.length] ?? INK);
      const barY = barsTop + s * (HBAR_THICKNESS + 3);
      const w = (Math.max(0, value) / scale.top) * plotWidth;
      parts.push(
        `<rect class="bar" data-series="${escapeHtml(series.name)}" data-category="${escapeHtml(category)}" ` +
          `x="${left}" y="${n(barY)}" width="${n(Math.max(1, w))}" height="${HBAR_THICKNESS}" fill="${color}"/>`,
      );
      parts.push(text(left + w + 4, barY + HBAR_THICKNESS - 2, valueLabel(value), ` font-size="10" fill="${INK}"`));
    });
    y += rowHeight;
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}

/** sRGB relative luminance (WCAG 2.x), to pick dark or white text on a cell. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function heatColor(t: number): Rgb {
  const mix = (i: 0 | 1 | 2): number => Math.round(HEAT_LOW[i] + (HEAT_HIGH[i] - HEAT_LOW[i]) * t);
  return [mix(0), mix(1), mix(2)];
}

function hex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Splits a label into at most `maxLines` lines of about `perLine` characters, at spaces; a word
 * longer than a line is cut into pieces of a line. Text beyond the last line ends in "…".
 */
export function wrapWords(label: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  const words = label.split(/\s+/).filter((w) => w !== '').flatMap((w) => {
    const chars = [...w];
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += perLine) pieces.push(chars.slice(i, i + perLine).join(''));
    return pieces;
  });
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines - 1), `${[...lines.slice(maxLines - 1).join(' ')].slice(0, perLine - 1).join('')}…`];
}

/**
 * The 9-box talent grid (SPEC §4) as a heat grid: each `<rect class="cell">` shaded from white
 * to blue by its count, with the box label and the count on it — dark text on light fills,
 * white text on dark ones (whichever contrasts more with the fill).
 */
export function heatGrid(opts: HeatGridOptions): string {
  const cellW = 150;
  const cellH = 88;
  const left = 128;
  const top = 12;
  const width = left + opts.columns.length * cellW + 12;
  const height = top + opts.rows.length * cellH + 52;
  const counts = opts.cells.flat().map((cell) => (Number.isFinite(cell.count) ? cell.count : 0));
  const max = maxOf(counts);
  const parts = [svgOpen('heat', width, height, opts.title, opts.desc)];

  opts.rows.forEach((rowLabel, r) => {
    const y = top + r * cellH;
    parts.push(text(left - 8, y + cellH / 2 + 4, rowLabel, ` text-anchor="end" font-size="12" fill="${INK}"`));
    opts.columns.forEach((columnLabel, c) => {
      const cell = opts.cells[r]?.[c] ?? { label: '', count: 0 };
      const count = Number.isFinite(cell.count) ? cell.count : 0;
      const fill = heatColor(max > 0 ? Math.max(0, count) / max : 0);
      // White text has contrast (1.05)/(L+0.05); dark ink about (L+0.05)/0.06: take the larger.
      const ink = 1.05 / (luminance(fill) + 0.05) > (luminance(fill) + 0.05) / 0.06 ? '#ffffff' : INK;
      const x = left + c * cellW;
      parts.push(
        `<rect class="cell" data-row="${escapeHtml(rowLabel)}" data-column="${escapeHtml(columnLabel)}" data-count="${count}" ` +
          `x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="${hex(fill)}" stroke="#bbbbbb"/>`,
      );
      wrapWords(cell.label, 22, 2).forEach((line, i) => {
        parts.push(text(x + cellW / 2, y + 20 + i * 14, line, ` text-anchor="middle" font-size="11" fill="${ink}"`));
      });
      parts.push(text(x + cellW / 2, y + cellH - 14, valueLabel(count), ` text-anchor="middle" font-size="20" font-weight="bold" fill="${ink}"`));
    });
  });
  opts.columns.forEach((columnLabel, c) => {
    parts.push(text(left + c * cellW + cellW / 2, top + opts.rows.length * cellH + 18, columnLabel, ` text-anchor="middle" font-size="12" fill="${INK}"`));
  });
  const gridMidX = left + (opts.columns.length * cellW) / 2;
  parts.push(text(gridMidX, height - 8, opts.columnAxis, ` text-anchor="middle" font-size="12" font-weight="bold" fill="${INK}"`));
  const gridMidY = top + (opts.rows.length * cellH) / 2;
  parts.push(text(16, gridMidY, opts.rowAxis, ` text-anchor="middle" font-size="12" font-weight="bold" fill="${INK}" transform="rotate(-90 16 ${n(gridMidY)})"`));
  parts.push('</svg>\n');
  return parts.join('\n');
}

/**
 * A histogram (merit distribution per unit): one `<rect class="bar">` per bin, equal widths in
 * bin order, counts above non-empty bars, bin edges as x-axis labels (thinned past 10 bins).
 */
export function histogram(opts: HistogramOptions): string {
  const width = size(opts.width, 640, 200);
  const height = size(opts.height, 280, 140);
  const counts = opts.bins.map((bin) => (Number.isFinite(bin.count) ? bin.count : 0));
  const scale = niceScale(maxOf(counts), counts.every((c) => Number.isInteger(c)));
  const plot: Plot = { left: 48, top: 16, width: width - 64, height: height - 52, max: scale.top };
  const parts = [svgOpen('histogram', width, height, opts.title, opts.desc), yAxis(plot, scale.step)];
  const binWidth = opts.bins.length > 0 ? plot.width / opts.bins.length : plot.width;
  const baseline = plot.top + plot.height;
  const labelEvery = Math.max(1, Math.ceil(opts.bins.length / 10));

  opts.bins.forEach((bin, i) => {
    const count = counts[i] ?? 0;
    const x = plot.left + i * binWidth;
    const h = barHeight(count, plot);
    parts.push(
      `<rect class="bar" data-from="${bin.from}" data-to="${bin.to}" data-count="${count}" ` +
        `x="${n(x + 1)}" y="${n(baseline - h)}" width="${n(Math.max(1, binWidth - 2))}" height="${n(h)}" fill="${PALETTE[0]}"/>`,
    );
    if (count > 0 && binWidth >= 14) {
      parts.push(text(x + binWidth / 2, baseline - h - 4, valueLabel(count), ` text-anchor="middle" font-size="10" fill="${INK}"`));
    }
    if (i % labelEvery === 0) parts.push(text(x, baseline + 16, edgeLabel(bin.from), ` text-anchor="middle" font-size="11" fill="${AXIS}"`));
  });
  const last = opts.bins[opts.bins.length - 1];
  if (last !== undefined) parts.push(text(plot.left + plot.width, baseline + 16, edgeLabel(last.to), ` text-anchor="middle" font-size="11" fill="${AXIS}"`));
  parts.push('</svg>\n');
  return parts.join('\n');
}

/** Bin edges: whole numbers plainly, others with up to two decimals. */
function edgeLabel(value: number): string {
  return Number.isFinite(value) ? String(roundHalfAwayFromZero(value, 2)) : '';
}

// calibration (SPEC §10): shares against a limit line, one horizontal bar per unit.
export interface ShareBar {
  /** Shown whole above its bar, so long unit names stay readable. */
  label: string;
  /** A share 0–1. */
  value: number;
  /** Text after the bar, e.g. "B 91.3 %". */
  valueText: string;
  /** Drawn in the warning colour (e.g. the unit breaks the pattern). */
  highlight: boolean;
}

export interface ShareBarsOptions {
  title: string;
  desc: string;
  bars: ShareBar[];
  /** The limit line, a share 0–1 (e.g. 0.7), and its label. */
  limit: number;
  limitLabel: string;
  width?: number;
}

/**
 * Horizontal bars from 0 to 100 %, one per row with its label on the line above (names of any
 * length fit the page width), and a dashed vertical line at the limit. A4-friendly width.
 */
export function shareBars(opts: ShareBarsOptions): string {
  const width = size(opts.width, 640, 300);
  const left = 14;
  const right = 90;
  const rowHeight = 34;
  const top = 26;
  const plotWidth = width - left - right;
  const height = top + rowHeight * opts.bars.length + 18;
  const x = (share: number) => left + Math.min(1, Math.max(0, share)) * plotWidth;
  const parts = [svgOpen('share-bars', width, height, opts.title, opts.desc)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${n(x(tick))}" y1="${n(top - 6)}" x2="${n(x(tick))}" y2="${n(height - 14)}" stroke="${GRID}"/>`);
    parts.push(text(x(tick), height - 2, `${tick * 100}%`, ` text-anchor="middle" font-size="10" fill="${AXIS}"`));
  }
  const lx = x(opts.limit);
  parts.push(`<line class="limit" x1="${n(lx)}" y1="${n(top - 10)}" x2="${n(lx)}" y2="${n(height - 14)}" stroke="${INK}" stroke-dasharray="4 3"/>`);
  parts.push(text(lx, top - 14, opts.limitLabel, ` text-anchor="middle" font-size="11" fill="${INK}"`));
  opts.bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    parts.push(text(left, y + 8, bar.label, ` font-size="11" fill="${INK}"`));
    const w = Math.max(0, x(bar.value) - left);
    const color = bar.highlight ? '#D55E00' : PALETTE[0]!;
    parts.push(`<rect class="bar${bar.highlight ? ' over' : ''}" x="${n(left)}" y="${n(y + 12)}" width="${n(w)}" height="14" fill="${color}"/>`);
    // A white halo keeps the value readable where the limit line crosses it.
    parts.push(text(left + w + 4, y + 23, bar.valueText, ` font-size="11" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke"`));
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}
