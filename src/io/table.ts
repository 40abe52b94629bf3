/**
 * Opens an input (CSV or XLSX) as a table: the header row found, the kind decided, the
 * required columns checked (SPEC §1, §1.1, §1.2), then the data rows one at a time.
 * Anything that makes the file unusable is an InputError (exit 3): the file is refused whole.
 */
import { InputError } from '../shared/errors.js';
import { detectDelimiter, readCsvRows, type Delimiter, type RawRow } from './csv-reader.js';
import { findHeader, REQUIRED, type AliasMap, type Field, type FileKind, type HeaderMatch } from './headers.js';
import { inspectSource, type Source } from './source.js';
import { HEADER_SCAN_ROWS, readXlsxRows, type XlsxSelection } from './xlsx-reader.js';
import { assertSafeXlsx } from './xlsx-guard.js';
import { titleDate } from './title-date.js';

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
  const selection: XlsxSelection = { sheetName: null, seen: [] };
  if (source.format === 'csv') {
    delimiter = detectDelimiter(source, options.aliases, options.kind);
    if (delimiter === null) throw new InputError(`${source.displayName}: no header row found`, HEADER_HINT);
    rows = readCsvRows(source, delimiter, options.onBytes);
  } else {
    await assertSafeXlsx(source);
    rows = readXlsxRows(source, {
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
    throw new InputError(`${source.displayName}: no header row found${where}`, HEADER_HINT);
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
  return {
    source,
    kind: found.kind,
    header,
    headerLine: firstRows[found.rowIndex]!.line,
    delimiter,
    sheetName: selection.sheetName,
    titleDate: titleDate(firstRows.slice(0, found.rowIndex).map((r) => r.cells)),
    rows: (async function* () {
      if (after.length > 0) yield after;
      yield* rows;
    })(),
  };
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
