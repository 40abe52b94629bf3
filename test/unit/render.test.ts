import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { type Column, type DataTable, formatCell } from '../../src/cli/render/table-data.js';
import { createCsvStream, renderCsv } from '../../src/cli/render/csv.js';
import { renderJson, renderJsonObject, renderNdjson } from '../../src/cli/render/json.js';
import { forTerminal } from '../../src/cli/terminal.js';
import { renderTextTable } from '../../src/cli/render/text-table.js';
import { renderMarkdownTable } from '../../src/cli/render/markdown.js';
import { escapeHtml, htmlTable } from '../../src/cli/render/html.js';
import { barChart, heatGrid, histogram, horizontalBarChart, wrapWords } from '../../src/cli/render/svg-charts.js';

const text: Column = { key: 'nama', type: 'text' };
const num: Column = { key: 'merit', type: 'number' };

/** A small `rank`-like table (SPEC §7 rank columns, a subset). */
const rankTable: DataTable = {
  name: 'rank',
  title: 'Peringkat merit',
  columns: [
    { key: 'rank', type: 'integer' },
    { key: 'nip', type: 'text', header: 'NIP' },
    { key: 'nama', type: 'text', header: 'Nama' },
    { key: 'unit', type: 'text' },
    { key: 'merit', type: 'number' },
    { key: 'tmt', type: 'date' },
    { key: 'flagged', type: 'boolean' },
  ],
  rows: [
    { rank: 1, nip: '198609122010012003', nama: 'Siti Rahayu, S.Kom.', unit: 'Bappeda', merit: 87.125, tmt: '2020-04-01', flagged: false },
    { rank: 2, nip: '199001012015031002', nama: 'Budi "Bram" Santoso', unit: 'Dinas Kesehatan', merit: -3.5, tmt: null, flagged: true },
    { rank: 3, nip: '197512312000121001', nama: 'I Gusti Ayu Made', merit: 70 },
  ],
};

/** Counts elements like `<rect class="bar"` in an SVG string (test helper, not exported from src). */
function countRects(svg: string, cls: string): number {
  return (svg.match(new RegExp(`<rect class="${cls}"`, 'g')) ?? []).length;
}

describe('formatCell', () => {
  it.each<[unknown, Column, string]>([
    [87.125, num, '87.13'],
    [1.005, num, '1.01'],
    [-2.345, num, '-2.35'],
    [-0.001, num, '0.00'],
    [70, num, '70.00'],
    [3.14159, { key: 'x', type: 'number', decimals: 3 }, '3.142'],
    [2.5, { key: 'x', type: 'number', decimals: 0 }, '3'],
    [42, { key: 'pool_size', type: 'integer' }, '42'],
    [null, num, ''],
    [Number.NaN, num, ''],
    [true, { key: 'flagged', type: 'boolean' }, 'true'],
    [false, { key: 'flagged', type: 'boolean' }, 'false'],
    ['2020-04-01', { key: 'tmt', type: 'date' }, '2020-04-01'],
    [new Date(Date.UTC(2020, 3, 1)), { key: 'tmt', type: 'date' }, '2020-04-01'],
    ['198609122010012003', text, '198609122010012003'],
  ])('%s in %o → %s', (value, column, expected) => {
    expect(formatCell(value as never, column)).toBe(expected);
  });
});

describe('renderCsv formula-injection guard (SPEC §7)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+62 812 3456 7890', "'+62 812 3456 7890"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-x', "'-x"],
    ['-3.50', "'-3.50"],
    ['Siti Rahayu', 'Siti Rahayu'],
    ['Kepala Sub-Bagian', 'Kepala Sub-Bagian'],
    ['', ''],
  ])('text cell %j is written as %j', (value, expected) => {
    const csv = renderCsv({ name: 't', columns: [text, num], rows: [{ nama: value, merit: 1 }] });
    const records = parse(csv) as string[][];
    expect(records[1]).toEqual([expected, '1.00']);
  });

  it.each<[number, string]>([
    [-3.5, '-3.50'],
    [-0.004, '0.00'],
    [12.345, '12.35'],
  ])('number %d in a number column stays a number: %s', (value, expected) => {
    const csv = renderCsv({ name: 't', columns: [num], rows: [{ merit: value }] });
    expect(csv).toBe(`merit\n${expected}\n`);
  });

  it('guards a string that sits in a number column (it is not a number)', () => {
    const csv = renderCsv({ name: 't', columns: [num], rows: [{ merit: '=HYPERLINK("x")' }] });
    expect((parse(csv) as string[][])[1]).toEqual(['\'=HYPERLINK("x")']);
  });
});

