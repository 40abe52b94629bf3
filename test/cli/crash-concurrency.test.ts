/**
 * Crash safety and concurrency (issue 7): an import killed with SIGKILL at random points leaves
 * a database that passes integrity_check and holds none or all rows of the interrupted file;
 * two imports at once, and rank during an import, either both succeed or one stops with exit 4
 * "database is busy, try again" — never a partial or lost write.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../src/db/open.js';
import { migrate, SCHEMA_VERSION } from '../../src/db/migrate.js';
import { BIN, query, runAsn, tempDir, writePersonnel } from './helpers.js';

const env = { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' };

function start(args: string[], cwd: string, extraEnv: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...env, ...extraEnv } });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return { child, done };
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Deterministic "random" kill delays (a seeded LCG), spread over the import's duration. */
function delays(count: number, maxMs: number): number[] {
  let x = 12345;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 20 + (x % maxMs);
  });
}

describe('SIGKILL during an import', () => {
  const KILLS = 20;
  const ROWS = 20_000;

  it(`leaves none or all rows of the file, an intact database, and a rerun completes (${KILLS} kills)`, async () => {
    const dir = tempDir();
    writePersonnel(join(dir, 'seed.csv'), 200, 0);
    writePersonnel(join(dir, 'big.csv'), ROWS, 1_000);
    expect(runAsn(['import', 'seed.csv'], { cwd: dir }).code).toBe(0);
    const db = join(dir, 'asn.db');
    // How long a whole import takes here, to spread the kills over it.
    const timing = Date.now();
    const probe = runAsn(['--db', 'probe.db', 'import', 'big.csv'], { cwd: dir });
    expect(probe.code).toBe(0);
    const fullMs = Date.now() - timing;
    const outcomes = { none: 0, all: 0 };
    for (const delay of delays(KILLS, Math.max(100, fullMs))) {
      const { child, done } = start(['import', 'big.csv'], dir);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      const result = await done;
      expect(integrity(db)).toBe('ok');
      const n = (query<{ n: number }>(db, 'SELECT count(*) AS n FROM employees')[0]!).n;
      expect([200, 200 + ROWS]).toContain(n);
      if (result.signal === 'SIGKILL' && n === 200) outcomes.none++;
      else outcomes.all++;
      if (n === 200 + ROWS) {
        // Reset for the next kill: the file was completely imported before the kill landed.
        const w = new Database(db);
        w.prepare('DELETE FROM employees WHERE nip NOT IN (SELECT nip FROM employees ORDER BY rowid LIMIT 200)').run();
        w.close();
      }
    }
    // Most kills must land mid-import, or this test proves nothing.
    expect(outcomes.none).toBeGreaterThanOrEqual(KILLS / 2);
    const rerun = runAsn(['import', 'big.csv'], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 200 + ROWS });
    expect(integrity(db)).toBe('ok');
  }, 240_000);
});

