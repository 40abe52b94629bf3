/**
 * The keys an import left unchanged (src/db/queries/imports.ts `unchangedKeys`, SPEC §1.6
 * duplicates): the Bloom filter in front of the temporary table never hides a key that was
 * added, answers like the table for keys that were not, and is emptied by reset.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { unchangedKeys } from '../../src/db/queries/imports.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-db-')), 'asn.db'), 'write');
});
afterEach(() => db.close());

/** NIP-like keys (and riwayat-like `nip|date` keys) that differ in one digit from each other. */
function keys(n: number, salt: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const nip = `19${String((i * 7919 + salt) % 100_000_000).padStart(8, '0')}20${String(i % 100_000).padStart(6, '0')}`;
    out.push(i % 3 === 0 ? `${nip}|2020-01-0${1 + (i % 9)}` : nip);
  }
  return out;
}

describe('unchangedKeys', () => {
  it('finds the line of every key added and none of the keys not added', () => {
    const unchanged = unchangedKeys(db);
    unchanged.reset();
    const added = keys(30_000, 1);
    const lines = new Map<string, number>();
    added.forEach((k, i) => {
      if (!lines.has(k)) lines.set(k, i + 2);
      unchanged.add(k, i + 2);
    });
    for (const [k, line] of lines) expect(unchanged.lineOf(k)).toBe(line);
    for (const k of keys(30_000, 5)) expect(unchanged.lineOf(k)).toBe(lines.get(k));
    expect(unchanged.lineOf('')).toBeUndefined();
  });

  it('forgets every key on reset (the next file starts empty)', () => {
    const unchanged = unchangedKeys(db);
    unchanged.add('198701192010012009', 7);
    expect(unchanged.lineOf('198701192010012009')).toBe(7);
    unchanged.reset();
    expect(unchanged.lineOf('198701192010012009')).toBeUndefined();
    unchanged.add('198701192010012009', 9);
    expect(unchanged.lineOf('198701192010012009')).toBe(9);
  });
});