describe('renderCsv layout', () => {
  it('writes keys as header, fixed order, "." decimals, NIP as text, \\n endings', () => {
    const csv = renderCsv(rankTable);
    expect(csv).toBe(
      'rank,nip,nama,unit,merit,tmt,flagged\n' +
        '1,198609122010012003,"Siti Rahayu, S.Kom.",Bappeda,87.13,2020-04-01,false\n' +
        '2,199001012015031002,"Budi ""Bram"" Santoso",Dinas Kesehatan,-3.50,,true\n' +
        '3,197512312000121001,I Gusti Ayu Made,,70.00,,\n',
    );
    expect(csv).not.toContain('\r');
  });

  it('quotes a field holding a line break so the row survives a round trip', () => {
    const csv = renderCsv({ name: 't', columns: [text, num], rows: [{ nama: 'Jl. Merdeka\r\nNo. 1', merit: 2 }] });
    expect(parse(csv)).toEqual([['nama', 'merit'], ['Jl. Merdeka\r\nNo. 1', '2.00']]);
  });

  it('keeps an empty value in a one-column table as a row', () => {
    const csv = renderCsv({ name: 't', columns: [text], rows: [{ nama: null }, { nama: 'A' }] });
    expect(parse(csv)).toEqual([['nama'], [''], ['A']]);
  });

  it('streams byte-identical output line by line', () => {
    const stream = createCsvStream(rankTable.columns);
    const streamed = stream.header() + rankTable.rows.map((row) => stream.row(row)).join('');
    expect(streamed).toBe(renderCsv(rankTable));
    expect(stream.row({ nama: '=cmd|" /C calc"!A0' })).toContain(`'=cmd`);
  });
});

describe('renderJson / renderNdjson / renderJsonObject', () => {
  it('writes every column key in column order, numbers rounded as numbers, missing → null', () => {
    const json = renderJson(rankTable);
    expect(json.endsWith(']\n')).toBe(true);
    expect(json).toContain('\n  {\n    "rank": 1,');
    const parsed = JSON.parse(json) as Array<Record<string, unknown>>;
    expect(Object.keys(parsed[2] ?? {})).toEqual(['rank', 'nip', 'nama', 'unit', 'merit', 'tmt', 'flagged']);
    expect(parsed[0]).toMatchObject({ nip: '198609122010012003', merit: 87.13, tmt: '2020-04-01', flagged: false });
    expect(parsed[1]?.merit).toBe(-3.5);
    expect(parsed[2]).toMatchObject({ unit: null, tmt: null, flagged: null, merit: 70 });
  });

  it('accepts bare rows and keeps them as given, undefined → null', () => {
    expect(renderJson([{ a: 1, b: null }])).toBe('[\n  {\n    "a": 1,\n    "b": null\n  }\n]\n');
    expect(renderJson([])).toBe('[]\n');
  });

  it('writes one compact object per line for ndjson', () => {
    const lines = renderNdjson(rankTable).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(
      '{"rank":1,"nip":"198609122010012003","nama":"Siti Rahayu, S.Kom.","unit":"Bappeda","merit":87.13,"tmt":"2020-04-01","flagged":false}',
    );
    expect(renderNdjson({ ...rankTable, rows: [] })).toBe('');
  });

  it('writes a report object with one key per table and metadata as given', () => {
    const out = JSON.parse(renderJsonObject({ meta: { year: 2024, model: 'asn-merit-v1' }, rank: rankTable })) as {
      meta: unknown;
      rank: Array<Record<string, unknown>>;
    };
    expect(out.meta).toEqual({ year: 2024, model: 'asn-merit-v1' });
    expect(out.rank).toHaveLength(3);
    expect(out.rank[1]?.merit).toBe(-3.5);
  });
});

describe('renderTextTable', () => {
  it('has no ANSI escape at all when color is false', () => {
    const out = renderTextTable(rankTable, { color: false });
    expect(out).not.toContain('\x1b[');
    expect(out).toContain('Siti Rahayu, S.Kom.');
    expect(out).toContain('NIP');
  });

  it('colours the header when color is true (the escapes are kept by the terminal sanitiser)', () => {
    const out = forTerminal(renderTextTable(rankTable, { color: true }), true);
    expect(out).toContain('\x1b[1m');
    expect(out).not.toContain('\uFFFD');
  });

  it('does not let a cell smuggle escape codes into the terminal', () => {
    const out = renderTextTable({ name: 't', columns: [text], rows: [{ nama: 'x\x1b[31mred\x07' }] }, { color: false });
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\x07');
  });

  it('right-aligns number columns', () => {
    const out = renderTextTable(
      { name: 't', columns: [{ key: 'merit', type: 'number', header: 'merit_score' }], rows: [{ merit: 1 }, { merit: 100 }] },
      { color: false },
    );
    expect(out).toBe(
      '┌─────────────┐\n' +
        '│ merit_score │\n' +
        '├─────────────┤\n' +
        '│        1.00 │\n' +
        '│      100.00 │\n' +
        '└─────────────┘\n',
    );
  });
});