describe('concurrent runs on one database', () => {
  it('two imports at once both succeed: the second waits for the first (busy timeout)', async () => {
    const dir = tempDir();
    writePersonnel(join(dir, 'a.csv'), 15_000, 0);
    writePersonnel(join(dir, 'b.csv'), 15_000, 50_000);
    expect(runAsn(['import', 'a.csv', '--dry-run'], { cwd: dir }).code).toBe(0);
    const a = start(['import', 'a.csv'], dir);
    const b = start(['import', 'b.csv'], dir);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const db = join(dir, 'asn.db');
    expect(query(db, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 30_000 });
    expect(query(db, 'SELECT count(*) AS n FROM imports')[0]).toEqual({ n: 2 });
  }, 120_000);

  it('a new file locked by another process while asn sets it up: asn waits, then imports', async () => {
    // SQLite answers BUSY at once, without the busy timeout, when asn switches a file to WAL
    // while another connection holds its write lock: two imports started together on a new file.
    const dir = tempDir();
    writePersonnel(join(dir, 'a.csv'), 100, 0);
    const file = join(dir, 'asn.db');
    writeFileSync(file, '', { mode: 0o600 });
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const imp = start(['import', 'a.csv'], dir);
    await new Promise((r) => setTimeout(r, 600));
    holder.exec('COMMIT');
    holder.close();
    const done = await imp.done;
    expect(done.code, done.stderr).toBe(0);
    expect(query(file, 'PRAGMA journal_mode')[0]).toEqual({ journal_mode: 'wal' });
    expect(query(file, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 100 });
  });

  it('a schema made by another process while asn waits for the lock is used, not made twice', async () => {
    const dir = tempDir();
    writePersonnel(join(dir, 'a.csv'), 100, 0);
    const file = join(dir, 'asn.db');
    writeFileSync(file, '', { mode: 0o600 });
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const imp = start(['import', 'a.csv'], dir);
    await new Promise((r) => setTimeout(r, 600));
    // What a second asn does while this one waits: stamp the file and make the schema.
    migrate(holder, file, () => holder.pragma(`application_id = ${APPLICATION_ID}`));
    holder.exec('COMMIT');
    holder.close();
    const done = await imp.done;
    expect(done.code, done.stderr).toBe(0);
    expect(query(file, 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 100 });
    expect(query(file, 'PRAGMA user_version')[0]).toEqual({ user_version: SCHEMA_VERSION });
  });

  it('rank and status during an import read the last committed state', async () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv', 'minimal/appraisals.csv'], { cwd: dir }).code).toBe(0);
    writePersonnel(join(dir, 'big.csv'), 20_000, 10_000);
    const imp = start(['import', 'big.csv'], dir);
    await new Promise((r) => setTimeout(r, 300));
    const rank = runAsn(['rank', '--format', 'csv'], { cwd: dir });
    const status = runAsn(['status', '--format', 'json'], { cwd: dir });
    const done = await imp.done;
    expect(done.code, done.stderr).toBe(0);
    expect(rank.code, rank.stderr).toBe(0);
    expect(rank.stdout.split('\n')[0]).toMatch(/^rank,nip,nama/);
    expect(status.code, status.stderr).toBe(0);
    const employees = (JSON.parse(status.stdout) as { tables: Array<{ table: string; rows: number }> }).tables.find((t) => t.table === 'employees')!.rows;
    expect([40, 20_040]).toContain(employees);
  }, 120_000);

  it('a lock held longer than the busy timeout stops the import with exit 4 and writes nothing', () => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv'], { cwd: dir }).code).toBe(0);
    const file = join(dir, 'asn.db');
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = runAsn(['import', 'minimal/appraisals.csv'], { cwd: dir, env: { ASN_BUSY_TIMEOUT_MS: '300' } });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('database is busy, try again');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(query(file, 'SELECT count(*) AS n FROM appraisals')[0]).toEqual({ n: 0 });
    expect(runAsn(['import', 'minimal/appraisals.csv'], { cwd: dir }).code).toBe(0);
  });
});

describe('damaged storage', () => {
  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['garbled', (b: Buffer) => { const r = Buffer.from(b); for (let i = 4096; i < r.length; i += 7) r[i] = (r[i]! * 31 + 7) & 255; return r; }],
  ])('a %s database: every command exits 4 with what to do, and the file is not changed', async (_name, damage) => {
    const dir = tempDir('minimal');
    expect(runAsn(['import', 'minimal/personnel.csv', 'minimal/appraisals.csv'], { cwd: dir }).code).toBe(0);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = join(dir, 'asn.db');
    writeFileSync(file, damage(readFileSync(file)));
    const before = readFileSync(file);
    for (const args of [['status'], ['rank', '--format', 'csv'], ['import', 'minimal/personnel.csv']]) {
      const r = runAsn(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
      expect(r.stderr).toMatch(/damaged|not an SQLite database/);
      expect(r.stderr).toContain('hint:');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a --db in a directory that does not exist: exit 4, nothing created', () => {
    const dir = tempDir('minimal');
    const r = runAsn(['--db', 'no/such/dir/asn.db', 'import', 'minimal/personnel.csv'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('does not exist');
  });
});
