/**
 * The components chart of a personal card (SPEC §12; charts.ts `components`, drawn by
 * svg-charts.ts `barChart`), the same bytes, for ten thousand cards: the axes and legend are made
 * once per scale and each bar once per value, so a card only joins pieces and hashes its id.
 * test/unit/card-render.test.ts holds it to renderChart's output.
 */
import type { ChartSpec } from '../../../app/report/types.js';
import { COMPONENT_NAMES } from '../../../domain/merit.js';
import { format2, roundHalfAwayFromZero } from '../../../domain/numbers.js';
import { escapeHtml } from '../html.js';
import { niceScale } from '../svg-charts.js';
import { fill, vocabWord, type ReportLabels } from './labels.js';

// barChart's defaults (svg-charts.ts): 640 × 320, plot from (48, 40), one series.
const WIDTH = 640;
const HEIGHT = 320;
const PLOT = { left: 48, top: 40, width: WIDTH - 60, height: HEIGHT - 78 };
const COLOR = '#0072B2';
const INK = '#1a1a1a';
const AXIS = '#555555';
const GRID = '#dddddd';
const MAX_CATEGORY = 24;

const n = (x: number): string => String(roundHalfAwayFromZero(x, 2));
const text = (x: number, y: number, content: string, attrs: string): string => `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeHtml(content)}</text>`;

function chartId(title: string, desc: string): string {
  let hash = 0x811c9dc5;
  for (const ch of `${title}\u0000${desc}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `asn-chart-${hash.toString(16).padStart(8, '0')}`;
}

function shorten(name: string): string {
  const chars = [...name];
  return chars.length <= MAX_CATEGORY ? name : `${chars.slice(0, MAX_CATEGORY - 1).join('')}…`;
}

export interface CardChart {
  title: string;
  svg: string;
}

/** The chart writer of one language and year: `chart(spec)` is renderChart(spec, labels, params). */
export function componentsChart(labels: ReportLabels, params: Record<string, string | number>): (spec: Extract<ChartSpec, { type: 'components' }>) => CardChart {
  const t = labels.charts.components;
  const title = fill(t.title, params);
  const names = COMPONENT_NAMES.map((c) => vocabWord(labels, 'component', c) ?? c);
  const categories = names.map((name) => shorten(name.split(' (')[0] ?? name));
  const series = labels.columns['components.value'] ?? 'value';
  const groupWidth = PLOT.width / categories.length;
  const barWidth = groupWidth * 0.8;
  const baseline = PLOT.top + PLOT.height;
  const labelsUnder = categories.map((c, i) => text(PLOT.left + i * groupWidth + groupWidth / 2, baseline + 18, c, ` text-anchor="middle" font-size="12" fill="${INK}"`));
  const legend = `<rect class="legend-key" x="${n(PLOT.left)}" y="10" width="12" height="12" fill="${COLOR}"/>\n` +
    text(PLOT.left + 16, 20, series, ` font-size="12" fill="${INK}"`);
  const axes = new Map<string, string>();
  const bars = new Map<string, string>();
  const axisOf = (top: number, step: number): string => {
    const key = `${top}|${step}`;
    let made = axes.get(key);
    if (made === undefined) {
      const parts: string[] = [];
      const ticks = Math.round(top / step);
      for (let k = 0; k <= ticks; k += 1) {
        const v = k * step;
        const y = PLOT.top + PLOT.height - (v / top) * PLOT.height;
        parts.push(`<line x1="${n(PLOT.left)}" y1="${n(y)}" x2="${n(PLOT.left + PLOT.width)}" y2="${n(y)}" stroke="${v === 0 ? AXIS : GRID}"/>`);
        parts.push(text(PLOT.left - 6, y + 4, String(roundHalfAwayFromZero(v, 2)), ` text-anchor="end" font-size="11" fill="${AXIS}"`));
      }
      made = `${parts.join('\n')}\n${legend}`;
      axes.set(key, made);
    }
    return made;
  };
  const barOf = (top: number, c: number, value: number): string => {
    const key = `${top}|${c}|${value}`;
    let made = bars.get(key);
    if (made === undefined) {
      const x = PLOT.left + c * groupWidth + groupWidth * 0.1;
      const h = (Math.max(0, value) / top) * PLOT.height;
      const label = Number.isInteger(value) ? String(value) : format2(value);
      made = `<rect class="bar" data-series="${escapeHtml(series)}" data-category="${escapeHtml(categories[c]!)}" ` +
        `x="${n(x + 1)}" y="${n(baseline - h)}" width="${n(Math.max(1, barWidth - 2))}" height="${n(h)}" fill="${COLOR}"/>\n` +
        text(x + barWidth / 2, baseline - h - 4, label, ` text-anchor="middle" font-size="10" fill="${INK}"`);
      bars.set(key, made);
    }
    return made;
  };
  return (spec) => {
    let data = '';
    let max = 0;
    let integers = true;
    const values: number[] = [];
    COMPONENT_NAMES.forEach((c, i) => {
      const v = spec.values[c];
      data += `${i === 0 ? '' : '; '}${names[i]} ${v === null ? '—' : format2(v)}`;
      const value = v ?? Number.NaN;
      values.push(value);
      if (Number.isFinite(value)) {
        if (value > max) max = value;
        if (!Number.isInteger(value)) integers = false;
      }
    });
    const desc = fill(t.desc, { ...params, data });
    const id = chartId(title, desc);
    const scale = niceScale(max, integers);
    let svg = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar" width="${WIDTH}" height="${HEIGHT}" ` +
      `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" style="font-family: system-ui, sans-serif">\n` +
      `<title id="${id}-title">${escapeHtml(title)}</title>\n<desc id="${id}-desc">${escapeHtml(desc)}</desc>\n\n${axisOf(scale.top, scale.step)}`;
    for (let c = 0; c < categories.length; c++) {
      const value = values[c]!;
      if (Number.isFinite(value)) svg += `\n${barOf(scale.top, c, value)}`;
      svg += `\n${labelsUnder[c]!}`;
    }
    return { title, svg: `${svg}\n</svg>\n` };
  };
}
