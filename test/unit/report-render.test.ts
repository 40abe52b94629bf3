/**
 * The report writers' pure parts (SPEC §6): labels and templates, the people/machine views of a
 * table, percent text, the "made at" time, HTML tables and escaping, and a whole report built
 * by hand rendered to Markdown and HTML.
 */
import { describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../src/app/report/types.js';
import { reportTime } from '../../src/cli/commands/report.js';
import { inlineText, renderReportHtml, reportTableHtml } from '../../src/cli/render/report/html.js';
import { columnLabel, fill, labelsFor, vocabWord } from '../../src/cli/render/report/labels.js';
import { machineTable, metaLines, peopleTables, percentText } from '../../src/cli/render/report/localize.js';
import { renderReportMarkdown } from '../../src/cli/render/report/md.js';

const id = labelsFor('id');
const en = labelsFor('en');
const years = { y: 2025, prev: 2024 };

describe('fill', () => {
  it.each<[string, Record<string, string | number>, string]>([
    ['Distribusi Predikat Kinerja {prev} dan {y}', years, 'Distribusi Predikat Kinerja 2024 dan 2025'],
    ['Kotak {box}', { box: 9 }, 'Kotak 9'],
    ['{unknown} stays', {}, '{unknown} stays'],
  ])('%s', (template, params, expected) => {
    expect(fill(template, params)).toBe(expected);
  });
});

describe('labels', () => {
  it.each<[typeof id, string, string, string]>([
    [id, 'predikat', 'count_y', 'Jumlah 2025'],
    [en, 'predikat', 'count_prev', 'Count 2024'],
    [id, 'components', 'value', 'Nilai'],
    [id, 'employee', 'value', 'Isi'],
    [id, 'training', 'share', '% memenuhi'],
    [id, 'anything', 'no_such_key', 'no_such_key'],
  ])('column %s.%s', (labels, table, key, expected) => {
    expect(columnLabel(labels, table, key, years)).toBe(expected);
  });

  it.each<[typeof id, Parameters<typeof vocabWord>[1], string | number | boolean | null, string | null]>([
    [id, 'predikat', 'SB', 'Sangat Baik (SB)'],
    [en, 'predikat', 'BP', 'Needs improvement (BP)'],
    [id, 'jenis', null, 'Tidak diketahui'],
    [id, 'yesno', true, 'Ya'],
    [en, 'yesno', false, 'No'],
    [id, 'yesno', null, null],
    [id, 'level', 6, '6 · Administrator, Ahli Madya'],
    [id, 'kinerja', 'above', 'Di atas ekspektasi'],
    [id, 'predikat', 'XX', 'XX'],
  ])('vocab %#', (labels, vocab, value, expected) => {
    expect(vocabWord(labels, vocab, value)).toBe(expected);
  });

  it('every section, note and report type has words in both languages', () => {
    for (const labels of [id, en]) {
      for (const text of [...Object.values(labels.sections), ...Object.values(labels.notes), ...Object.values(labels.reportTitle)]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(en.tables).sort()).toEqual(Object.keys(id.tables).sort());
    expect(Object.keys(en.columns).sort()).toEqual(Object.keys(id.columns).sort());
  });
});

describe('percentText', () => {
  it.each<[number, string]>([
    [0.875, '87.5 %'],
    [23 / 35, '65.7 %'],
    [1, '100.0 %'],
    [0, '0.0 %'],
    [0.00049, '0.0 %'],
    [0.0005, '0.1 %'],
  ])('%s → %s', (share, text) => {
    expect(percentText(share)).toBe(text);
  });
});

describe('reportTime (--as-of-time, env ASN_REPORT_TIME, else now)', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  it.each<[string | undefined, string | undefined, string]>([
    [undefined, undefined, '2026-03-01T10:00:00.000Z'],
    [undefined, '', '2026-03-01T10:00:00.000Z'],
    [undefined, '2026-01-15T08:00:00Z', '2026-01-15T08:00:00.000Z'],
    ['2025-12-31T23:59:00+07:00', '2026-01-15T08:00:00Z', '2025-12-31T16:59:00.000Z'],
    ['2026-01-15', undefined, '2026-01-15T00:00:00.000Z'],
  ])('flag %s, env %s', (flag, env, expected) => {
    expect(reportTime(flag, env, now)).toBe(expected);
  });

  it.each<[string | undefined, string | undefined, RegExp]>([
    ['yesterday', undefined, /--as-of-time "yesterday"/],
    [undefined, '15/01/2026', /ASN_REPORT_TIME "15\/01\/2026"/],
    ['2026-13-45T00:00:00Z', undefined, /not an ISO 8601 time/],
  ])('refuses %s / %s (exit 2)', (flag, env, message) => {
    expect(() => reportTime(flag, env, now)).toThrow(message);
  });
});

const unitTable: ReportTable = {
  name: 'merit_by_unit',
  columns: [{ key: 'unit', type: 'text' }, { key: 'rated', type: 'integer' }, { key: 'mean', type: 'number', decimals: 2 }],
  rows: [{ unit: 'Dinas Kesehatan', rated: 13, mean: 75.8923 }, { unit: null, rated: 2, mean: 60 }],
  total: { kind: 'all', row: { rated: 15, mean: 73.9 } },
};

describe('machineTable and peopleTables', () => {
  it('machines get keys, codes and the total row labelled (all)', () => {
    const t = machineTable(unitTable);
    expect(t.columns.map((c) => c.key)).toEqual(['unit', 'rated', 'mean']);
    expect(t.rows).toEqual([
      { unit: 'Dinas Kesehatan', rated: 13, mean: 75.8923 },
      { unit: null, rated: 2, mean: 60 },
      { unit: '(all)', rated: 15, mean: 73.9 },
    ]);
  });

  it('people get headers in --lang, "(tanpa unit)" and "Semua unit"', () => {
    const [only] = peopleTables(unitTable, id, years, { percent: true, split: true });
    expect(only?.heading).toBeNull();
    expect(only?.table.columns.map((c) => c.header)).toEqual(['Unit kerja', 'Dinilai', 'Rata-rata']);
    expect(only?.table.rows.map((r) => r.unit)).toEqual(['Dinas Kesehatan', '(tanpa unit)', 'Semua unit']);
  });

  const grouped: ReportTable = {
    name: 'duk_pns',
    groupBy: 'unit',
    columns: [{ key: 'unit', type: 'text' }, { key: 'no', type: 'integer' }, { key: 'jenis_pegawai', type: 'text', vocab: 'jenis' }, { key: 'share', type: 'number', decimals: 4, percent: true }],
    rows: [
      { unit: 'BKPSDM', no: 1, jenis_pegawai: 'PNS', share: 0.5 },
      { unit: 'BKPSDM', no: 2, jenis_pegawai: null, share: 0.25 },
      { unit: 'Dinkes', no: 1, jenis_pegawai: 'CPNS', share: 1 },
    ],
  };

  it('split: one sub-table per group, in row order, without the group column', () => {
    const parts = peopleTables(grouped, en, years, { percent: true, split: true });
    expect(parts.map((p) => p.heading)).toEqual(['BKPSDM', 'Dinkes']);
    expect(parts[0]?.table.columns.map((c) => c.key)).toEqual(['no', 'jenis_pegawai', 'share']);
    expect(parts[0]?.table.rows).toEqual([
      { no: 1, jenis_pegawai: 'PNS', share: '50.0 %' },
      { no: 2, jenis_pegawai: 'Unknown', share: '25.0 %' },
    ]);
  });

  it('xlsx view: one table, group column kept, shares stay numbers', () => {
    const parts = peopleTables(grouped, id, years, { percent: false, split: false });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.table.rows[0]).toEqual({ unit: 'BKPSDM', no: 1, jenis_pegawai: 'PNS', share: 0.5 });
  });
});

