/**
 * The HTML report's only style sheet, inlined (SPEC §6: one self-contained file, no network).
 * System fonts only. Every table fits its page: cells wrap (a long word or NIP too, rather than
 * run off the edge), number and date cells stay on one line. Print: A4 pages (landscape for
 * sections with wide tables); sections follow each other on the page — a page breaks only before
 * what does not fit: charts and short tables are kept whole with their heading, long tables break
 * between rows with the header repeated, and headings stay with what follows.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  color: #1a1a1a; background: #ffffff; line-height: 1.45; font-size: 14px;
  max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px;
}
header.report-head { border-bottom: 3px solid #0072B2; margin-bottom: 1rem; padding-bottom: .5rem; }
h1 { font-size: 1.65rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid #9ab8d6; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; color: #333333; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: .9rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav.toc ol { margin: .25rem 0 0; padding-left: 1.4rem; columns: 2; }
nav.toc a { color: #005a8c; }
p.note { background: #fff8e6; border-left: 4px solid #E69F00; padding: 6px 10px; margin: .5rem 0 .9rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .92em; background: #f2f2f2; padding: 0 3px; }
.table-wrap { overflow-x: auto; }
/* Sections with wide tables (printed landscape) use the window's width on screen, not the text column's. */
@media screen { section.landscape { margin-left: calc(50% - 50vw + 16px); margin-right: calc(50% - 50vw + 16px); } }
table { border-collapse: collapse; margin: .35rem 0 1.2rem; font-size: 12.5px; max-width: 100%; }
table.wide { font-size: 11px; }
table.wide th, table.wide td { padding: 2px 4px; }
table.widest { font-size: 10px; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 4px; }
/* The caption repeats the visible heading above the table: kept for screen readers only. */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
th, td { border: 1px solid #c9c9c9; padding: 3px 7px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { background: #e8f0f8; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; background: #f3f3f3; }
tbody tr:nth-child(even) td { background: #fafafa; }
p.empty { font-style: italic; color: #555555; }
figure.chart { margin: .5rem 0 1.25rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: .95rem; font-weight: 600; margin: 0 0 4px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
.charts figure.chart { flex: 0 1 480px; }
/* Unit names beside horizontal bars need the chart's own width (640). */
.charts figure.chart[data-chart="audit-units"] { flex: 0 1 640px; }
footer.report-foot { margin-top: 2rem; font-size: .8rem; color: #555555; border-top: 1px solid #cccccc; padding-top: .4rem; }
@page { size: A4; margin: 14mm 12mm 16mm; }
/* Sections with wide tables (the DUK, every audited event) print across the page. */
@page landscape { size: A4 landscape; margin: 12mm 12mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  section.landscape { page: landscape; }
  footer.report-foot { display: none; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  .table-block.short, .sub-table.short, .charts, figure.chart { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  table.wide { font-size: 7pt; }
  th, td { padding: 2px 4px; }
  figure.chart { break-inside: avoid; page-break-inside: avoid; }
  .charts figure.chart { flex-basis: 46%; }
  .charts figure.chart[data-chart="audit-units"] { flex-basis: 100%; }
  tbody tr:nth-child(even) td { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;
