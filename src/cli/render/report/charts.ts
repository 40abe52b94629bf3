/**
 * The report's charts (SPEC §6 html): chart data from the report → inline SVG via svg-charts.ts,
 * with a localized title and a text alternative that states every figure the chart shows.
 */
import type { ChartSpec } from '../../../app/report/types.js';
import { COMPONENT_NAMES } from '../../../domain/merit.js';
import { format2, roundHalfAwayFromZero } from '../../../domain/numbers.js';
import { PREDIKAT_CODES } from '../../../domain/types.js';
import { fill, vocabWord, type ReportLabels } from './labels.js';
import { barChart, heatGrid, histogram, horizontalBarChart, shareBars } from '../svg-charts.js';

export interface RenderedChart {
  /** Stable name for tests and CSS: predikat, talent-grid, merit-histogram, audit-units, … */
  kind: ChartSpec['type'];
  title: string;
  svg: string;
}

const POTENSIAL_ROWS = ['tinggi', 'menengah', 'rendah'];
const KINERJA_COLUMNS = ['below', 'meets', 'above'];
/** Category labels under bars are not wrapped: longer names are shortened there (the text alternative has them whole). */
const MAX_CATEGORY = 24;
/** Units drawn in the audit chart: the ones with the most audited promotions (the text alternative and the tables have all). */
const MAX_UNIT_BARS = 30;

type AuditUnitRow = Extract<ChartSpec, { type: 'audit-units' }>['rows'][number];

/** At most MAX_UNIT_BARS units (most audited first, ties in the given order), kept in the given order, then the overall row. */
function shownUnits(rows: readonly AuditUnitRow[]): AuditUnitRow[] {
  const units = rows.filter((r) => !r.all);
  if (units.length <= MAX_UNIT_BARS) return [...rows];
  const kept = new Set(units.map((r, i) => ({ r, i })).sort((a, b) => b.r.audited - a.r.audited || a.i - b.i).slice(0, MAX_UNIT_BARS).map((x) => x.r));
  return rows.filter((r) => r.all || kept.has(r));
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_CATEGORY ? text : `${chars.slice(0, MAX_CATEGORY - 1).join('')}…`;
}

