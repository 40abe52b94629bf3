/**
 * CSV reading with csv-parse (SPEC §1.1): delimiter detected from the header line among
 * `,` `;` TAB `|`, the encoding found by {@link inspectSource}, quoted fields with embedded
 * delimiters and newlines, one record at a time.
 */
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { InputError } from '../shared/errors.js';
import type { Source } from './source.js';
import { decodeField } from './utf8.js';
import { findHeader, type AliasMap, type FileKind } from './headers.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Why a row cannot be read as the file holds it (SPEC §1.7): the row is rejected with this. */
export interface CellProblem {
  column: string;
  value: string;
  reason: string;
}

/** One record of the file: `line` is the physical line where it starts (1-based). */
export interface RawRow {
  line: number;
  cells: unknown[];
  /** Set by the readers and io/row-checks.ts: the row is rejected with these (SPEC §1.7). */
  problems?: CellProblem[];
  /** A copy of the header row in the middle of the file (sheets pasted together): skipped. */
  repeatedHeader?: boolean;
  /** XLSX: cells whose value is not what the sheet shows (formula without a saved value, …). */
  unreadable?: Array<{ index: number; value: string; reason: string }>;
}

const SAMPLE_BYTES = 64 * 1024;

function sampleText(source: Source): string {
  let bytes: Buffer;
  if (source.buffer) {
    bytes = source.buffer.subarray(0, SAMPLE_BYTES);
  } else {
    const fd = openSync(source.path!, 'r');
    try {
      const buf = Buffer.alloc(SAMPLE_BYTES);
      const n = readSync(fd, buf, 0, SAMPLE_BYTES, 0);
      bytes = buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  }
  return new TextDecoder(source.encoding).decode(bytes);
}

/**
 * No real row of an HR export comes near this; a larger record (a 10 MB cell, a "CSV bomb" of a
 * million columns) refuses the file instead of filling memory.
 */
export const MAX_RECORD_CHARS = 1_000_000;

const PARSE_OPTIONS = {
  // SPEC §1.7: a row with more or fewer fields than the header is read as it is and rejected by
  // the table (io/row-checks.ts), never padded, cut or refused with the whole file.
  relax_column_count: true,
  // SPEC §1.7: CRLF, LF and CR may be mixed in one file (edited on two machines); each ends a
  // record outside quotes. csv-parse would otherwise take the first one it meets as the only one.
  record_delimiter: ['\r\n', '\n', '\r'] as string[],
  relax_quotes: true,
  skip_empty_lines: false,
  bom: false,
  max_record_size: MAX_RECORD_CHARS,
} as const;

function tryParseSample(text: string, delimiter: Delimiter): string[][] {
  // The sample may end inside a record; keep the lines that parse.
  for (const toLine of [21, 10, 3, 1]) {
    try {
      return parseSync(text, { ...PARSE_OPTIONS, delimiter, to_line: toLine }) as string[][];
    } catch {
      // try fewer lines
    }
  }
  return [];
}

/**
 * Picks the delimiter under which a header row is found with the most known columns
 * (title rows above the header often have no delimiters, or only empty cells).
 */
export function detectDelimiter(source: Source, aliases: AliasMap, kind?: FileKind): Delimiter | null {
  const text = sampleText(source);
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = tryParseSample(text, delimiter);
    const header = findHeader(rows, aliases, kind === undefined ? {} : { kind });
    if (!header) continue;
    const score = header.columns.size + header.secondary.length;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter ?? null;
}

function decoderStream(source: CsvInput): Transform {
  const decoder = new TextDecoder(source.encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** Records per batch handed to the importer: one await per batch, not per row. */
export const BATCH_ROWS = 512;

/** What a CSV reader needs of a {@link Source} (also what crosses to the reading worker). */
export type CsvInput = Pick<Source, 'path' | 'buffer' | 'encoding' | 'invalidUtf8'>;

/** csv-parse (or the read stream) stopped near `line`: {@link unreadableCsv} words it. */
export class CsvReadError extends Error {
  constructor(readonly line: number, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * The records of a CSV input in batches of {@link BATCH_ROWS}, each record with the physical line
 * where it starts. Lines are counted from the records themselves (one line per record plus the
 * line breaks inside quoted cells), which is cheaper than csv-parse's per-record `info`. A read
 * or parse failure is a {@link CsvReadError} after the last whole batch. Runs on the main thread
 * or in the reading worker (io/csv-worker.ts); both give the same batches.
 */
export async function* parseCsvBatches(
  input: CsvInput,
  delimiter: Delimiter,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RawRow[]> {
  const stream = input.buffer ? Readable.from([input.buffer]) : createReadStream(input.path!, { highWaterMark: 256 * 1024 });
  if (onBytes) {
    let read = 0;
    stream.on('data', (chunk: Buffer) => {
      read += chunk.length;
      onBytes(read);
    });
  }
  // SPEC §1.7: a UTF-8 file with stray bytes is parsed as bytes and each field decoded keeping
  // the stray bytes as marks (io/utf8.ts), so the row holding one is rejected naming the byte.
  // A valid UTF-8 file goes to csv-parse as bytes too (csv-parse works on bytes and decodes each
  // field as UTF-8; `bom` drops the BOM as TextDecoder did); other encodings are decoded first.
  const escaping = input.invalidUtf8;
  const parser = escaping
    ? stream.pipe(parse({ ...PARSE_OPTIONS, delimiter, encoding: null, bom: true }))
    : input.encoding === 'utf-8'
      ? stream.pipe(parse({ ...PARSE_OPTIONS, delimiter, bom: true }))
      : stream.pipe(decoderStream(input)).pipe(parse({ ...PARSE_OPTIONS, delimiter }));
  let line = 1;
  let batch: RawRow[] = [];
  try {
    for await (const fields of parser as AsyncIterable<string[] | Buffer[]>) {
      const record = escaping ? (fields as Buffer[]).map(decodeField) : (fields as string[]);
      batch.push({ line, cells: record });
      line += 1 + newlinesIn(record);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw new CsvReadError(line, (error as { code?: string }).code ?? '', (error as Error).message);
  }
  if (batch.length > 0) yield batch;
}

/**
 * Streams the records of a CSV source in batches. A file of {@link WORKER_MIN_BYTES} or more is
 * read, decoded and parsed by a worker thread (io/csv-worker.ts) while the caller checks and
 * writes the rows (the second core); smaller files and stdin are read here (see useWorker).
 * Either way the batches, their order and the error of an unreadable file are the same.
 */
export async function* readCsvRows(
  source: Source,
  delimiter: Delimiter,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RawRow[]> {
  try {
    if (useWorker(source)) yield* readCsvInWorker(source, delimiter, onBytes);
    else yield* parseCsvBatches(source, delimiter, onBytes);
  } catch (error) {
    if (error instanceof CsvReadError) throw unreadableCsv(source, error.line, error);
    throw error;
  }
}

/** Below this a worker (about 50 ms to start) costs more than it saves: about 5,000 narrow rows. */
export const WORKER_MIN_BYTES = 1024 * 1024;

/**
 * `ASN_IMPORT_WORKERS=0` reads every file on the main thread, `=1` every file on disk in a worker
 * whatever its size (README "Performance"); otherwise files of {@link WORKER_MIN_BYTES} or more.
 */
function useWorker(source: Source): boolean {
  const setting = process.env.ASN_IMPORT_WORKERS;
  if (setting === '0' || source.path === null || liveWorkers >= MAX_WORKERS) return false;
  return setting === '1' || source.size >= WORKER_MIN_BYTES;
}

/**
 * Every input is opened (its header read) before the first is imported, so each worker lives
 * from then on: at most two at once (personnel and appraisals of one command), the other files
 * are read on the main thread, so `asn import *.csv` does not start a worker heap per file.
 */
const MAX_WORKERS = 2;
let liveWorkers = 0;

/** Batches posted by the worker and not yet taken by the importer: bounds memory (≈ 4 × 512 rows). */
export const WORKER_CREDITS = 4;

export type WorkerMessage =
  | { type: 'batch'; rows: RawRow[]; bytes: number }
  | { type: 'error'; line: number; code: string; message: string }
  | { type: 'end' };

export interface WorkerInput {
  input: CsvInput;
  delimiter: Delimiter;
  credits: number;
}

/**
 * The main thread's half of the worker read: batches arrive in order (one worker is FIFO); each
 * batch taken returns a credit, so the worker is at most {@link WORKER_CREDITS} batches ahead. The
 * worker is held (ref) only while a batch is awaited, and ended when the caller stops reading.
 */
async function* readCsvInWorker(source: Source, delimiter: Delimiter, onBytes?: (bytesRead: number) => void): AsyncGenerator<RawRow[]> {
  const data: WorkerInput = { input: { path: source.path, buffer: null, encoding: source.encoding, invalidUtf8: source.invalidUtf8 }, delimiter, credits: WORKER_CREDITS };
  const worker = new Worker(new URL('./csv-worker.js', import.meta.url), { workerData: data });
  liveWorkers++;
  worker.unref();
  const queue: Array<WorkerMessage | { type: 'failed'; error: Error }> = [];
  let wake: (() => void) | null = null;
  const push = (m: (typeof queue)[number]): void => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: WorkerMessage) => push(m));
  worker.on('error', (error: Error) => push({ type: 'failed', error }));
  worker.on('exit', (code) => push({ type: 'failed', error: new Error(`the CSV reading worker stopped (exit code ${code})`) }));
  try {
    for (;;) {
      if (queue.length === 0) {
        worker.ref();
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
        worker.unref();
      }
      const m = queue.shift()!;
      if (m.type === 'batch') {
        worker.postMessage('credit');
        onBytes?.(m.bytes);
        yield m.rows;
      } else if (m.type === 'error') throw new CsvReadError(m.line, m.code, m.message);
      else if (m.type === 'end') return;
      else throw m.error;
    }
  } finally {
    liveWorkers--;
    worker.removeAllListeners();
    void worker.terminate();
  }
}

/** A CSV that csv-parse cannot read past some point: the whole file is refused (SPEC §1.6). */
function unreadableCsv(source: Source, nearLine: number, error: CsvReadError): InputError {
  const why = error.code === 'CSV_MAX_RECORD_SIZE'
    ? `a record is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters`
    : error.message;
  return new InputError(
    `${source.displayName}: cannot read the CSV near line ${nearLine}: ${why}`,
    'this does not look like a personnel, appraisal or promotion export; check the file, or export it again',
  );
}

/** Line breaks inside the quoted cells of a record (CRLF counts once). */
function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    if (cell.length === 0) continue;
    let at = cell.indexOf('\n');
    while (at !== -1) {
      count++;
      at = cell.indexOf('\n', at + 1);
    }
    // A lone CR is a line break too (old Mac files); CRLF was counted at its LF.
    if (cell.includes('\r')) count += (cell.match(/\r(?!\n)/g) ?? []).length;
  }
  return count;
}
