/**
 * The sheets of a workbook as `xl/workbook.xml` names them (SPEC §1.7 "Spreadsheets"): name,
 * hidden or not, and the part holding each, read from the zip directory before the rows are
 * streamed. exceljs's streaming reader matches sheets to names only when the relationship
 * target is written relative ("worksheets/sheet1.xml"); openpyxl and others write it absolute
 * ("/xl/worksheets/sheet1.xml"), and exceljs then calls every sheet "Sheet1", "Sheet2" — so
 * `--sheet "Rekap Predikat"` found nothing. Both parts are small (one line per sheet).
 */
import { posix } from 'node:path';

export interface SheetEntry {
  /** The name shown on the sheet's tab. */
  name: string;
  /** Zip path of the sheet's part, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  /** `hidden` or `veryHidden` in workbook.xml (SPEC §1.7: skipped unless named with --sheet). */
  hidden: boolean;
}

export interface WorkbookIndex {
  /** In workbook (tab) order. */
  sheets: SheetEntry[];
  /** The 1904 date system (old Mac Excel): no fake leap day. */
  date1904: boolean;
}

export interface ZipFile {
  path: string;
  buffer(): Promise<Buffer>;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The attributes of one XML tag, by local name (a `r:id` is `id`; the prefix varies by writer). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set((m[1] ?? '').split(':').pop() ?? '', xmlText(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** Every `<prefix:name …>` tag of `xml`. */
function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'g'))].map((m) => m[1] ?? '');
}

/** A relationship target as a zip path: absolute ("/xl/…") or relative to `xl/`. */
function partPath(target: string): string {
  const clean = target.replace(/\\/g, '/');
  return clean.startsWith('/') ? posix.normalize(clean.slice(1)) : posix.normalize(posix.join('xl', clean));
}

/** Reads the sheet list; an unreadable or absent workbook.xml gives an empty list (exceljs decides). */
export async function readWorkbookIndex(files: readonly ZipFile[]): Promise<WorkbookIndex> {
  const find = (path: string) => files.find((f) => f.path.replace(/^\//, '') === path);
  const book = find('xl/workbook.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  if (book === undefined || rels === undefined) return { sheets: [], date1904: false };
  const [bookXml, relsXml] = (await Promise.all([book.buffer(), rels.buffer()])).map((b) => b.toString('utf8')) as [string, string];
  const targets = new Map<string, string>();
  for (const tag of tags(relsXml, 'Relationship')) {
    const a = attributes(tag);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id !== undefined && target !== undefined) targets.set(id, partPath(target));
  }
  const sheets: SheetEntry[] = [];
  for (const tag of tags(bookXml, 'sheet')) {
    const a = attributes(tag);
    const name = a.get('name');
    const part = targets.get(a.get('id') ?? '');
    if (name === undefined || part === undefined) continue;
    const state = a.get('state') ?? 'visible';
    sheets.push({ name, part, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const pr = tags(bookXml, 'workbookPr')[0];
  const date1904 = pr !== undefined && /^(?:1|true)$/i.test(attributes(pr).get('date1904') ?? '');
  return { sheets, date1904 };
}