/** The chart as SVG with its title; the `{data}` of the description lists the numbers. */
export function renderChart(spec: ChartSpec, labels: ReportLabels, params: Record<string, string | number>): RenderedChart {
  const t = labels.charts;
  const unitName = (unit: string | null): string => unit ?? labels.noUnit;
  switch (spec.type) {
    case 'predikat': {
      const series = spec.years.map((year, i) => ({ name: String(year), values: PREDIKAT_CODES.map((c) => spec.counts[i]?.[c] ?? 0) }));
      const data = series.map((s) => `${s.name}: ${PREDIKAT_CODES.map((c, i) => `${c} ${s.values[i] ?? 0}`).join(', ')}`).join('; ');
      const title = fill(t.predikat.title, params) + (spec.unit === null ? '' : ` · ${spec.unit}`);
      return { kind: spec.type, title, svg: barChart({ title, desc: fill(t.predikat.desc, { ...params, data }), categories: [...PREDIKAT_CODES], series }) };
    }
    case 'talent-grid': {
      const cells = spec.boxes.map((row) => row.map((box) => ({ label: fill(t.talentGrid.cell, { box }), count: spec.counts[box] ?? 0 })));
      const data = [...spec.boxes.flat()].sort((a, b) => b - a).map((box) => `${fill(t.talentGrid.cell, { box })}: ${spec.counts[box] ?? 0}`).join('; ');
      const title = fill(t.talentGrid.title, params);
      const svg = heatGrid({
        title,
        desc: fill(t.talentGrid.desc, { ...params, data }),
        rows: POTENSIAL_ROWS.map((p) => vocabWord(labels, 'potensial', p) ?? p),
        columns: KINERJA_COLUMNS.map((k) => vocabWord(labels, 'kinerja', k) ?? k),
        cells,
        rowAxis: t.talentGrid.rowAxis,
        columnAxis: t.talentGrid.columnAxis,
      });
      return { kind: spec.type, title, svg };
    }
    case 'merit-histogram': {
      const title = fill(t.histogram.title, { ...params, unit: unitName(spec.unit) });
      const data = spec.bins.map((b) => `${b.from}–${b.to}: ${b.count}`).join('; ');
      return { kind: spec.type, title, svg: histogram({ title, desc: fill(t.histogram.desc, { ...params, rated: spec.rated, data }), bins: spec.bins }) };
    }
    case 'audit-units': {
      // Unit names are long ("Bidang Pengembangan Kompetensi Aparatur"): horizontal bars with the names wrapped beside them.
      const nameOf = (r: AuditUnitRow) => (r.all ? labels.total.all : unitName(r.unit));
      const data = spec.rows.map((r) => `${nameOf(r)}: ${t.auditUnits.audited} ${r.audited}, ${t.auditUnits.flagged} ${r.flagged}`).join('; ');
      const shown = shownUnits(spec.rows);
      const units = spec.rows.filter((r) => !r.all).length;
      const title = fill(t.auditUnits.title, params) + (shown.length < spec.rows.length ? ` · ${fill(t.auditUnits.top, { shown: MAX_UNIT_BARS, units })}` : '');
      const svg = horizontalBarChart({
        title,
        desc: fill(t.auditUnits.desc, { ...params, data }),
        categories: shown.map(nameOf),
        series: [
          { name: t.auditUnits.audited, values: shown.map((r) => r.audited) },
          { name: t.auditUnits.flagged, values: shown.map((r) => r.flagged), color: '#D55E00' },
        ],
      });
      return { kind: spec.type, title, svg };
    }
    case 'audit-percentiles': {
      const title = fill(t.auditPercentiles.title, params);
      const values = [spec.merit ?? Number.NaN, spec.seniority ?? Number.NaN];
      const data = `${t.auditPercentiles.merit} ${format2(spec.merit)}, ${t.auditPercentiles.seniority} ${format2(spec.seniority)}`;
      const svg = barChart({
        title,
        desc: fill(t.auditPercentiles.desc, { ...params, data }),
        categories: [t.auditPercentiles.merit, t.auditPercentiles.seniority],
        series: [{ name: labels.columns['percentile'] ?? 'percentile', values }],
        width: 420,
      });
      return { kind: spec.type, title, svg };
    }
    case 'components': {
      const title = fill(t.components.title, params);
      const names = COMPONENT_NAMES.map((n) => vocabWord(labels, 'component', n) ?? n);
      const values = COMPONENT_NAMES.map((n) => spec.values[n] ?? Number.NaN);
      const data = COMPONENT_NAMES.map((n, i) => `${names[i] ?? n} ${spec.values[n] === null ? '—' : format2(spec.values[n])}`).join('; ');
      const svg = barChart({
        title,
        desc: fill(t.components.desc, { ...params, data }),
        categories: names.map((name) => shorten(name.split(' (')[0] ?? name)),
        series: [{ name: labels.columns['components.value'] ?? 'value', values }],
      });
      return { kind: spec.type, title, svg };
    }
    // calibration (SPEC §10): long unit names are drawn whole, above horizontal bars.
    case 'calibration-units': {
      const c = t.calibrationUnits;
      const pctText = (share: number) => `${roundHalfAwayFromZero(share * 100, 1).toFixed(1)} %`;
      const shown = spec.rows.length < spec.total ? ` (${fill(c.others, { shown: spec.rows.length, total: spec.total })})` : '';
      const title = fill(c.title, params) + shown;
      const data = spec.rows.map((r) => `${unitName(r.unit)}: ${r.code} ${pctText(r.share)}`).join('; ');
      const svg = shareBars({
        title,
        desc: fill(c.desc, { ...params, data }),
        bars: spec.rows.map((r) => ({ label: unitName(r.unit), value: r.share, valueText: `${r.code} ${pctText(r.share)}`, highlight: r.over })),
        limit: 0.7,
        limitLabel: c.limit,
      });
      return { kind: spec.type, title, svg };
    }
  }
}
