/**
 * Opens an input (CSV or XLSX) as a table: the header row found, the kind decided, the
 * required columns checked (SPEC §1, §1.1, §1.2), then the data rows one at a time.
 * Anything that makes the file unusable is an InputError (exit 3): the file is refused whole.
 */
import { InputError } from '../shared/errors.js';
import { detectDelimiter, readCsvRows, type Delimiter, type RawRow } from './csv-reader.js';
import { fieldOfHeader, findHeader, normaliseHeader, REQUIRED, type AliasMap, type Field, type FileKind, type HeaderMatch } from './headers.js';
import { inspectSource, type Source } from './source.js';
import { HEADER_SCAN_ROWS, readXlsxRows, type XlsxSelection } from './xlsx-reader.js';
import { assertSafeXlsx } from './xlsx-guard.js';
import { titleDate } from './title-date.js';
import { readWorkbookIndex } from './xlsx-workbook.js';
import { checkRows } from './row-checks.js';
import { isNipLike } from './values.js';

export interface TableOptions {
  kind?: FileKind;
  sheet?: string;
  aliases: AliasMap;
  extraHeaders: ReadonlySet<string>;
  onBytes?: (bytesRead: number) => void;
}

export interface OpenTable {
  source: Source;
  kind: FileKind;
  header: HeaderMatch;
  /** 1-based line (CSV) or row number (XLSX) of the header. */
  headerLine: number;
  delimiter: Delimiter | null;
  sheetName: string | null;
  /** The date in the title rows above the header (SPEC §9 snapshot date), or null. */
  titleDate: string | null;
  /** Hidden sheets that were passed over (SPEC §1.7), for the summary. */
  hiddenSheets: string[];
  /** The data rows after the header, in batches. */
  rows: AsyncGenerator<RawRow[]>;
}

/** Columns an appraisal needs besides nip and tahun: one way of giving performance (SPEC §1.4). */
const PERFORMANCE_FIELDS: readonly Field[] = ['rating_hasil', 'rating_perilaku', 'predikat', 'nilai_skp'];
/**
 * SPEC §1: an appraisal file may carry only some value columns (a talent-mapping result with JPM
 * and POTENSI, a training recap with JP); it sets those and leaves the others as stored.
 */
const APPRAISAL_VALUE_FIELDS: readonly Field[] = [...PERFORMANCE_FIELDS, 'jpm', 'potensi', 'jp', 'hukuman_disiplin'];

const HEADER_HINT = 'the header row must be within the first 20 rows and contain NIP and at least one other known column (e.g. NAMA); add --map "YOUR HEADER=nip" for other names';

