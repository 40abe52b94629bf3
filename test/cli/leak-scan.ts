/**
 * The scanner of the public report test (SPEC §12): finds personal data (any NIP, name or birth
 * date of the database) and any count below k shown as a number (outside the `<k` marker) in
 * the text of md, html and csv output, in the JSON object, and in an XLSX workbook.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

export interface Person {
  nip: string;
  nama: string;
  tgl_lahir: string | null;
}

/** Every NIP, name and birth date of `people` that occurs in `text`. */
export function personalDataIn(text: string, people: readonly Person[]): string[] {
  const hits: string[] = [];
  for (const p of people) {
    if (text.includes(p.nip)) hits.push(`nip ${p.nip}`);
    if (text.includes(p.nama)) hits.push(`nama ${p.nama}`);
    if (p.tgl_lahir !== null && text.includes(p.tgl_lahir)) hits.push(`tgl_lahir ${p.tgl_lahir} (${p.nip})`);
  }
  return hits;
}

/** A cell that reads as a count from 1 to k − 1 ("3", " 3 "): the leak the markers exist to prevent. */
export function isSmallCountText(cell: string, k: number): boolean {
  const t = cell.trim();
  if (!/^\d+$/.test(t)) return false;
  const n = Number(t);
  return n >= 1 && n < k;
}

/** The cells of every pipe table of a Markdown text. */
export function markdownCells(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('|') && !/^\|[\s:|-]+\|$/.test(l)).flatMap((l) => l.slice(1, -1).split('|'));
}

/** The text of every td and th of an HTML text (entities of digits never occur in counts). */
export function htmlCells(html: string): string[] {
  return [...html.matchAll(/<(t[dh]|text)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, ''));
}

export function csvCells(csv: string): string[] {
  return (parse(csv, { bom: true }) as string[][]).flat();
}

/** Keys of figures computed from counts (shares, rates, means, p): a 1 there is 100 %, not one person. */
const DERIVED_KEY = /share|rate|ratio|mean|median|percentile|^p$|p_value|biased/;

/** Small counts in the report's JSON: integers 1 … k−1 (or such strings) under count keys of the tables. */
export function smallCountsInJson(report: Record<string, unknown>, k: number): string[] {
  const hits: string[] = [];
  for (const [table, rows] of Object.entries(report)) {
    if (table === 'meta' || !Array.isArray(rows)) continue;
    rows.forEach((row: Record<string, unknown>, i) => {
      for (const [key, value] of Object.entries(row)) {
        if (DERIVED_KEY.test(key)) continue;
        const small = typeof value === 'number' ? Number.isInteger(value) && value >= 1 && value < k : typeof value === 'string' && isSmallCountText(value, k);
        if (small) hits.push(`${table}[${i}].${key} = ${String(value)}`);
      }
    });
  }
  return hits;
}

/** Every cell of a workbook as text, and the small counts: integer cells 1 … k−1 in integer-formatted ('0') cells, or such text. */
export async function scanXlsx(file: string, k: number): Promise<{ text: string; small: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  const small: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        texts.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
        if (typeof v === 'number' && cell.numFmt === '0' && Number.isInteger(v) && v >= 1 && v < k) small.push(`${sheet.name}!${cell.address} = ${v}`);
        if (typeof v === 'string' && isSmallCountText(v, k)) small.push(`${sheet.name}!${cell.address} = "${v}"`);
      });
    });
  });
  return { text: texts.join('\n'), small };
}
