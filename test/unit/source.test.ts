/** Format and encoding detection of an input file (SPEC §1.1). */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectSource } from '../../src/io/source.js';
import { InputError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-source-'));
function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('inspectSource', () => {
  it.each([
    ['utf8.csv', Buffer.from('NIP,NAMA\n1,André\n', 'utf8'), 'utf-8'],
    ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('NIP;NAMA\n', 'utf8')]), 'utf-8'],
    ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('NIP\tNAMA\n', 'utf16le')]), 'utf-16le'],
    ['cp1252.csv', Buffer.from('NIP,NAMA\n1,Andr\xe9\n', 'latin1'), 'windows-1252'],
  ])('%s is read as %s', async (name, bytes, encoding) => {
    const source = await inspectSource(file(name, bytes));
    expect(source.format).toBe('csv');
    expect(source.encoding).toBe(encoding);
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats a multi-byte character split across read chunks as UTF-8', async () => {
    // 64 KiB is the default chunk size: put "é" (2 bytes) across the boundary.
    const head = Buffer.alloc(65535, 0x61);
    const source = await inspectSource(file('split.csv', Buffer.concat([head, Buffer.from('é\n', 'utf8')])));
    expect(source.encoding).toBe('utf-8');
  });

  it('recognises XLSX by its zip signature', async () => {
    const source = await inspectSource(file('x.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])));
    expect(source.format).toBe('xlsx');
  });

  it.each([
    ['empty.csv', Buffer.alloc(0), 'is empty'],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), '.xls'],
    ['binary.csv', Buffer.from([0x4e, 0x49, 0x50, 0x00, 0x01]), 'binary'],
    ['be.txt', Buffer.from([0xfe, 0xff, 0, 0x4e]), 'big-endian'],
  ])('refuses %s (exit 3)', async (name, bytes, message) => {
    const error = await inspectSource(file(name, bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(3);
    expect((error as InputError).message).toContain(message);
  });
});
