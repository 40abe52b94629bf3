/**
 * A file to import, looked at once before parsing: its SHA-256 for the import log (SPEC §1.6),
 * its format, and for CSV its text encoding (SPEC §1.1). Streaming, so memory does not grow
 * with the file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { InputError } from '../shared/errors.js';

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
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Bytes at the end of `chunk` that may start an unfinished UTF-8 sequence. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Scans the bytes once: hash, first bytes, UTF-8 validity, NUL bytes. */
class Scanner {
  readonly hash = createHash('sha256');
  head = Buffer.alloc(0);
  utf8 = true;
  nul = false;
  private carry = Buffer.alloc(0);
  size = 0;

  push(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < 4096) this.head = Buffer.concat([this.head, chunk.subarray(0, 4096 - this.head.length)]);
    if (!this.nul && chunk.includes(0)) this.nul = true;
    if (this.utf8) {
      const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
      const tail = incompleteTail(data);
      this.utf8 = isUtf8(data.subarray(0, data.length - tail));
      this.carry = Buffer.from(data.subarray(data.length - tail));
    }
  }

  finish(): { sha256: string; utf8: boolean } {
    return { sha256: this.hash.digest('hex'), utf8: this.utf8 && this.carry.length === 0 };
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
  const { sha256, utf8 } = scanner.finish();
  const head = scanner.head;
  const displayName = name === '-' ? '(stdin)' : basename(name);
  const base = { name, displayName, path, buffer, size: scanner.size, sha256 };
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
  return { ...base, format: 'csv', encoding: utf8 ? 'utf-8' : 'windows-1252' };
}

/** Size in bytes of a path, for progress reporting. */
export function fileSize(path: string): number {
  return statSync(path).size;
}