export async function openTable(name: string, options: TableOptions): Promise<OpenTable> {
  const source = await inspectSource(name);
  const kindOption = options.kind === undefined ? {} : { kind: options.kind };
  let rows: AsyncGenerator<RawRow[]>;
  let delimiter: Delimiter | null = null;
  const selection: XlsxSelection = { sheetName: null, seen: [], hiddenSkipped: [] };
  if (source.format === 'csv') {
    delimiter = detectDelimiter(source, options.aliases, options.kind);
    if (delimiter === null) throw new InputError(`${source.displayName}: no header row found`, HEADER_HINT);
    rows = readCsvRows(source, delimiter, options.onBytes);
  } else {
    const book = await readWorkbookIndex(await assertSafeXlsx(source));
    rows = readXlsxRows(source, {
      book,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      selection,
      accept: (first) => findHeader(first, options.aliases, kindOption) !== null,
    });
  }
  const firstRows: RawRow[] = [];
  while (firstRows.length < HEADER_SCAN_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    for (const row of next.value) firstRows.push(row);
  }
  const found = findHeader(
    firstRows.map((r) => r.cells),
    options.aliases,
    { ...kindOption, extraHeaders: options.extraHeaders },
  );
  if (!found) {
    const where = source.format === 'xlsx' && selection.seen.length ? ` (sheets: ${selection.seen.join(', ')})` : '';
    const hidden = selection.hiddenSkipped.length === 0 ? ''
      : `; hidden sheets are skipped (${selection.hiddenSkipped.map((s) => `"${s}"`).join(', ')}): name one with --sheet to read it`;
    throw new InputError(`${source.displayName}: no header row found${where}`, `${HEADER_HINT}${hidden}`);
  }
  if (found.kind === null) {
    throw new InputError(
      `${source.displayName}: cannot tell whether this is a personnel, appraisals or promotions file`,
      'a personnel file needs NAMA, an appraisals file TAHUN, a promotions file JABATAN BARU, a riwayat-golongan file GOLONGAN and TMT GOLONGAN, a riwayat-jabatan file TMT JABATAN and JABATAN or ESELON; or give --kind',
    );
  }
  const header: HeaderMatch = { ...found, kind: found.kind };
  assertRequiredColumns(source, header);
  const after = firstRows.slice(found.rowIndex + 1);
  assertOneHeaderRow(source, header, firstRows[found.rowIndex]!, after, options.aliases);
  const checks = { format: source.format, header, aliases: options.aliases, invalidUtf8: source.invalidUtf8 };
  return {
    source,
    kind: found.kind,
    header,
    headerLine: firstRows[found.rowIndex]!.line,
    delimiter,
    sheetName: selection.sheetName,
    titleDate: titleDate(firstRows.slice(0, found.rowIndex).map((r) => r.cells)),
    hiddenSheets: selection.hiddenSkipped,
    rows: (async function* () {
      if (after.length > 0) yield checkRows(checks, after);
      for await (const batch of rows) yield checkRows(checks, batch);
    })(),
  };
}

/**
 * SPEC §1.7: a header spread over two rows (a merged "PANGKAT" above GOL and TMT GOL) would lose
 * the columns of the second row; it is refused with a hint to flatten it. The row under the
 * header is a second header row when its NIP cell is not NIP-like and it holds a known column name.
 */
function assertOneHeaderRow(source: Source, header: HeaderMatch, headerRow: RawRow, after: RawRow[], aliases: AliasMap): void {
  const next = after.find((row) => row.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  if (next === undefined || next.line !== headerRow.line + 1) return;
  const nipIndex = header.columns.get('nip')!.index;
  if (isNipLike(next.cells[nipIndex])) return;
  const names = next.cells
    .filter((c): c is string => typeof c === 'string' && fieldOfHeader(aliases, normaliseHeader(c)) !== undefined)
    .map((c) => c.trim());
  if (names.length === 0) return;
  throw new InputError(
    `${source.displayName}: the header spans two rows (row ${headerRow.line} and row ${next.line}, which holds the column names ${names.join(', ')}); the columns of the second row would be lost`,
    'flatten the header to one row: unmerge the header cells, give every column its own name in one row (e.g. GOL and TMT GOL instead of PANGKAT above them), and delete the other header row',
  );
}

function assertRequiredColumns(source: Source, header: HeaderMatch): void {
  const missing = REQUIRED[header.kind].filter((f) => !header.columns.has(f));
  if (missing.length > 0) {
    throw new InputError(
      `${source.displayName} (${header.kind}) lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((f) => f.toUpperCase()).join(', ')}`,
      'add the column, or name an existing column with --map "HEADER=field"',
    );
  }
  if (header.kind === 'riwayat-jabatan' && !header.columns.has('jabatan') && !header.columns.has('eselon')) {
    throw new InputError(
      `${source.displayName} (riwayat-jabatan) lacks the required column JABATAN or ESELON`,
      'add the column, or name an existing column with --map "HEADER=field"',
    );
  }
  if (header.kind === 'appraisals' && !APPRAISAL_VALUE_FIELDS.some((f) => header.columns.has(f))) {
    throw new InputError(
      `${source.displayName} (appraisals) has no value column`,
      'give a performance value (RATING HASIL KERJA and RATING PERILAKU KERJA, or PREDIKAT, or NILAI SKP, SPEC §1.4), or JPM, POTENSI, JP or HUKUMAN DISIPLIN',
    );
  }
}
