// What the numbers were measured on: CPU, cores, memory, OS, Node, SQLite and tool versions,
// and the commit of the tree (with a note when it had uncommitted changes).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function firstMatch(file, re) {
  try {
    return re.exec(readFileSync(file, 'utf8'))?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Versions of the external baselines; null when the tool is not installed. */
export function toolVersions() {
  return {
    sqlite3: run('sqlite3', ['--version'])?.split(' ')[0] ?? null,
    sqliteUtils: run('sqlite-utils', ['--version'])?.replace(/^sqlite-utils, version /, '') ?? null,
  };
}

export function describeMachine(root) {
  const cpu = firstMatch('/proc/cpuinfo', /^model name\s*:\s*(.+)$/m) ?? os.cpus()[0]?.model ?? 'unknown';
  const osName = firstMatch('/etc/os-release', /^PRETTY_NAME="?([^"\n]+)"?$/m) ?? `${os.type()} ${os.release()}`;
  const head = run('git', ['rev-parse', '--short', 'HEAD'], root);
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no'], root);
  let betterSqlite = null;
  try {
    betterSqlite = JSON.parse(readFileSync(`${root}/node_modules/better-sqlite3/package.json`, 'utf8')).version;
  } catch {
    // not installed: the raw baseline will say so
  }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${osName} (kernel ${os.release()}, ${os.arch()})`,
    node: process.version,
    betterSqlite3: betterSqlite,
    ...toolVersions(),
    commit: head === null ? null : `${head}${dirty ? ' with uncommitted changes' : ''}`,
    date: new Date().toISOString(),
    // Other work on the machine skews every figure: the 1-minute load average says whether there was any.
    loadAtStart: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
