/**
 * The components chart of a personal card (SPEC §12; charts.ts `components`, drawn by
 * svg-charts.ts `barChart`), the same bytes, for ten thousand cards: the axes and legend are made
 * once per scale and each bar once per value, the description's constant start hashed once, so a
 * card only joins pieces and hashes its own figures.
 * test/unit/card-render.test.ts holds it to renderChart's output.
 */
import type { ChartSpec } from '../../../app/report/types.js';
import { COMPONENT_NAMES } from '../../../domain/merit.js';
import { format2, roundHalfAwayFromZero } from '../../../domain/numbers.js';
import { escapeHtml } from '../html.js';
import { chartIdOf, fnv1a, niceScale } from '../svg-charts.js';
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
/** A character no label holds: the description template is filled with it where the figures go. */
const SLOT = '\u0000';
const HTML_SPECIAL = /[&<>"']/;
/** Distinct bar heights kept per scale and component before the cache starts again (memory bound). */
const MAX_BARS = 4096;

function shorten(name: string): string {
  const chars = [...name];
  return chars.length <= MAX_CATEGORY ? name : `${chars.slice(0, MAX_CATEGORY - 1).join('')}…`;
}

/** Whether hashing `text` and what follows in two steps could split a surrogate pair (never for these labels). */
function endsInHighSurrogate(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

export interface CardChart {
  title: string;
  svg: string;
}

/** The pieces of one axis scale: the gridlines, tick labels and legend, and the bars drawn so far by component. */
interface Scale {
  axis: string;
  bars: Array<Map<number, string>>;
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
  const labelsUnder = categories.map((c, i) => `\n${text(PLOT.left + i * groupWidth + groupWidth / 2, baseline + 18, c, ` text-anchor="middle" font-size="12" fill="${INK}"`)}`);
  const legend = `<rect class="legend-key" x="${n(PLOT.left)}" y="10" width="12" height="12" fill="${COLOR}"/>\n` +
    text(PLOT.left + 16, 20, series, ` font-size="12" fill="${INK}"`);
  // The description is its template with the figures in {data}: the text around them, filled and
  // escaped once, and the hash of the title and the description's start computed once.
  const around = fill(t.desc, { ...params, data: SLOT }).split(SLOT);
  const [before, after] = around.length === 2 && !title.includes(SLOT) ? [around[0]!, around[1]!] : [null, null];
  const beforeHash = before === null || endsInHighSurrogate(before) ? null : fnv1a(`${title}\u0000${before}`);
  const beforeHtml = escapeHtml(before ?? '');
  const afterHtml = escapeHtml(after ?? '');
  const titleHtml = escapeHtml(title);
  const dataLabels = names.map((name, i) => `${i === 0 ? '' : '; '}${name} `);
  const scales = new Map<number, Map<number, Scale>>();
  const scaleOf = (top: number, step: number): Scale => {
    let byStep = scales.get(top);
    if (byStep === undefined) {
      byStep = new Map();
      scales.set(top, byStep);
    }
    let made = byStep.get(step);
    if (made === undefined) {
      const parts: string[] = [];
      const ticks = Math.round(top / step);
      for (let k = 0; k <= ticks; k += 1) {
        const v = k * step;
        const y = PLOT.top + PLOT.height - (v / top) * PLOT.height;
        parts.push(`<line x1="${n(PLOT.left)}" y1="${n(y)}" x2="${n(PLOT.left + PLOT.width)}" y2="${n(y)}" stroke="${v === 0 ? AXIS : GRID}"/>`);
        parts.push(text(PLOT.left - 6, y + 4, String(roundHalfAwayFromZero(v, 2)), ` text-anchor="end" font-size="11" fill="${AXIS}"`));
      }
      made = { axis: `${parts.join('\n')}\n${legend}`, bars: categories.map(() => new Map()) };
      byStep.set(step, made);
    }
    return made;
  };
  const barOf = (scale: Scale, top: number, c: number, value: number): string => {
    const bars = scale.bars[c]!;
    let made = bars.get(value);
    if (made === undefined) {
      const x = PLOT.left + c * groupWidth + groupWidth * 0.1;
      const h = (Math.max(0, value) / top) * PLOT.height;
      const label = Number.isInteger(value) ? String(value) : format2(value);
      made = `\n<rect class="bar" data-series="${escapeHtml(series)}" data-category="${escapeHtml(categories[c]!)}" ` +
        `x="${n(x + 1)}" y="${n(baseline - h)}" width="${n(Math.max(1, barWidth - 2))}" height="${n(h)}" fill="${COLOR}"/>\n` +
        text(x + barWidth / 2, baseline - h - 4, label, ` text-anchor="middle" font-size="10" fill="${INK}"`);
      if (bars.size >= MAX_BARS) bars.clear();
      bars.set(value, made);
    }
    return made;
  };
  const values = new Float64Array(COMPONENT_NAMES.length);
  return (spec) => {
    let data = '';
    let max = 0;
    let integers = true;
    for (let i = 0; i < COMPONENT_NAMES.length; i++) {
      const v = spec.values[COMPONENT_NAMES[i]!];
      data += dataLabels[i]! + (v === null ? '—' : format2(v));
      const value = v ?? Number.NaN;
      values[i] = value;
      if (Number.isFinite(value)) {
        if (value > max) max = value;
        if (!Number.isInteger(value)) integers = false;
      }
    }
    let hash: number;
    let descHtml: string;
    if (before !== null && after !== null) {
      hash = beforeHash === null || endsInHighSurrogate(data) ? fnv1a(`${title}\u0000${before}${data}${after}`) : fnv1a(after, fnv1a(data, beforeHash));
      descHtml = beforeHtml + (HTML_SPECIAL.test(data) ? escapeHtml(data) : data) + afterHtml;
    } else {
      const desc = fill(t.desc, { ...params, data });
      hash = fnv1a(`${title}\u0000${desc}`);
      descHtml = escapeHtml(desc);
    }
    const id = chartIdOf(hash);
    const { top, step } = niceScale(max, integers);
    const scale = scaleOf(top, step);
    let svg = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar" width="${WIDTH}" height="${HEIGHT}" ` +
      `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" style="font-family: system-ui, sans-serif">\n` +
      `<title id="${id}-title">${titleHtml}</title>\n<desc id="${id}-desc">${descHtml}</desc>\n\n${scale.axis}`;
    for (let c = 0; c < categories.length; c++) {
      const value = values[c]!;
      if (Number.isFinite(value)) svg += barOf(scale, top, c, value);
      svg += labelsUnder[c]!;
    }
    return { title, svg: `${svg}\n</svg>\n` };
  };
}