describe('renderMarkdownTable', () => {
  it('writes a padded GitHub pipe table with ---: for numbers', () => {
    const md = renderMarkdownTable({
      name: 't',
      columns: [text, num],
      rows: [{ nama: 'Siti', merit: 87.125 }, { nama: 'Budi Santoso', merit: 5 }],
    });
    expect(md).toBe(
      '| nama         | merit |\n' +
        '| ------------ | ----: |\n' +
        '| Siti         | 87.13 |\n' +
        '| Budi Santoso |  5.00 |\n',
    );
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['baris 1\nbaris 2', 'baris 1<br>baris 2'],
    ['baris 1\r\nbaris 2', 'baris 1<br>baris 2'],
  ])('escapes %j as %j', (value, expected) => {
    const md = renderMarkdownTable({ name: 't', columns: [text], rows: [{ nama: value }] });
    expect(md.split('\n')).toHaveLength(4);
    expect(md.split('\n')[2]).toContain(expected);
  });
});

describe('html', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"'&`, '&quot;&#39;&amp;'],
    ['Dinas Pekerjaan Umum', 'Dinas Pekerjaan Umum'],
  ])('escapeHtml(%j) → %j', (value, expected) => {
    expect(escapeHtml(value)).toBe(expected);
  });

  it('builds caption, thead with scope="col", tbody, and escapes every cell', () => {
    const table: DataTable = {
      name: 'top',
      columns: [{ key: 'nama', type: 'text', header: 'Nama <lengkap>' }, num],
      rows: [{ nama: '<script>alert(1)</script>', merit: 1.005 }],
    };
    const html = htmlTable(table, { caption: 'Top 10 & more' });
    expect(html).toContain('<caption>Top 10 &amp; more</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Nama &lt;lengkap&gt;</th><th scope="col" class="num">merit</th></tr></thead>');
    expect(html).toContain('<tbody>');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class="num">1.01</td>');
    expect(html).not.toContain('<script>');
  });
});

describe('svg charts', () => {
  const predikat = barChart({
    title: 'Distribusi predikat 2024 dan 2023',
    desc: 'Jumlah pegawai per predikat kinerja',
    categories: ['SB', 'B', 'C', 'K', '<script>SK</script>'],
    series: [
      { name: '2024', values: [12, 80, 9, 3, 1] },
      { name: '2023', values: [10, 75, 12, 4, 0] },
    ],
  });

  const box = heatGrid({
    title: '9-box',
    desc: 'Talent box',
    rows: ['Tinggi', 'Sedang', 'Rendah'],
    columns: ['Rendah', 'Sedang', 'Tinggi'],
    cells: [
      [{ label: 'Box 3', count: 0 }, { label: 'Box 8', count: 5 }, { label: 'Box 9 Bintang', count: 40 }],
      [{ label: 'Box 2', count: 1 }, { label: 'Box 5', count: 20 }, { label: 'Box 7', count: 10 }],
      [{ label: 'Box 1', count: 2 }, { label: 'Box 4', count: 3 }, { label: 'Box 6', count: 0 }],
    ],
    rowAxis: 'Kinerja',
    columnAxis: 'Potensial',
  });

  const hist = histogram({
    title: 'Sebaran merit Bappeda',
    desc: 'Jumlah pegawai per rentang merit',
    bins: [
      { from: 0, to: 20, count: 1 },
      { from: 20, to: 40, count: 4 },
      { from: 40, to: 60, count: 10 },
      { from: 60, to: 80, count: 7 },
      { from: 80, to: 100, count: 2 },
    ],
  });

  const units = ['Bidang Pengembangan Kompetensi Aparatur', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Inspektorat', '<b>Semua unit</b>'];
  const hbar = horizontalBarChart({
    title: 'Promosi diaudit dan ditandai per unit',
    desc: 'Jumlah promosi',
    categories: units,
    series: [{ name: 'Diaudit', values: [3, 5, 0, 8] }, { name: 'Ditandai', values: [1, 2, Number.NaN, 3], color: '#D55E00' }],
  });

  it.each([
    ['barChart', predikat, 'bar', 10],
    ['heatGrid', box, 'cell', 9],
    ['histogram', hist, 'bar', 5],
    ['horizontalBarChart', hbar, 'bar', 7],
  ])('%s is accessible, sized and has the expected shapes', (_name, svg, cls, count) => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
    expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
    const [, w, h] = /width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
    expect(Number(w)).toBeGreaterThan(0);
    expect(Number(h)).toBeGreaterThan(0);
    expect(svg).toContain(`viewBox="0 0 ${w} ${h}"`);
    expect(countRects(svg, cls)).toBe(count);
    expect(svg).toContain('font-family: system-ui, sans-serif');
    expect(svg).not.toMatch(/<script|<style|href=|NaN/);
  });

  it('escapes category names and draws taller bars for larger values', () => {
    expect(predikat).toContain('&lt;script&gt;SK&lt;/script&gt;');
    expect(predikat).not.toContain('<script>');
    const heightOf = (category: string, series: string): number =>
      Number(new RegExp(`data-series="${series}" data-category="${category}" [^>]*height="([\\d.]+)"`).exec(predikat)?.[1]);
    expect(heightOf('B', '2024')).toBeGreaterThan(heightOf('SB', '2024'));
    expect(heightOf('SB', '2024')).toBeGreaterThan(heightOf('SB', '2023'));
  });

  it('shades heat cells by count with readable text', () => {
    const fillOf = (count: number): string => /fill="(#[0-9a-f]{6})"/.exec(box.split(`data-count="${count}"`)[1] ?? '')?.[1] ?? '';
    expect(fillOf(0)).toBe('#ffffff');
    expect(fillOf(40)).toBe('#08519c');
    expect(box).toContain('fill="#ffffff">40</text>');
    expect(box).toContain(`fill="#1a1a1a">0</text>`);
  });

  it('labels histogram bin edges', () => {
    for (const edge of ['0', '20', '40', '60', '80', '100']) expect(hist).toContain(`>${edge}</text>`);
  });

  it('is deterministic', () => {
    expect(histogram({ title: 'a', desc: 'b', bins: [{ from: 0, to: 1, count: 3 }] })).toBe(
      histogram({ title: 'a', desc: 'b', bins: [{ from: 0, to: 1, count: 3 }] }),
    );
  });
});

