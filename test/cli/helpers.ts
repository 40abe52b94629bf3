/**
 * Running the built binary the way a user does (STYLE.md "Tests run what users run"): in a
 * temporary directory, TZ=UTC, NO_COLOR=1, checking exit code, stdout and stderr.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/asn.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runAsn(args: string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: opts.cwd, TZ: 'UTC', NO_COLOR: '1', ASN_NOW: '2026-01-15T08:00:00.000Z', ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory, optionally with fixture folders copied into it. */
export function tempDir(...fixtureDirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'asn-test-'));
  for (const f of fixtureDirs) cpSync(join(FIXTURES, f), join(dir, f), { recursive: true });
  return dir;
}

/** Reads rows from a database file made by a test (read-only). */
export function query<T = Record<string, unknown>>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Imports the minimal fixture into `dir/asn.db` and returns the directory. */
export function minimalDb(): string {
  const dir = tempDir('minimal');
  const r = runAsn(['import', 'minimal/personnel.csv', 'minimal/appraisals.csv', 'minimal/promotions.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(`import of fixtures/minimal failed (${r.code}): ${r.stderr}`);
  return dir;
}