describe('HTML pieces', () => {
  it('inlineText escapes, then marks commands as code', () => {
    expect(inlineText('Impor: `asn import <file>` & "lagi"')).toBe('Impor: <code>asn import &lt;file&gt;</code> &amp; &quot;lagi&quot;');
  });

  it('reportTableHtml: caption, th scope=col, numbers right, total row header th scope=row', () => {
    const [people] = peopleTables(unitTable, id, years, { percent: true, split: true });
    const html = reportTableHtml(people!.table, { caption: 'Sebaran', totalLast: true });
    expect(html).toContain('<caption class="visually-hidden">Sebaran</caption>');
    expect(html).toContain('<th scope="col">Unit kerja</th><th scope="col" class="num">Dinilai</th>');
    expect(html).toContain('<tr class="total"><th scope="row">Semua unit</th><td class="num">15</td><td class="num">73.90</td></tr>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });
});

const hostile = '<script>alert("x")</script> | Bagian';
const report: Report = {
  meta: {
    type: 'summary', lang: 'id', year: 2025, referenceDate: '2025-12-31',
    model: { name: 'asn-merit-v1', hash: 'abc123', file: null }, database: 'asn.db',
    generatedAt: '2026-01-15T08:00:00.000Z', nip: null, nama: null, empty: null,
  },
  sections: [
    {
      id: 'merit',
      blocks: [
        { kind: 'note', note: { id: 'training-target', params: { target: 20, y: 2025 } } },
        { kind: 'table', table: { ...unitTable, rows: [{ unit: hostile, rated: 1, mean: 50 }] } },
        { kind: 'chart', chart: { type: 'merit-histogram', unit: hostile, rated: 1, bins: [{ from: 0, to: 50, count: 0 }, { from: 50, to: 100, count: 1 }] } },
      ],
    },
    { id: 'quality', blocks: [{ kind: 'table', table: { name: 'data_quality', columns: [{ key: 'issue', type: 'text', vocab: 'quality' }, { key: 'count', type: 'integer' }], rows: [] } }] },
  ],
};

describe('whole reports', () => {
  it('metaLines state Y, T, model and hash, database, time made', () => {
    expect(metaLines(report.meta, en)).toEqual([
      ['Evaluation year (Y)', '2025'], ['Reference date (T)', '2025-12-31'], ['Model', 'asn-merit-v1 (sha256:abc123)'],
      ['Database', 'asn.db'], ['Made at', '2026-01-15T08:00:00.000Z'],
    ]);
  });

  it('HTML escapes data everywhere and has no script, link or external URL', () => {
    const html = renderReportHtml(report);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | Bagian');
    expect(html).not.toMatch(/<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<p class="empty">Tidak ada data.</p>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.match(/<h2 /g)).toHaveLength(2);
  });

  it('Markdown: headings, facts, note as quote, pipe escaped, empty table said', () => {
    const md = renderReportMarkdown(report);
    expect(md.startsWith('# Ringkasan Evaluasi 2025\n')).toBe(true);
    expect(md).toContain('- Model: asn-merit-v1 (sha256:abc123)');
    expect(md).toContain('## 1. Nilai Merit');
    expect(md).toContain('> Kepatuhan pelatihan: pegawai dengan JP tahun 2025 minimal 20 JP');
    expect(md).toContain('<script>alert("x")</script> \\| Bagian');
    expect(md).toContain('_Tidak ada data._');
  });
});
