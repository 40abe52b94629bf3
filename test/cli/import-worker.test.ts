/**
 * The reading worker of a large CSV import (io/csv-worker.ts): a file above the worker threshold
 * imported with the worker and with ASN_IMPORT_WORKERS=0 gives the same exit code, stdout,
 * stderr, rejects file and stored tables, including rejects spread over several batches,
 * duplicates, a stray byte that is not UTF-8, a file that cannot be read past some line (refused,
 * nothing written), and --dry-run.
 */
import { readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_ROWS, WORKER_MIN_BYTES } from '../../src/io/csv-reader.js';
import { query, runAsn, tempDir, writePersonnel } from './helpers.js';

const ROWS = 9_000;

/** Every table of the database, every row (sorted: some tables have no rowid), the import log included. */
function dump(dbFile: string): string {
  if (!existsSync(dbFile)) return '(no database)';
  const tables = query<{ name: string }>(dbFile, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return tables.map(({ name }) => `${name}\n${query(dbFile, `SELECT * FROM "${name}"`).map((r) => JSON.stringify(r)).sort().join('\n')}`).join('\n');
}

interface Outcome { code: number; stdout: string; stderr: string; rejects: string; tables: string }

function importBoth(dir: string, args: string[]): { worker: Outcome; main: Outcome } {
  const one = (name: string, env: Record<string, string>): Outcome => {
    const db = join(dir, `${name}.db`);
    const rejects = join(dir, `${name}-rejects.csv`);
    rmSync(db, { force: true });
    const r = runAsn(['--db', db, 'import', '--rejects', rejects, ...args], { cwd: dir, env });
    return {
      code: r.code,
      stdout: r.stdout,
      stderr: r.stderr.replaceAll(`${name}-rejects.csv`, 'REJECTS').replaceAll(`${name}.db`, 'DB'),
      rejects: existsSync(rejects) ? readFileSync(rejects, 'utf8') : '(none)',
      tables: dump(db),
    };
  };
  return { worker: one('worker', {}), main: one('main', { ASN_IMPORT_WORKERS: '0' }) };
}

/** A personnel file above the threshold with bad rows early, in the middle and late, and duplicates. */
function bigPersonnel(dir: string, edit: (lines: string[]) => void = () => {}): string {
  const file = join(dir, 'personnel.csv');
  writePersonnel(file, ROWS);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  for (const at of [3, 2 * BATCH_ROWS + 7, 9 * BATCH_ROWS + 100, ROWS - 2]) lines[at] = lines[at]!.replace('2015-04-01', '2015-13-45');
  lines.push(lines[50]!); // the same row again: a duplicate
  lines.push(lines[60]!.replace('Pegawai 59', 'Pegawai Lain')); // the same NIP, other values: rejected
  edit(lines);
  writeFileSync(file, `${lines.join('\n')}\n`);
  expect(statSync(file).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
  return file;
}

describe('asn import: the reading worker and the main thread agree', () => {
  it('imports a large file the same way: rejects in line order over several batches, duplicates, counts', () => {
    const dir = tempDir();
    bigPersonnel(dir);
    const { worker, main } = importBoth(dir, ['--as-of', '2026-01-01', 'personnel.csv']);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toContain('5 rejected, 0 skipped, 1 identical duplicate counted once');
    expect(worker.rejects.split('\n').filter((l) => l.includes('2015-13-45')).length).toBe(4);
    expect(worker.rejects).toContain('same key as line 61');
    expect(worker.tables).toContain('Pegawai 8996');
    expect(worker).toEqual(main);
  });

  it('a stray non-UTF-8 byte late in a UTF-8 file rejects that row the same way', () => {
    const dir = tempDir();
    const file = bigPersonnel(dir);
    const text = readFileSync(file, 'utf8').replace('Pegawai 10,', 'Pegawai Désirée,');
    const at = text.indexOf('Pegawai 8000,');
    writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, at + 8), 'utf8'), Buffer.from([0x96]), Buffer.from(text.slice(at + 8), 'utf8')]));
    const { worker, main } = importBoth(dir, ['--as-of', '2026-01-01', 'personnel.csv']);
    expect(worker.code).toBe(1);
    expect(worker.rejects).toContain('invalid UTF-8 byte 0x96');
    expect(worker.tables).toContain('Pegawai Désirée');
    expect(worker).toEqual(main);
  });

  it('a file unreadable after many good batches is refused with the same error, nothing stored', () => {
    const dir = tempDir();
    bigPersonnel(dir, (lines) => {
      lines[ROWS - 500] = lines[ROWS - 500]!.replace('Pegawai', '"Pegawai');
    });
    const { worker, main } = importBoth(dir, ['--as-of', '2026-01-01', 'personnel.csv']);
    expect(worker.code).toBe(3);
    expect(worker.stderr).toContain('cannot read the CSV near line');
    expect(query(join(dir, 'worker.db'), 'SELECT count(*) AS n FROM employees')).toEqual([{ n: 0 }]);
    expect(worker).toEqual(main);
  });

  it('--dry-run and --strict give the same report and store nothing', () => {
    const dir = tempDir();
    bigPersonnel(dir);
    for (const flag of ['--dry-run', '--strict']) {
      const { worker, main } = importBoth(dir, [flag, '--as-of', '2026-01-01', 'personnel.csv']);
      expect(worker.code).not.toBe(0);
      expect(worker.tables).not.toContain('Pegawai 8996');
      expect(worker).toEqual(main);
    }
  });
  it('three large files in one command (two read by workers, the third on the main thread) import the same way', () => {
    const dir = tempDir();
    bigPersonnel(dir);
    for (const [name, start] of [['more.csv', 20_000], ['late.csv', 40_000]] as const) {
      writePersonnel(join(dir, name), ROWS, start);
      expect(statSync(join(dir, name)).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    }
    const { worker, main } = importBoth(dir, ['--as-of', '2026-01-01', 'personnel.csv', 'more.csv', 'late.csv']);
    expect(worker.code).toBe(1);
    expect(worker.tables).toContain('Pegawai 48999');
    expect(worker).toEqual(main);
  });
});