describe('charts at national scale', () => {
  it('a bar chart and a histogram of 200,000 values render without overflowing the call stack', async () => {
    const { barChart, histogram } = await import('../../src/cli/render/svg-charts.js');
    const values = Array.from({ length: 200_000 }, (_, i) => i % 97);
    const svg = barChart({ title: 't', desc: 'd', categories: values.map(String), series: [{ name: 's', values }] });
    expect(svg).toContain('<svg');
    const bins = values.map((count, i) => ({ from: i, to: i + 1, count }));
    expect(histogram({ title: 't', desc: 'd', bins })).toContain('<svg');
  });
});

describe('horizontal bars for long category names (unit names)', () => {
  it.each([
    ['Bidang Pengembangan Kompetensi Aparatur', 28, 3, ['Bidang Pengembangan', 'Kompetensi Aparatur']],
    ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 28, 3, ['Badan Kepegawaian dan', 'Pengembangan Sumber Daya', 'Manusia']],
    ['Inspektorat', 28, 3, ['Inspektorat']],
    ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten', 20, 2, ['Dinas Penanaman', 'Modal dan Pelayanan…']],
    ['UPTDPUSKESMASKECAMATANSLEMANRAYA', 12, 3, ['UPTDPUSKESMA', 'SKECAMATANSL', 'EMANRAYA']],
  ])('wrapWords(%j, %i, %i)', (label, perLine, maxLines, expected) => {
    const lines = wrapWords(label, perLine, maxLines);
    expect(lines).toEqual(expected);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(perLine);
  });

  it('one text per category with its wrapped lines and the whole name as its title; rows never share a line', () => {
    const categories = ['Bidang Pengembangan Kompetensi Aparatur', 'Dinas Kependudukan dan Pencatatan Sipil', 'Semua unit'];
    const svg = horizontalBarChart({ title: 't', desc: 'd', categories, series: [{ name: 'a', values: [1, 2, 3] }] });
    const texts = [...svg.matchAll(/<text class="category"[^>]*><title>([^<]*)<\/title>(.*?)<\/text>/g)];
    expect(texts.map((m) => m[1])).toEqual(categories);
    const ys = texts.map((m) => [...(m[2] ?? '').matchAll(/y="([\d.]+)"/g)].map((y) => Number(y[1])));
    expect(ys.map((list) => list.length)).toEqual([2, 2, 1]);
    // Each row's first line is below the previous row's last line by at least one line height.
    for (let i = 1; i < ys.length; i += 1) expect((ys[i] as number[])[0]).toBeGreaterThanOrEqual(((ys[i - 1] as number[]).at(-1) as number) + 14);
    const height = (n: number) => Number(/height="(\d+)"/.exec(horizontalBarChart({ title: 't', desc: 'd', categories: Array.from({ length: n }, (_, i) => `Unit ${i}`), series: [{ name: 'a', values: Array(n).fill(1) }] }))?.[1]);
    expect(height(20)).toBeGreaterThan(height(10));
  });
});
