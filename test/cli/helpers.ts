/**
 * Running the built binary the way a user does (STYLE.md "Tests run what users run"): in a
 * temporary directory, TZ=UTC, NO_COLOR=1, checking exit code, stdout and stderr.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/**
 * Writes a personnel CSV of `n` valid, distinct employees (NIPs consistent with birth date,
 * TMT CPNS and gender), numbered from `start`, for tests that need volume.
 */
export function writePersonnel(file: string, n: number, start = 0): void {
  const p2 = (x: number) => String(x).padStart(2, '0');
  const lines = ['NIP,NAMA,TANGGAL LAHIR,JENIS KELAMIN,JENIS PEGAWAI,GOLONGAN,TMT GOLONGAN,TMT CPNS,JABATAN,PENDIDIKAN,UNIT KERJA,INSTANSI'];
  for (let i = start; i < start + n; i++) {
    const k = Math.floor(i / 999);
    const d = 1 + (k % 28);
    const m = 1 + (Math.floor(k / 28) % 12);
    const y = 1960 + (Math.floor(k / 336) % 40);
    const g = 1 + (i % 2);
    const nip = `${y}${p2(m)}${p2(d)}${y + 25}${p2(m)}${g}${String(1 + (i % 999)).padStart(3, '0')}`;
    lines.push(`${nip},Pegawai ${i},${y}-${p2(m)}-${p2(d)},${g === 1 ? 'L' : 'P'},PNS,III/${'abcd'[i % 4]},2015-04-01,${y + 25}-${p2(m)}-01,Analis SDM Aparatur Ahli Muda,S-1,Unit ${i % 50},Pemerintah Kabupaten Contoh`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
