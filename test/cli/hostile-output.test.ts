/**
 * Hostile data on the way out (issue 7): CSV and XLSX outputs never hold a live formula, the HTML
 * report shows markup as text, filters are values (never SQL), a --model file cannot reach the
 * object prototype, and a killed `report --out` never leaves a half-written file under its name.
 */
import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, minimalDb, query, runAsn, tempDir, writePersonnel } from './helpers.js';

const APPRAISALS = [
  'NIP,TAHUN,PREDIKAT,JPM,POTENSI,JP',
  '198504182010011001,2024,B,80,TINGGI,24',
  '198504182010011001,2025,SB,85,TINGGI,24',
  '198602272011012010,2025,B,70,MENENGAH,10',
  '198703212011021004,2025,BP,60,RENDAH,5',
].join('\n');

/** A database whose names, units and posts are formulas, markup and SQL. */
function hostileDb(): string {
  const dir = tempDir('hostile');
  writeFileSync(join(dir, 'appraisals.csv'), `${APPRAISALS}\n`);
  const r = runAsn(['import', 'hostile/formulas-and-markup.csv', 'appraisals.csv'], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  return dir;
}

const LIVE = /^[=+\-@\t\r]/;

describe('no live formulas in CSV or XLSX output', () => {
  it('rank CSV guards every text cell that a spreadsheet would run', () => {
    const dir = hostileDb();
    const r = runAsn(['rank', '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const names = rows.map((row) => row.nama);
    expect(names).toContain(`'=HYPERLINK("http://x")`);
    expect(names).toContain("'@SUM(A1:A9)");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(LIVE);
  });

  it('report XLSX writes hostile text as plain strings, never formulas', async () => {
    const dir = hostileDb();
    const r = runAsn(['report', '--format', 'xlsx', '--out', 'r.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    let seen = 0;
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.formula).toBeUndefined();
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (String(cell.value).includes('HYPERLINK')) seen++;
    })));
    expect(seen).toBeGreaterThan(0);
  });
});

