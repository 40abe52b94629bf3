/**
 * A file to import, looked at once before parsing: its SHA-256 for the import log (SPEC §1.6),
 * its format, and for CSV its text encoding (SPEC §1.1). Streaming, so memory does not grow
 * with the file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../shared/errors.js';
import { Utf8Census } from './utf8.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'windows-1252';

export interface Source {
  /** What the user typed (`-` for stdin). */
  name: string;
  /** File name without directories, for the import log. */
  displayName: string;
  /** Path on disk, or null for stdin. */
  path: string | null;
  /** The bytes of stdin (stdin is read whole; files are streamed). */
  buffer: Buffer | null;
  size: number;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  /**
   * UTF-8 that holds invalid bytes (SPEC §1.7): read as UTF-8, and each row holding one is
   * rejected. False for every other encoding.
   */
  invalidUtf8: boolean;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Scans the bytes once: hash, first bytes, UTF-8 validity, NUL bytes. */
class Scanner {
  readonly hash = createHash('sha256');
  readonly utf8 = new Utf8Census();
  head = Buffer.alloc(0);
  nul = false;
  size = 0;

  push(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < 4096) this.head = Buffer.concat([this.head, chunk.subarray(0, 4096 - this.head.length)]);
    if (!this.nul && chunk.includes(0)) this.nul = true;
    this.utf8.push(chunk);
  }

  finish(): { sha256: string; invalid: boolean; multibyte: boolean } {
    this.utf8.finish();
    return { sha256: this.hash.digest('hex'), invalid: this.utf8.invalid, multibyte: this.utf8.multibyte };
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Opens and inspects one input. Throws InputError (exit 3) when it cannot be used. */
export async function inspectSource(name: string): Promise<Source> {
  const scanner = new Scanner();
  let buffer: Buffer | null = null;
  let path: string | null = null;
  if (name === '-') {
    buffer = await readStdin();
    scanner.push(buffer);
  } else {
    path = name;
    try {
      if (statSync(name).isDirectory()) throw new InputError(`${name} is a directory, not a file`);
      for await (const chunk of createReadStream(name)) scanner.push(chunk as Buffer);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`cannot read ${name}: ${(error as Error).message}`, 'check the file name and that you may read it');
    }
  }
  const { sha256, invalid, multibyte } = scanner.finish();
  const head = scanner.head;
  const displayName = name === '-' ? '(stdin)' : basename(name);
  const base = { name, displayName, path, buffer, size: scanner.size, sha256, invalidUtf8: false };
  if (scanner.size === 0) throw new InputError(`${displayName} is empty`, 'export the file again; it has no bytes');
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return { ...base, format: 'xlsx', encoding: 'utf-8' };
  if (head.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new InputError(`${displayName} is an old Excel 97-2003 (.xls) workbook`, 'open it in a spreadsheet and save it as .xlsx or .csv');
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { ...base, format: 'csv', encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) {
    throw new InputError(`${displayName} is UTF-16 big-endian text`, 'save it as UTF-8 CSV or as "Unicode text" (UTF-16LE)');
  }
  if (scanner.nul) {
    throw new InputError(`${displayName} is not a text or XLSX file (it contains binary data)`, 'export the data as CSV or XLSX');
  }
  // SPEC §1.7: Windows-1252 only when no byte sequence of the file is valid multi-byte UTF-8; a
  // UTF-8 file with a few stray bytes stays UTF-8 and the rows holding them are rejected.
  if (!invalid) return { ...base, format: 'csv', encoding: 'utf-8' };
  if (multibyte) return { ...base, format: 'csv', encoding: 'utf-8', invalidUtf8: true };
  return { ...base, format: 'csv', encoding: 'windows-1252' };
}

/** Size in bytes of a path, for progress reporting. */
export function fileSize(path: string): number {
  return statSync(path).size;
}
