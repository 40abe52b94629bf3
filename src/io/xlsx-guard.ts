/**
 * A look at an XLSX file's zip directory before any of it is unpacked: a "zip bomb" (a few
 * kilobytes that unpack to gigabytes) is refused instead of filling memory. exceljs keeps the
 * shared-strings part in memory, so that part gets the tightest bound.
 */
import { InputError } from '../shared/errors.js';
import type { Source } from './source.js';

/** Largest unpacked workbook accepted: far above any real SIASN export (4.7 M rows ≈ 2 GB of XML). */
export const MAX_UNPACKED_BYTES = 8 * 1024 ** 3;
/** Largest shared-strings part: exceljs holds it in memory. */
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 ** 2;
/** Real spreadsheets compress 5–30×; a bomb compresses thousands of times. */
export const MAX_RATIO = 250;
/** Ratios are only judged for parts big enough to matter. */
const RATIO_FLOOR_BYTES = 64 * 1024 ** 2;

interface ZipEntry {
  path: string;
  compressedSize: number;
  uncompressedSize: number;
  buffer(): Promise<Buffer>;
}

type OpenZip = { files: ZipEntry[] };
interface Unzipper {
  Open: { file(path: string): Promise<OpenZip>; buffer(data: Buffer): Promise<OpenZip> };
}

/** Refuses a zip bomb; returns the zip directory (the workbook's parts, unread). */
export async function assertSafeXlsx(source: Source): Promise<ZipEntry[]> {
  const { default: unzipper } = (await import('unzipper')) as unknown as { default: Unzipper };
  let zip: OpenZip;
  try {
    zip = source.buffer ? await unzipper.Open.buffer(source.buffer) : await unzipper.Open.file(source.path!);
  } catch (error) {
    throw new InputError(
      `${source.displayName} is not a readable XLSX workbook (${(error as Error).message})`,
      'open it in a spreadsheet and save it again as .xlsx, or export CSV',
    );
  }
  let total = 0;
  for (const entry of zip.files) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    const bomb =
      (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) ||
      (entry.path === 'xl/sharedStrings.xml' && entry.uncompressedSize > MAX_SHARED_STRINGS_BYTES);
    if (bomb) {
      throw new InputError(
        `${source.displayName}: part ${entry.path} would unpack to ${Math.round(entry.uncompressedSize / 1024 ** 2)} MB (compressed ${ratio.toFixed(0)}×); refused as a possible zip bomb`,
        'export the data again from the source system, or save it as CSV',
      );
    }
  }
  if (total > MAX_UNPACKED_BYTES) {
    throw new InputError(
      `${source.displayName} would unpack to ${(total / 1024 ** 3).toFixed(1)} GB; refused`,
      'split the workbook, or export CSV',
    );
  }
  return zip.files;
}