describe('the HTML report escapes everything', () => {
  it('an employee unit named <script>alert(1)</script> shows as text', () => {
    const dir = hostileDb();
    const r = runAsn(['report', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script>alert(1)</script>');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).not.toMatch(/<script/i);
  });
});

describe('filters are values, never SQL', () => {
  it('--unit "x\' OR 1=1 --" matches only a unit of that exact name and changes nothing', () => {
    const dir = minimalDb();
    const db = join(dir, 'asn.db');
    const before = readFileSync(db);
    const rank = runAsn(['rank', '--unit', "x' OR 1=1 --", '--format', 'csv'], { cwd: dir });
    expect(rank.code).toBe(2);
    expect(rank.stderr).toContain('x\' OR 1=1 --');
    const audit = runAsn(['audit', '--unit', "x' OR 1=1 --", '--format', 'csv'], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a unit that really is named like SQL is ranked on its own', () => {
    const dir = hostileDb();
    const r = runAsn(['rank', '--unit', "x' OR 1=1 --", '--format', 'csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.nip)).toEqual(['198602272011012010']);
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 3 });
  });
});

describe('--model files cannot reach the object prototype', () => {
  it.each([
    ['{"__proto__": {"polluted": 1}}', '__proto__'],
    ['{"weights": {"constructor": {"x": 1}}}', 'constructor'],
    ['{"box": {"prototype": 1}}', 'prototype'],
  ])('%s is refused with exit 2', (json, key) => {
    const dir = minimalDb();
    writeFileSync(join(dir, 'model.json'), json);
    const r = runAsn(['rank', '--model', 'model.json', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(key);
    expect(r.stdout).toBe('');
  });
});

describe('report --out is atomic', () => {
  it('a report killed while writing leaves no file under the final name (10 kills)', async () => {
    const dir = minimalDb();
    for (let i = 0; i < 10; i++) {
      const child = spawn(process.execPath, [BIN, 'report', '--format', 'xlsx', '--type', 'unit', '--out', 'laporan.xlsx'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' },
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((r) => setTimeout(r, 40 + i * 25));
      child.kill('SIGKILL');
      await closed;
      // Either the complete report, or nothing under the final name.
      if (existsSync(join(dir, 'laporan.xlsx'))) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(dir, 'laporan.xlsx'));
        expect(wb.worksheets.length).toBeGreaterThan(1);
      }
    }
    const r = runAsn(['report', '--format', 'xlsx', '--type', 'unit', '--out', 'laporan.xlsx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'laporan.xlsx'));
    expect(wb.worksheets.length).toBeGreaterThan(1);
  }, 120_000);
});

/** Character devices like /dev/null (1,3) and /dev/full (1,7), made in `dir` (needs root). */
function devices(dir: string): { nul: string; full: string } {
  const nul = join(dir, 'null');
  const full = join(dir, 'full');
  for (const [path, minor] of [[nul, '3'], [full, '7']] as const) {
    const r = spawnSync('mknod', ['-m', '666', path, 'c', '1', minor], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mknod ${path} failed (needs root): ${r.stderr}`);
  }
  return { nul, full };
}

/** Issue 12 (SPEC §1.7): outputs never destroy inputs, devices or the database, and never end cut. */
describe('output targets: never the database, an input or a device replaced', () => {
  const BAD_ROW = 'NIP,NAMA,GOLONGAN\n198504182010011001,Ratih,III/z\n';

  it.each([
    [['report', '--out', 'asn.db'], 'asn.db', 'is the database'],
    [['report', '--out', './sub/../asn.db'], 'asn.db', 'is the database'],
    [['report', '--out', 'link-to-db'], 'asn.db', 'is the database'],
    [['report', '--out', 'asn.db-wal'], 'asn.db', "write-ahead log"],
    [['import', 'bad.csv', '--rejects', 'asn.db'], 'asn.db', 'is the database'],
    [['import', 'bad.csv', '--rejects', 'bad.csv'], 'bad.csv', 'is the input file bad.csv'],
    [['import', 'bad.csv', '--rejects', 'link-to-input'], 'bad.csv', 'is the input file bad.csv'],
  ])('%j is refused (exit 2) and leaves %s as it was', (args, kept, message) => {
    const dir = minimalDb();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'bad.csv'), BAD_ROW);
    symlinkSync('asn.db', join(dir, 'link-to-db'));
    symlinkSync('bad.csv', join(dir, 'link-to-input'));
    const before = readFileSync(join(dir, kept));
    const employees = query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0];
    const r = runAsn(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(join(dir, kept)).equals(before)).toBe(true);
    expect(query(join(dir, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual(employees);
  });

  it('--rejects to a database that does not exist yet (through a dangling symlink) is refused', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), BAD_ROW);
    symlinkSync('new.db', join(dir, 'rejects.csv'));
    const r = runAsn(['--db', 'new.db', 'import', 'bad.csv', '--rejects', 'rejects.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the database');
  });

  it('--rejects and --out to a null device write in place: the device stays a device', () => {
    const dir = minimalDb();
    writeFileSync(join(dir, 'bad.csv'), BAD_ROW);
    // Our own copies of /dev/null and /dev/full (tests run as root): code that replaces the
    // target with a regular file must not take the machine's devices with it.
    const nul = devices(dir).nul;
    expect(runAsn(['import', 'bad.csv', '--rejects', nul], { cwd: dir }).code).toBe(1);
    expect(runAsn(['report', '--out', nul], { cwd: dir }).code).toBe(0);
    expect(runAsn(['report', '--format', 'xlsx', '--out', nul], { cwd: dir }).code).toBe(0);
    const st = statSync(nul);
    expect(st.isCharacterDevice()).toBe(true);
    expect(st.mode & 0o777).toBe(0o666);
  });

  it('--out and --rejects to a full device: exit 4 "disk full", the device stays a device', () => {
    const dir = minimalDb();
    writeFileSync(join(dir, 'bad.csv'), BAD_ROW);
    const full = devices(dir).full;
    for (const args of [['report', '--out', full], ['report', '--format', 'xlsx', '--out', full], ['import', 'bad.csv', '--rejects', full]]) {
      const r = runAsn(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
      expect(r.stderr).toContain('could not write the whole output: disk full');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  it('--out to a named pipe writes into the pipe, which stays a pipe', () => {
    const dir = minimalDb();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync('sh', ['-c', `timeout 30 cat "${fifo}" > got.md & "${process.execPath}" "${BIN}" report --out "${fifo}"; s=$?; wait; exit $s`], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'got.md'), 'utf8')).toMatch(/^# /);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('the rejects file of a ";" file is written with ";", the input header, UTF-8 with BOM', () => {
    const dir = minimalDb();
    writeFileSync(join(dir, 'semi.csv'), 'NIP;NAMA;GOLONGAN;UNIT KERJA\n198504182010011001;Ratih Purwaningsih;III/z;Dinas A\n');
    const r = runAsn(['import', 'semi.csv', '--rejects', 'rejects.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    const bytes = readFileSync(join(dir, 'rejects.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('NIP;NAMA;GOLONGAN;UNIT KERJA;file;line;column;value;reason');
    expect(lines[1]).toMatch(/^198504182010011001;Ratih Purwaningsih;III\/z;Dinas A;semi\.csv;2;GOLONGAN;III\/z;/);
    expect(lines).toHaveLength(2);
  });

  it('a row with two problems is one row of the rejects file, the reasons joined', () => {
    const dir = minimalDb();
    writeFileSync(join(dir, 'two.csv'), 'NIP,NAMA,GOLONGAN,TANGGAL LAHIR\n198504182010011001,Ratih,III/z,31-02-1985\n');
    expect(runAsn(['import', 'two.csv', '--rejects', 'rejects.csv'], { cwd: dir }).code).toBe(1);
    const rows = parse(readFileSync(join(dir, 'rejects.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.column.split('; ').sort()).toEqual(['GOLONGAN', 'TANGGAL LAHIR']);
    expect(rows[0]!.value.split('; ').sort()).toEqual(['31-02-1985', 'III/z']);
    expect(rows[0]!.reason).toMatch(/GOLONGAN: .*III\/z/);
    expect(rows[0]!.reason).toMatch(/TANGGAL LAHIR: impossible date/);
  });
});

describe('short writes: exit 4, never exit 0 with a cut output', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) {
      spawnSync('umount', [m]);
      rmdirSync(m);
    }
  });

  /** A database with 3,000 appraised employees: rank --all writes ~400 KB. */
  function bigDb(): string {
    const dir = tempDir();
    writePersonnel(join(dir, 'p.csv'), 3000);
    const nips = readFileSync(join(dir, 'p.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    writeFileSync(join(dir, 'a.csv'), `NIP,TAHUN,PREDIKAT\n${nips.map((nip, i) => `${nip},2025,${i % 3 === 0 ? 'SB' : 'B'}`).join('\n')}\n`);
    const r = runAsn(['import', 'p.csv', 'a.csv'], { cwd: dir });
    if (r.code !== 0) throw new Error(r.stderr);
    return dir;
  }

  /** A 64 KB tmpfs (tests run as root on Linux) holding 56 KB already: a disk about to fill up. */
  function smallDisk(): string {
    const dir = tempDir();
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`cannot mount a tmpfs (needs root): ${m.stderr}`);
    mounts.push(dir);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(56 * 1024));
    return dir;
  }

  it('stdout to a full device: exit 4 with the message, no stack trace', () => {
    const dir = minimalDb();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rank --format csv > "${devices(dir).full}"`], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' } });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('asn: error: could not write the whole output: disk full');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rank --format csv > file on a full disk: exit 4, not exit 0 with the lowest ranks cut', () => {
    const dir = bigDb();
    const disk = smallDisk();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rank --all --format csv > "${disk}/rank.csv"`], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('could not write the whole output: disk full');
    expect(r.stderr).not.toContain('internal error');
  });

  it('report --out and --rejects on a full disk: exit 4, and no file (not even a temporary one) is left', () => {
    const dir = bigDb();
    const disk = smallDisk();
    const report = runAsn(['report', '--type', 'unit', '--format', 'html', '--out', join(disk, 'r.html')], { cwd: dir });
    expect(report.code, report.stderr).toBe(4);
    expect(report.stderr).toContain('could not write the whole output: disk full');
    const lines = ['NIP,NAMA,GOLONGAN'];
    for (let i = 0; i < 3000; i++) lines.push(`198504182010011001,Pegawai dengan nama yang cukup panjang ${i},III/z`);
    writeFileSync(join(dir, 'bad.csv'), `${lines.join('\n')}\n`);
    const rejects = runAsn(['import', 'bad.csv', '--rejects', join(disk, 'rejects.csv')], { cwd: dir });
    expect(rejects.code, rejects.stderr).toBe(4);
    expect(rejects.stderr).toContain('could not write the whole output: disk full');
    expect(rejects.stderr).not.toContain('internal error');
    expect(readdirSync(disk)).toEqual(['filler']);
  });

  it('a closed pipe (| head) stays quiet and exits 0', () => {
    const dir = bigDb();
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" rank --all --format csv | head -1; exit \${PIPESTATUS[0]}`], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^rank,nip,nama/);
    expect(r.stderr).not.toContain('error');
  });
});

describe('temporary files are removed on SIGINT, SIGTERM and SIGHUP', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s during report --format xlsx --out leaves no .tmp file', async (signal) => {
    const dir = tempDir();
    writePersonnel(join(dir, 'p.csv'), 6000);
    expect(runAsn(['import', 'p.csv'], { cwd: dir }).code).toBe(0);
    const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    let caught = false;
    for (let attempt = 0; attempt < 5 && !caught; attempt++) {
      const child = spawn(process.execPath, [BIN, 'report', '--format', 'xlsx', '--type', 'unit', '--out', 'a.xlsx'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' },
      });
      const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      let exited = false;
      void closed.then(() => { exited = true; });
      while (!exited && temps().length === 0) await new Promise((r) => setTimeout(r, 5));
      if (!exited) child.kill(signal);
      // The report may finish just before the signal arrives: then try again.
      caught = (await closed) === signal;
      expect(temps()).toEqual([]);
      if (caught) expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
      else rmSync(join(dir, 'a.xlsx'), { force: true });
    }
    expect(caught).toBe(true);
  }, 120_000);
});

describe('terminal safety: control characters in data are shown as U+FFFD everywhere', () => {
  const EVIL_NAME = 'Ratih \x1b[2J\x1b]8;;http://contoh.invalid\x07klik\x1b]8;;\x07';
  const EVIL_UNIT = 'Dinas \x1b[31mMerah';

  function evilDb(): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.csv'), `NIP,NAMA,UNIT KERJA,GOLONGAN\n198504182010011001,"${EVIL_NAME}",${EVIL_UNIT},III/c\n`);
    writeFileSync(join(dir, 'a.csv'), 'NIP,TAHUN,PREDIKAT\n198504182010011001,2025,B\n');
    const r = runAsn(['import', 'p.csv', 'a.csv'], { cwd: dir });
    if (r.code !== 0) throw new Error(r.stderr);
    return dir;
  }

  /** Runs asn with stdout and stderr on a pseudo-terminal (util-linux `script`). */
  function onTty(dir: string, args: string[]): string {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', TERM: 'dumb' } });
    if (r.status !== 0) throw new Error(`script failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  function expectSafe(text: string): void {
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
    expect(text).toContain('\uFFFD[2J');
  }

  it('rank --explain on a terminal', () => {
    const dir = evilDb();
    const out = onTty(dir, ['rank', '--explain', '198504182010011001']);
    expect(out).toContain('NIP 198504182010011001');
    expectSafe(out);
    expect(out).toContain('\uFFFD]8;;http://contoh.invalid\uFFFDklik');
  });

  it('the Markdown report on a terminal', () => {
    const dir = evilDb();
    const out = onTty(dir, ['report', '--type', 'employee', '--nip', '198504182010011001']);
    expect(out).toContain('198504182010011001');
    expectSafe(out);
  });

  it('reject lines on stderr, the "units:" hint, and file names in messages', () => {
    const dir = evilDb();
    writeFileSync(join(dir, 'bad.csv'), 'NIP,NAMA,GOLONGAN\n198504182010011001,Ratih,"III/\x1b[2Jz"\n');
    const rejected = runAsn(['import', 'bad.csv'], { cwd: dir });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('GOLONGAN "III/\uFFFD[2Jz"');
    expectSafe(rejected.stderr);
    const hint = runAsn(['rank', '--unit', 'nope', '--format', 'csv'], { cwd: dir });
    expect(hint.code).toBe(2);
    expect(hint.stderr).toContain('Dinas \uFFFD[31mMerah');
    expect(hint.stderr).not.toContain('\x1b');
    const name = 'data\x1b[2J.csv';
    const missing = runAsn(['import', name], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('data\uFFFD[2J.csv');
    expectSafe(missing.stderr);
  });

  it("asn's own colours survive on a terminal; the data inside them does not", () => {
    const dir = evilDb();
    const command = [process.execPath, BIN, 'rank', '--format', 'table'].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', TERM: 'xterm' } });
    expect(r.stdout).toContain('\x1b[1mrank\x1b[22m');
    expect(r.stdout).not.toContain('\x1b[2J');
    expect(r.stdout).not.toContain('\x1b[31m');
  });
});
